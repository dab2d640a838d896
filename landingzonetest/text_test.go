package landingzonetest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGoldenText(t *testing.T) {
	t.Chdir(t.TempDir())
	text := []byte("flowchart LR\n    a --> b\n")

	*update = true
	GoldenText(t, "diagram.mmd", text)
	*update = false
	if got := capture(t, func(r *recorder) { GoldenText(r, "diagram.mmd", text) }); got != "" {
		t.Fatalf("the file just written does not match: %s", got)
	}

	if err := os.WriteFile(filepath.Join("testdata", "diagram.mmd"), []byte("flowchart LR\n    a --> c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := capture(t, func(r *recorder) { GoldenText(r, "diagram.mmd", text) })
	for _, want := range []string{"-    a --> c", "+    a --> b", "-update"} {
		if !strings.Contains(got, want) {
			t.Errorf("mismatch report lacks %q:\n%s", want, got)
		}
	}

	if got := capture(t, func(r *recorder) { GoldenText(r, "missing.mmd", text) }); !strings.Contains(got, "create it with") {
		t.Errorf("a missing file is reported as %q, want how to create it", got)
	}
}

func TestTextDiffIsBounded(t *testing.T) {
	var want, got strings.Builder
	for i := range 2 * maxDiffLines {
		fmt.Fprintf(&want, "line %d\n", i)
		fmt.Fprintf(&got, "changed %d\n", i)
	}
	diff := TextDiff("want", "got", []byte(want.String()), []byte(got.String()))
	if n := strings.Count(diff, "\n"); n > maxDiffLines+1 {
		t.Errorf("diff has %d lines, want at most %d", n, maxDiffLines+1)
	}
	if !strings.Contains(diff, "more diff lines") {
		t.Errorf("diff does not count what it leaves out:\n%s", diff[len(diff)-200:])
	}
}
