package dist

import "github.com/salesim/salesim/sim/internal/edit"

// didYouMean returns " (did you mean X?)" for the candidate closest to
// word, or "" if none is close: within an edit distance of a third of the
// word's length (at least 1), or starting with the word if it has three
// letters or more. Aliases resolve to their family name.
func didYouMean(word string, candidates []string) string {
	best, bestDist := "", len(word)/3
	if bestDist < 1 {
		bestDist = 1
	}
	bestDist++ // accept distances <= the bound
	for _, c := range candidates {
		d := edit.Distance(word, c)
		if len(word) >= 3 && len(c) > len(word) && c[:len(word)] == word {
			d = min(d, 1)
		}
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	if n, ok := aliases[best]; ok {
		best = n
	}
	return " (did you mean " + best + "?)"
}
