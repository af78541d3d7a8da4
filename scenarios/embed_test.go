package scenarios

import (
	"io/fs"
	"slices"
	"testing"
)

func TestNames(t *testing.T) {
	names := Names()
	for _, want := range []string{"growth-plan", "validation/mmc"} {
		if !slices.Contains(names, want) {
			t.Errorf("Names() = %v, lacks %s", names, want)
		}
	}
	for _, f := range []string{"salesim.schema.json", "REFERENCE.md"} {
		if _, err := fs.Stat(FS, f); err != nil {
			t.Error(err)
		}
	}
}
