package experiment

import "runtime/debug"

// ReleaseVersion is the version of this source tree: the last release
// tag, bumped together with each new tag (git tag vX.Y.Z). A build that
// carries no version of its own reports it (see [Version]).
const ReleaseVersion = "v0.3.0"

// Version returns the salesim version of the running binary: the module
// version the go command stamped into it (a build by "go install
// ...@v0.3.0", or from a tagged checkout: "v0.3.0", or a pseudo-version
// such as "v0.3.1-0.20260101120000-0123456789ab+dirty" between tags);
// else [ReleaseVersion], followed by "+" and the VCS revision if the
// build recorded one ("v0.3.0+0123456789ab", ".dirty" if the tree had
// changes). Shard headers and manifests record it, and [Merge] refuses
// shards of different versions.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ReleaseVersion
	}
	return version(bi)
}

func version(bi *debug.BuildInfo) string {
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
				dirty = ".dirty"
			}
		}
	}
	if rev == "" {
		return ReleaseVersion
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return ReleaseVersion + "+" + rev + dirty
}
