package experiment

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"runtime"

	"github.com/salesim/salesim/sim/results"
)

// A Manifest is manifest.json: what was run, how, and how fast. Its
// JSON field names are stable; scripts may read them.
//
// The caller sets how the run was made (Command, Started, Workers,
// WallSeconds, Requested, Precision) and the files it wrote;
// [Manifest.Describe] fills in the rest from the merged run.
type Manifest struct {
	Salesim      string           `json:"salesim"`
	Go           string           `json:"go"`
	Command      []string         `json:"command,omitempty"`
	Started      string           `json:"started,omitempty"`
	Scenario     string           `json:"scenario"`
	File         string           `json:"file"`
	Variant      string           `json:"variant,omitempty"`
	SHA256       string           `json:"sha256"`
	Overrides    []string         `json:"overrides"`
	Seed         uint64           `json:"seed"`
	Replications int              `json:"replications"`
	Requested    int              `json:"requested,omitempty"`
	Precision    float64          `json:"precision,omitempty"`
	Partial      bool             `json:"partial"`
	Shards       int              `json:"shards"`
	Workers      int              `json:"workers,omitempty"`
	Events       uint64           `json:"kernel_events"`
	WallSeconds  float64          `json:"wall_seconds,omitempty"`
	EventsPerSec float64          `json:"kernel_events_per_second,omitempty"`
	RepsPerSec   float64          `json:"replications_per_second,omitempty"`
	Files        []string         `json:"files"`
	Sources      []ManifestSource `json:"sources"`
}

// A ManifestSource is one scenario file as it was read for the run.
type ManifestSource struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Text   string `json:"text"`
}

// Describe fills in what the merged run m says of itself: versions,
// scenario, the file it was read from (the first source; "builtin:" for
// a built-in), overrides, seed, replications, shards, kernel events, the
// rates (if WallSeconds is set), the scenario's sources, and Partial if
// the run is partial.
func (man *Manifest) Describe(m *Merged) {
	h := m.Run.Header
	if m.Partial() {
		man.Partial = true
	}
	man.Salesim, man.Go = Version(), runtime.Version()
	man.Scenario, man.Variant, man.SHA256 = h.Scenario, h.Variant, h.SHA256
	man.Overrides = h.Set
	if man.Overrides == nil {
		man.Overrides = []string{}
	}
	man.Seed, man.Replications, man.Shards = h.Seed, len(m.Run.Records), m.Shards
	man.Events = m.Table.Events
	if man.WallSeconds > 0 {
		man.EventsPerSec = float64(man.Events) / man.WallSeconds
		man.RepsPerSec = float64(man.Replications) / man.WallSeconds
	}
	man.Sources = man.Sources[:0]
	man.File = ""
	if len(h.Sources) > 0 {
		man.File = h.Sources[0].Name
	}
	for _, s := range h.Sources {
		sum := sha256.Sum256(s.Text)
		man.Sources = append(man.Sources, ManifestSource{Name: s.Name, SHA256: hex.EncodeToString(sum[:]), Text: string(s.Text)})
	}
}

// JSON returns the manifest as indented JSON, as in manifest.json and
// report.html, without a final newline.
func (man *Manifest) JSON() ([]byte, error) { return json.MarshalIndent(man, "", "  ") }

// WriteJSON writes manifest.json: the manifest as indented JSON and a
// newline.
func (man *Manifest) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(man)
}

// ReadManifest reads a manifest written by [Manifest.WriteJSON]; name is
// used in errors.
func ReadManifest(r io.Reader, name string) (*Manifest, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &m, nil
}

// Design rebuilds the design of the run the manifest describes from the
// scenario text it records (see [FromHeader]).
func (man *Manifest) Design() (*Design, error) {
	h := results.Header{Scenario: man.Scenario, SHA256: man.SHA256, Seed: man.Seed, Variant: man.Variant, Set: man.Overrides}
	if len(h.Set) == 0 {
		h.Set = nil
	}
	for _, s := range man.Sources {
		h.Sources = append(h.Sources, results.Source{Name: s.Name, Text: []byte(s.Text)})
	}
	return FromHeader(h)
}
