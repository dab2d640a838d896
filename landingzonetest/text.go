package landingzonetest

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
)

// GoldenText compares got with the file testdata/<name>, byte for byte; name carries
// its extension ("diagram.mmd"). With -update it writes the file instead. A mismatch
// prints a unified diff and the command that rewrites the file. It is Golden for text
// that is not a template: diagrams, generated documentation.
func GoldenText(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v; create it with: go test . -run '^%s$' -update", path, err, testRoot(t))
	}
	if bytes.Equal(got, want) {
		return
	}
	t.Errorf("%s differs:\n%s\nIf the change is intended, rewrite the file with: go test . -run '^%s$' -update (or make golden) and review the diff before committing.",
		path, TextDiff(path, "generated", want, got), testRoot(t))
}

// maxDiffLines bounds the diff printed for a failing snapshot; the rest is summarised.
const maxDiffLines = 150

// TextDiff returns a unified diff from want to got, at most maxDiffLines long; the
// rest is counted.
func TextDiff(wantName, gotName string, want, got []byte) string {
	diff, _ := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(want)), B: difflib.SplitLines(string(got)),
		FromFile: wantName, ToFile: gotName, Context: 3,
	})
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) > maxDiffLines {
		lines = append(lines[:maxDiffLines], "... "+strconv.Itoa(len(lines)-maxDiffLines)+" more diff lines\n")
	}
	return strings.Join(lines, "")
}
