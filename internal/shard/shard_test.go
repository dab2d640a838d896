package shard

import (
	"testing"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

// TestMain goes through lztest so that `go test ./... -update` is understood here too.
func TestMain(m *testing.M) { lztest.Main(m) }

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
		if got := Of(tc.key, tc.n); got != tc.want {
			t.Errorf("Of(%q, %d) = %d, want %d", tc.key, tc.n, got, tc.want)
		}
	}
}

func TestFewest(t *testing.T) {
	weights := map[string]int{}
	for i := range 100 {
		weights[string(rune('a'+i%26))+string(rune('a'+i/26))] = 5
	}
	n := Fewest(weights, 1, 20, 100)
	if n < 5 || !Fits(weights, n, 100) {
		t.Fatalf("Fewest = %d: 500 in shards of 100 needs at least 5 that fit", n)
	}
	if n > 5 && Fits(weights, n-1, 100) {
		t.Errorf("Fewest = %d, but %d fit too", n, n-1)
	}
	if got := Fewest(map[string]int{"huge": 101}, 1, 20, 100); got != 0 {
		t.Errorf("a key heavier than the budget fits in %d shards, want 0", got)
	}
	if got := Fewest(weights, 7, 20, 1000); got != 7 {
		t.Errorf("Fewest from 7 = %d, want 7", got)
	}
}
