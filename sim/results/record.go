package results

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Key names a measure: metric, role ("all" for the department) and
// period ("total" or "m01", "m02", ...).
type Key struct {
	Metric, Role, Period string
}

// String returns "metric:role:period", the column name in shard files.
func (k Key) String() string { return k.Metric + ":" + k.Role + ":" + k.Period }

// parseKey is the inverse of Key.String.
func parseKey(s string) (Key, bool) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return Key{}, false
	}
	return Key{parts[0], parts[1], parts[2]}, true
}

// Record is what one replication produced.
type Record struct {
	Rep    int
	Events uint64    // kernel events processed
	Values []float64 // one per key, in the order of the run's keys
}

// KeysDigest returns a SHA-256 of the key list, so that shards of
// different designs or versions are not merged.
func KeysDigest(keys []Key) string {
	h := sha256.New()
	for _, k := range keys {
		h.Write([]byte(k.String()))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}
