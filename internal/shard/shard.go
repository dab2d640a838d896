// Package shard places keys in numbered shards so that growing the number of shards
// moves as few keys as possible: stacks split by it keep their resources when more
// stacks are added.
package shard

import "hash/fnv"

// Of places key in one of n shards with Lamping and Veach's jump consistent hash
// ("A Fast, Minimal Memory, Consistent Hash Algorithm", 2014): when n grows to n+1,
// a key either stays where it was or moves to the new shard n, and about 1/(n+1) of
// the keys move. The arithmetic is integer-only, so the placement is the same on every
// platform and Go version.
func Of(key string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(key))
	// FNV-1a alone leaves similar keys ("111111111111", "222222222222") close
	// together; MurmurHash3's finalizer spreads them over all 64 bits.
	k := h.Sum64()
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	k *= 0xc4ceb9fe1a85ec53
	k ^= k >> 33
	var b, j int64 = -1, 0
	for j < int64(n) {
		b = j
		k = k*2862933555777941757 + 1
		// The paper's (b+1) * 2^31 / ((k>>33)+1), in integers.
		j = (b + 1) * (1 << 31) / int64((k>>33)+1)
	}
	return int(b)
}

// Fits reports whether placing the keys of weights in n shards keeps every shard's
// total weight within budget.
func Fits(weights map[string]int, n, budget int) bool {
	load := make([]int, n)
	for key, w := range weights {
		s := Of(key, n)
		if load[s] += w; load[s] > budget {
			return false
		}
	}
	return true
}

// Fewest is the smallest shard count, from least to most, that keeps
// every shard within budget, or 0 when none does. The placement is uneven, so it can
// take more shards than the total weight divided by the budget; every key must fit the
// budget on its own.
func Fewest(weights map[string]int, least, most, budget int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := max(least, (total+budget-1)/budget, 1)
	for ; n <= most; n++ {
		if Fits(weights, n, budget) {
			return n
		}
	}
	return 0
}
