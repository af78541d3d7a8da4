package dist

import "math/rand/v2"

// Stream returns the random stream number stream of replication rep under
// the master seed: a PCG generator whose two 64-bit seeds are derived from
// (seed, rep, stream) by two chains of the SplitMix64 finaliser with
// different keys. The same triple always gives the same stream, on every
// platform and for any number of workers; nearby triples (seeds 1 and 2,
// replications 0 and 1, or stream ids that differ in one bit) give
// unrelated streams. Each step of a chain is a bijection of the input it
// mixes in, so triples that differ in one coordinate never share a seed.
//
// Key each input's stream by what it feeds, with [StreamID], so that two
// designs compared under the same seed see the same random numbers for the
// inputs they share (common random numbers). A *rand.Rand must be used by
// one goroutine at a time. Stream panics if rep is negative.
func Stream(seed uint64, rep int, stream uint64) *rand.Rand {
	if rep < 0 {
		panic("dist: negative replication")
	}
	s1, s2 := streamSeeds(seed, uint64(rep), stream)
	return rand.New(rand.NewPCG(s1, s2))
}

// Keys of the two chains, and the offsets of the replication and stream
// inputs: the first 64 bits of the fractional parts of √2, √3, √5 and √7
// (the first SHA-512 initial hash values), chosen only to be distinct and
// irregular.
const (
	key1      = 0x6a09e667f3bcc908
	key2      = 0xbb67ae8584caa73b
	repOff    = 0x3c6ef372fe94f82b
	streamOff = 0xa54ff53a5f1d36f1
)

func streamSeeds(seed, rep, stream uint64) (s1, s2 uint64) {
	return chain(key1, seed, rep, stream), chain(key2, seed, rep, stream)
}

func chain(key, seed, rep, stream uint64) uint64 {
	h := mix64(seed ^ key)
	h = mix64(h ^ mix64((rep+repOff)^key))
	return mix64(h ^ mix64((stream+streamOff)^key))
}

// mix64 is the finaliser of SplitMix64 (Steele, Lea and Flood, "Fast
// splittable pseudorandom number generators", OOPSLA 2014; the constants of
// Stafford's variant 13): a bijection of uint64 with full avalanche.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// StreamID returns the 64-bit FNV-1a hash of name, a stable name of what a
// stream feeds, such as "inbound:web" or "size:db:main". Names, not
// positions, key the streams, so adding an input to a model does not shift
// the random numbers of the others.
func StreamID(name string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= prime
	}
	return h
}
