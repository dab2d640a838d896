package landingzone_test

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone"
)

func TestLoadConfigValid(t *testing.T) {
	for _, name := range []string{"valid.yaml", "valid.json"} {
		cfg, err := landingzone.LoadConfig(filepath.Join("testdata", "config", name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if cfg.Organization.ManagementAccount != "111111111111" || cfg.Workloads[0].ID != "555555555555" {
			t.Errorf("%s: decoded %+v", name, cfg)
		}
	}
	cfg, _ := landingzone.LoadConfig(filepath.Join("testdata", "config", "valid.yaml"))
	if got := cfg.Workloads[0].VPC.Proxy.AllowedDomains; len(got) != 2 || got[1] != "api.stripe.com" {
		t.Errorf("allowed domains %q", got)
	}
}

// Every fixture under testdata/config/broken names, in "# want:" lines, the messages
// its error must hold; each file exercises one kind of mistake.
func TestLoadConfigBrokenFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "config", "broken", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			wants := wantLines(t, path)
			if len(wants) == 0 {
				t.Fatalf("%s has no # want: lines", path)
			}
			_, err := landingzone.LoadConfig(path)
			if err == nil {
				t.Fatalf("LoadConfig accepted %s", path)
			}
			if !errors.Is(err, landingzone.ErrInvalidConfig) {
				t.Errorf("errors.Is(err, ErrInvalidConfig) = false: %v", err)
			}
			for _, w := range wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
			if n := strings.Count(err.Error(), "\n") + 1; n < len(wants) {
				t.Errorf("%d problems reported, want at least %d", n, len(wants))
			}
		})
	}
}

func wantLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var wants []string
	s := bufio.NewScanner(f)
	for s.Scan() {
		if w, ok := strings.CutPrefix(s.Text(), "# want: "); ok {
			wants = append(wants, w)
		}
	}
	return wants
}

func TestLoadConfigMissingFile(t *testing.T) {
	if _, err := landingzone.LoadConfig("testdata/config/absent.yaml"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want os.ErrNotExist", err)
	}
}

// A byte-order mark before the first key, as some Windows editors write it, is read
// past; the configuration loads as without it.
func TestLoadConfigIgnoresAByteOrderMark(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "config", "valid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := landingzone.ParseConfig("bom.yaml", append([]byte("\xEF\xBB\xBF"), data...))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Organization.ManagementAccount != "111111111111" {
		t.Errorf("management account %q", cfg.Organization.ManagementAccount)
	}
}
