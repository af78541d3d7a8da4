package experiment

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// CacheKey returns the key under which the records of replications
// 0..reps-1 of design d with master seed seed can be cached: the hex
// SHA-256 of a versioned text that holds the SHA-256 of the scenario's
// text (every file read, includes too), the variant, the overrides in
// order, the seed and reps.
//
// The key is exact: equal keys mean byte-identical records, whatever the
// number of workers, the sharding, or whether a precision rule chose
// reps, because replication i depends only on the design and (seed, i).
// The records of a shorter run are a prefix of a longer one's, so a cache
// may also serve 0..n-1 from an entry of more replications.
//
// The key does not hold the salesim version: a cache kept across
// builds must add [Version] (and should not trust a "devel" one), since
// a change to the model changes the records of the same key.
func CacheKey(d *Design, seed uint64, reps int) string {
	sc := d.Scenario
	set, _ := json.Marshal(sc.Set) // a []string always marshals
	text := fmt.Sprintf("salesim records v1\nscenario-sha256=%s\nvariant=%s\nset=%s\nseed=%d\nreplications=%d\n",
		sc.SHA256, sc.Variant, set, seed, reps)
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
