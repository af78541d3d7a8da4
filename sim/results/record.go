package results

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/salesim/salesim/sim/metric"
)

// Record is what one replication produced.
type Record struct {
	Rep    int
	Events uint64    // kernel events processed
	Values []float64 // one per key, in the order of the run's keys
	// People holds the measures per post, one per key of the run's
	// people keys (Post ≥ 1), in their order; NaN where a measure is
	// undefined (a post nobody held, attainment never judged).
	People []float64
}

// KeysDigest returns a SHA-256 of the key list, so that shards of
// different designs or versions are not merged.
func KeysDigest(keys []metric.Key) string {
	h := sha256.New()
	for _, k := range keys {
		h.Write([]byte(k.String()))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}
