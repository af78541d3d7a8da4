package dist

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
		d := editDistance(word, c)
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

// editDistance returns the optimal-string-alignment distance between a
// and b, in bytes: the Levenshtein distance with the transposition of two
// adjacent letters counted as one edit ("maen" is 1 from "mean").
func editDistance(a, b string) int {
	// d[i][j] is the distance between a[:i] and b[:j]; three rows suffice.
	w := len(b) + 1
	pp, prev, cur := make([]int, w), make([]int, w), make([]int, w)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[len(b)]
}
