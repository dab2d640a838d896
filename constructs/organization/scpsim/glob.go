package scpsim

// IAM's wildcards are * (any run of characters, none included) and ? (one character).
// A request names one action on one resource; the self-consistency checks of a
// landing zone also ask about patterns, such as a role allowed s3:PutBucket* on
// arn:aws:s3:::lz-logs-*, so two questions are answered over patterns too: can some
// string match both (overlaps), and does every string one matches match the other
// (covers).

// match reports whether s matches the pattern p.
func match(p, s string) bool {
	// The classic linear-time wildcard match: on a mismatch, backtrack to the last *
	// and let it swallow one more character.
	pi, si, star, mark := 0, 0, -1, 0
	for si < len(s) {
		switch {
		case pi < len(p) && (p[pi] == '?' || p[pi] == s[si]):
			pi++
			si++
		case pi < len(p) && p[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// overlaps reports whether some string matches both patterns.
func overlaps(p, q string) bool {
	// seen[i][j]: the prefixes p[:i] and q[:j] can match one common string.
	type state struct{ i, j int }
	seen := map[state]bool{}
	var walk func(i, j int) bool
	walk = func(i, j int) bool {
		if i == len(p) && j == len(q) {
			return true
		}
		st := state{i, j}
		if seen[st] {
			return false
		}
		seen[st] = true
		pStar := i < len(p) && p[i] == '*'
		qStar := j < len(q) && q[j] == '*'
		switch {
		case pStar && walk(i+1, j): // p's * matches nothing more
			return true
		case qStar && walk(i, j+1):
			return true
		case pStar && j < len(q) && !qStar && walk(i, j+1): // p's * takes q's character
			return true
		case qStar && i < len(p) && !pStar && walk(i+1, j):
			return true
		case i < len(p) && j < len(q) && !pStar && !qStar && (p[i] == q[j] || p[i] == '?' || q[j] == '?'):
			return walk(i+1, j+1)
		}
		return false
	}
	return walk(0, 0)
}

// covers reports whether every string that sub matches, outer matches too. It treats
// sub's wildcards as characters that only outer's * (and, for ?, outer's ?) can stand
// for: sufficient, and exact for the patterns IAM policies hold (a service prefix and
// a trailing or inner *), though a pattern like "a*" is not found to cover "a*b*".
func covers(outer, sub string) bool {
	type state struct{ i, j int }
	seen := map[state]bool{}
	var walk func(i, j int) bool
	walk = func(i, j int) bool {
		if i == len(outer) {
			return j == len(sub)
		}
		st := state{i, j}
		if seen[st] {
			return false
		}
		seen[st] = true
		switch c := outer[i]; {
		case c == '*':
			// outer's * stands for sub[j:k], wildcards included.
			for k := j; k <= len(sub); k++ {
				if walk(i+1, k) {
					return true
				}
			}
			return false
		case j == len(sub):
			return false
		case c == '?':
			return sub[j] != '*' && walk(i+1, j+1)
		default:
			return sub[j] == c && walk(i+1, j+1)
		}
	}
	return walk(0, 0)
}
