package experiment

import "runtime/debug"

// Version returns the salesim module version of the running binary, or
// the VCS revision of a development build ("devel-0123456789ab", with
// "+dirty" if the tree had changes), or "devel". Shard headers and
// manifests record it, and [Merge] refuses shards of different versions.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return "devel-" + rev + dirty
}
