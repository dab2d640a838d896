package apicheck_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/go-landingzone/landingzone/internal/apicheck"
)

// TestNoExportedVars is the module's rule against exported package-level state (issue
// 14): every exported package-level variable of every non-test file is an error
// sentinel. A list, a map or a default value is a function returning a fresh copy, or a
// constant.
func TestNoExportedVars(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	module, pkgs, err := apicheck.LoadModule(root)
	if err != nil {
		t.Fatal(err)
	}
	if module != "github.com/go-landingzone/landingzone" {
		t.Fatalf("module %q: the test must run from internal/apicheck of the landingzone module", module)
	}
	// A walk that found next to nothing would pass without checking anything.
	paths := make([]string, len(pkgs))
	for i, p := range pkgs {
		paths[i] = p.Path
	}
	for _, want := range []string{module, module + "/constructs/network", module + "/internal/check", module + "/landingzonetest"} {
		if !slices.Contains(paths, want) {
			t.Errorf("package %s not loaded; loaded %q", want, paths)
		}
	}
	found, err := apicheck.ExportedVars(module, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Error(f)
	}
}

// The check reports what it should: a small module in memory with one variable of each
// kind, sentinels beside them.
func TestExportedVarsReports(t *testing.T) {
	const module = "example.com/m"
	pkgs := []apicheck.Package{
		{Path: module + "/a", Files: map[string][]byte{"a/a.go": []byte(`package a

import (
	"errors"
	"fmt"

	"example.com/m/b"
	"example.org/other/v2"
)

var ErrA = errors.New("a")
var ErrWrapped = fmt.Errorf("a: %w", ErrA)
var ErrFromB = b.ErrB
var ErrTyped error

var Slice = []string{"x"}
var Map = map[string]int{}
var Pointer = &[]int{1}
var Array [3]int
var FromFunc = list()
var FromOtherPackage = b.Values()
var Struct = struct{ Name string }{"x"}
var FromOtherModule = other.Make()
var Scalar, ErrSecond = 1, errors.New("second")

var unexported = []string{"y"}
var _ = unexported

const Constant = "c"

func list() []int { return nil }
`)}},
		{Path: module + "/b", Files: map[string][]byte{"b/b.go": []byte(`package b

import "errors"

var ErrB = errors.New("b")

func Values() map[string]bool { return nil }
`)}},
	}
	found, err := apicheck.ExportedVars(module, pkgs)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, f.String())
	}
	const fix = " is state any importer can change; make it a function returning a fresh value, a constant, or unexported"
	want := []string{
		"a/a.go:16: exported package-level var Slice ([]string)" + fix,
		"a/a.go:17: exported package-level var Map (map[string]int)" + fix,
		"a/a.go:18: exported package-level var Pointer (*[]int)" + fix,
		"a/a.go:19: exported package-level var Array ([3]int)" + fix,
		"a/a.go:20: exported package-level var FromFunc ([]int)" + fix,
		"a/a.go:21: exported package-level var FromOtherPackage (map[string]bool)" + fix,
		"a/a.go:22: exported package-level var Struct (struct{Name string})" + fix,
		"a/a.go:23: exported package-level var FromOtherModule (invalid type)" + fix,
		"a/a.go:24: exported package-level var Scalar (int)" + fix,
	}
	if !slices.Equal(got, want) {
		t.Errorf("found\n%s\nwant\n%s", join(got), join(want))
	}
}

// A file that does not parse is an error, not a package without variables, also when
// another package imports it first.
func TestExportedVarsParseError(t *testing.T) {
	_, err := apicheck.ExportedVars("example.com/m", []apicheck.Package{
		{Path: "example.com/m/a", Files: map[string][]byte{"a.go": []byte("package a\n\nimport _ \"example.com/m\"\n")}},
		{Path: "example.com/m", Files: map[string][]byte{"m.go": []byte("package m\n\nvar X = \n")}},
	})
	if err == nil || err.Error() != "m.go:3:10: expected operand, found 'EOF'" {
		t.Errorf("error %v, want the parse error of m.go", err)
	}
}

// LoadModule reads what the go command builds and nothing else.
func TestLoadModule(t *testing.T) {
	root := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	write("m.go", "package m\n")
	write("m_test.go", "package m\n")
	write("ignored.go", "//go:build ignore\n\npackage main\n")
	write("sub/sub.go", "package sub\n")
	write("sub/testdata/data.go", "package data\n")
	write("node_modules/go.mod", "module node_modules\n")
	write("node_modules/x/x.go", "package x\n")
	write("nested/go.mod", "module example.com/nested\n")
	write("nested/n.go", "package nested\n")
	write(".hidden/h.go", "package h\n")
	write("_skip/s.go", "package s\n")
	write("docs/README.md", "no Go here\n")

	module, pkgs, err := apicheck.LoadModule(root)
	if err != nil {
		t.Fatal(err)
	}
	if module != "example.com/m" {
		t.Errorf("module %q, want example.com/m", module)
	}
	var got []string
	for _, p := range pkgs {
		for name := range p.Files {
			got = append(got, p.Path+" "+name)
		}
	}
	slices.Sort(got)
	if want := []string{"example.com/m m.go", "example.com/m/sub sub/sub.go"}; !slices.Equal(got, want) {
		t.Errorf("loaded %q, want %q", got, want)
	}
}

func join(lines []string) string {
	out := ""
	for _, l := range lines {
		out += "\t" + l + "\n"
	}
	return out
}
