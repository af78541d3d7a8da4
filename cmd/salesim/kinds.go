package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/salesim/salesim/sim/scenario"
)

// A scenario given where an experiment file belongs, or the other way
// round, is refused key by key; a note then says which command reads the
// file.

// experimentKeys are top-level keys of an experiment file that no
// scenario has; scenarioKeys those of a scenario that no experiment file
// has.
var (
	experimentKeys = []string{"design", "designs", "factor", "plan", "response", "objective", "constraint", "seek", "sensitivity"}
	scenarioKeys   = []string{"description", "include", "run", "market", "inbound", "database", "activities", "stages", "segments", "clients", "roles", "teams", "handoffs", "initial", "reorg", "target", "variants", "unset"}
)

// Notes for a file of the other kind, given the keys that tell.
const (
	experimentNote = "note: %s %s of an experiment file: 'salesim sweep', 'salesim seek' and 'salesim sensitivity' read experiment files"
	scenarioNote   = "note: %s %s of a scenario: 'salesim run' runs a scenario, and an experiment file names it (design = \"FILE\")"
)

// otherKind adds note to err if err refuses top-level keys that are the
// other kind of file's (keys): the user gave the file to the wrong
// command.
func otherKind(err error, keys []string, note string) error {
	var hits []string
	for _, p := range scenario.Problems(err) {
		var fe *scenario.FieldError
		if errors.As(p, &fe) && strings.HasPrefix(fe.Msg, "unknown key") && slices.Contains(keys, fe.Key) && !slices.Contains(hits, fe.Key) {
			hits = append(hits, fe.Key)
		}
	}
	if len(hits) == 0 {
		return err
	}
	are := "are keys"
	if len(hits) == 1 {
		are = "is a key"
	}
	return &notedError{err: err, note: fmt.Sprintf(note, strings.Join(hits, ", "), are)}
}

// notedError is an error with a note on a line of its own after it.
type notedError struct {
	err  error
	note string
}

func (e *notedError) Error() string { return e.err.Error() + "\n" + e.note }
func (e *notedError) Unwrap() error { return e.err }
