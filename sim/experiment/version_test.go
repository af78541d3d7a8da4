package experiment

import (
	"runtime/debug"
	"testing"
)

// TestVersion: a build without a module version or VCS information (go
// build -buildvcs=false, as CI builds) reports the release version, not
// "devel"; a stamped module version wins; a VCS revision is appended to
// the release version.
func TestVersion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"no information", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, ReleaseVersion},
		{"empty", debug.BuildInfo{}, ReleaseVersion},
		{"tagged", debug.BuildInfo{Main: debug.Module{Version: "v0.3.1"}}, "v0.3.1"},
		{"revision", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}}, ReleaseVersion + "+0123456789ab.dirty"},
	} {
		if got := version(&tc.bi); got != tc.want {
			t.Errorf("%s: version = %q, want %q", tc.name, got, tc.want)
		}
	}
	if v := Version(); v == "" || v == "devel" {
		t.Errorf("Version() = %q", v)
	}
}
