package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

const reference = "../multi-account/landingzone.yaml"

// noDot is a PATH without Graphviz.
func noDot(string) (string, error) { return "", errors.New("not found") }

// fakeDot writes a script that stands in for dot: it copies the graph it reads to the
// file after -o, or fails as told.
func fakeDot(t *testing.T, body string) func(string) (string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dot")
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return func(string) (string, error) { return path, nil }
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWritesTheMermaidWithoutGraphviz(t *testing.T) {
	cfg, err := landingzone.LoadConfig(reference)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "new", "dir")
	var stdout strings.Builder
	if err := run([]string{"-out", out, reference}, &stdout, noDot); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(out, "landingzone.mmd")); got != landingzone.Diagram(cfg) {
		t.Errorf("landingzone.mmd is not the configuration's diagram:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(out, "landingzone.svg")); !os.IsNotExist(err) {
		t.Errorf("an SVG was written without dot: %v", err)
	}
	want := "wrote " + filepath.Join(out, "landingzone.mmd") + "\nskipped landingzone.svg: Graphviz's dot is not on PATH\n"
	if stdout.String() != want {
		t.Errorf("printed %q, want %q", stdout.String(), want)
	}
}

func TestRendersTheSVGWithGraphviz(t *testing.T) {
	cfg, err := landingzone.LoadConfig(reference)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	var stdout strings.Builder
	// The arguments are -Tsvg -o <path>; the graph comes on standard input.
	if err := run([]string{"-out", out, reference}, &stdout, fakeDot(t, `[ "$1" = -Tsvg ] && cat > "$3"`)); err != nil {
		t.Fatal(err)
	}
	svg := filepath.Join(out, "landingzone.svg")
	if got := read(t, svg); got != landingzone.DiagramDOT(cfg) {
		t.Errorf("dot was not given the configuration's DOT graph:\n%s", got)
	}
	if !strings.HasSuffix(stdout.String(), "wrote "+svg+"\n") {
		t.Errorf("printed %q, want the SVG reported", stdout.String())
	}
}

// Without arguments it draws the reference, named from the module root, into
// cdk.out; the test runs in a scratch copy of that layout.
func TestDefaults(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, filepath.Dir(DefaultConfig)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, DefaultConfig), []byte(read(t, reference)), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	cfg, err := landingzone.LoadConfig(DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	var stdout strings.Builder
	if err := run(nil, &stdout, noDot); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(DefaultOut, "landingzone.mmd")); got != landingzone.Diagram(cfg) {
		t.Errorf("the default run did not draw the reference:\n%s", got)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		dot  func(*testing.T) func(string) (string, error)
		want string
	}{
		{"two files", []string{"a.yaml", "b.yaml"}, nil, "at most one configuration file"},
		{"unknown flag", []string{"-svg"}, nil, "flag provided but not defined"},
		{"missing file", []string{"missing.yaml"}, nil, "missing.yaml"},
		{"invalid configuration", []string{"../../testdata/config/broken/values.yaml"}, nil, `values.yaml:12:9: workloads[0].id "5555"`},
		{"dot fails", []string{reference}, func(t *testing.T) func(string) (string, error) {
			return fakeDot(t, `echo "syntax error in line 3" >&2; exit 1`)
		}, "syntax error in line 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lookPath := noDot
			if tc.dot != nil {
				lookPath = tc.dot(t)
			}
			var stdout strings.Builder
			err := run(append([]string{"-out", t.TempDir()}, tc.args...), &stdout, lookPath)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}
