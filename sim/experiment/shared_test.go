package experiment

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// TestSharedUntil: designs that differ only in headcounts after the
// reorganisation, run with the warm-up shared up to it, give the records
// of a run without; a shared warm-up that would end after a design's
// reorganisation is refused.
func TestSharedUntil(t *testing.T) {
	t.Parallel()
	ds := []*Design{design(t, "growth-plan"), design(t, "growth-plan", "reorg[0].headcount.hunter=4")}
	at := ds[0].Plan.Config().Reorgs[0].At
	opt := Options{Seed: 3, Replications: 3, Workers: 2}
	plain := run(t, ds, opt)
	opt.SharedUntil = at
	shared := run(t, ds, opt)
	for i := range ds {
		if !reflect.DeepEqual(shared.Results[i].Records, plain.Results[i].Records) {
			t.Errorf("%s: records with the shared warm-up differ", ds[i].Name)
		}
	}
	opt.SharedUntil = at + 1
	if _, err := Run(context.Background(), ds, opt); err == nil || !strings.Contains(err.Error(), "before the shared warm-up ends") {
		t.Errorf("shared beyond the reorganisation: %v", err)
	}
}
