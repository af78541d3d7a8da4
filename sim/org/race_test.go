//go:build race

package org

// raceEnabled is true when the tests run under the race detector, which
// makes them about ten times slower: the longest tests do less then.
const raceEnabled = true
