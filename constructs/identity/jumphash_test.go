package identity

import "testing"

// The placement of accounts is part of the deployed state: a change of the hash would
// move every account between stacks. These values pin it.
func TestShardOfIsStable(t *testing.T) {
	for _, tc := range []struct {
		key  string
		n    int
		want int
	}{
		{"111111111111", 1, 0},
		{"111111111111", 10, 1},
		{"222222222222", 10, 1},
		{"123456789012", 7, 1},
		{"123456789012", 1000, 445},
	} {
		if got := shardOf(tc.key, tc.n); got != tc.want {
			t.Errorf("shardOf(%q, %d) = %d, want %d", tc.key, tc.n, got, tc.want)
		}
	}
}
