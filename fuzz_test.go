package landingzone_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// ParseConfig never panics on any bytes, YAML or JSON; every problem it reports has a
// line and column in the file, and stays short.
func FuzzParseConfig(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "config", "*.*"))
	broken, _ := filepath.Glob(filepath.Join("testdata", "config", "broken", "*.yaml"))
	for _, path := range append(append(seeds, broken...), filepath.Join("examples", "multi-account", "landingzone.yaml")) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := landingzone.ParseConfig("fuzz.yaml", data)
		if err == nil {
			return
		}
		var ce *landingzone.ConfigError
		if !errors.As(err, &ce) {
			t.Fatalf("not a *ConfigError: %v", err)
		}
		if len(ce.Problems) == 0 {
			t.Fatal("a ConfigError without problems")
		}
		for _, p := range ce.Problems {
			if p.File != "fuzz.yaml" || p.Line < 1 || p.Column < 1 {
				t.Errorf("problem without its place in the file: %+v", p)
			}
			if s := p.String(); len(s) > lztest.MaxProblemLength {
				t.Errorf("problem of %d bytes: %.120q…", len(s), s)
			}
		}
	})
}
