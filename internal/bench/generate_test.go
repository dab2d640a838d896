package bench

import "testing"

// The generated configurations must be valid, or the benchmark measures an error.
func TestGenerateConfigIsValid(t *testing.T) {
	for _, n := range []int{1, 10, 500} {
		if err := GenerateConfig(n, "eu-west-1").Validate(); err != nil {
			t.Errorf("%d accounts: %v", n, err)
		}
	}
}
