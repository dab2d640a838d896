// Package apicheck checks the module's public API for a property no compiler or linter
// enforces: that no package exports a package-level variable other than an error
// sentinel. An exported slice, map, pointer or struct variable is state that any
// importer can change for every other user in the process, so the module offers a
// function returning a fresh value, or a constant, instead.
//
// The check type-checks the module's own packages from source with go/types. Standard
// library imports come from the Go toolchain's export data; imports from other modules
// (the CDK, jsii) are stood in for by empty packages, because type-checking them would
// take minutes. A variable whose type depends on such a package therefore has an invalid
// type, and it is reported like any other: only a variable of type error is exempt.
package apicheck

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Package is the source of one package: its import path and its non-test files, by
// name. The names appear in findings, so LoadModule makes them relative to the module's
// root.
type Package struct {
	Path  string
	Files map[string][]byte
}

// Finding is an exported package-level variable whose type is not error.
type Finding struct {
	// Pos is where the variable's name is declared.
	Pos token.Position
	// Name is the variable's name.
	Name string
	// Type is its type as go/types prints it, qualified by package name; "invalid type"
	// when it depends on a package that is not type-checked.
	Type string
}

// String names the variable by file and line and says how to fix it.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d: exported package-level var %s (%s) is state any importer can change; "+
		"make it a function returning a fresh value, a constant, or unexported",
		f.Pos.Filename, f.Pos.Line, f.Name, f.Type)
}

// skippedDirs are the directories the go command never reads as packages of the module
// (node_modules has a go.mod of its own for that reason), and .git.
var skippedDirs = map[string]bool{"node_modules": true, "testdata": true, ".git": true, "vendor": true}

// LoadModule reads the module whose go.mod is in root: its path, and each package's
// non-test Go files that the current platform builds. It skips testdata, node_modules,
// vendor, directories starting with "." or "_", and nested modules, as the go command
// does.
func LoadModule(root string) (string, []Package, error) {
	modulePath, err := readModulePath(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", nil, err
	}
	var pkgs []Package
	err = filepath.WalkDir(root, func(dir string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if dir != root {
			if skippedDirs[name] || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return filepath.SkipDir
			}
		}
		bp, err := build.ImportDir(dir, 0)
		var noGo *build.NoGoError
		if errors.As(err, &noGo) {
			return nil
		}
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, dir)
		if err != nil {
			return err
		}
		p := Package{Path: path.Join(modulePath, filepath.ToSlash(rel)), Files: map[string][]byte{}}
		for _, f := range append(bp.GoFiles, bp.CgoFiles...) {
			src, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				return err
			}
			p.Files[filepath.ToSlash(filepath.Join(rel, f))] = src
		}
		pkgs = append(pkgs, p)
		return nil
	})
	return modulePath, pkgs, err
}

// readModulePath returns the module path of a go.mod file.
func readModulePath(goMod string) (string, error) {
	b, err := os.ReadFile(goMod)
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	return "", fmt.Errorf("%s: no module line", goMod)
}

// ExportedVars type-checks pkgs, the packages of module modulePath, and returns every
// exported package-level variable whose type is not error, in file and line order. A
// file that does not parse is an error: its variables could not be checked.
func ExportedVars(modulePath string, pkgs []Package) ([]Finding, error) {
	im := &moduleImporter{
		fset:     token.NewFileSet(),
		module:   modulePath,
		sources:  map[string]Package{},
		checked:  map[string]*types.Package{},
		checking: map[string]bool{},
	}
	for _, p := range pkgs {
		im.sources[p.Path] = p
	}
	exports, err := standardExports(pkgs)
	if err != nil {
		return nil, err
	}
	im.std = importer.ForCompiler(im.fset, "gc", func(path string) (io.ReadCloser, error) {
		if f, ok := exports[path]; ok {
			return os.Open(f)
		}
		return nil, fmt.Errorf("%s: no export data", path)
	})
	errorType := types.Universe.Lookup("error").Type()
	var out []Finding
	for _, p := range pkgs {
		tp, err := im.check(p)
		if err != nil {
			return nil, err
		}
		scope := tp.Scope()
		for _, name := range scope.Names() {
			v, ok := scope.Lookup(name).(*types.Var)
			if !ok || !v.Exported() || types.Identical(v.Type(), errorType) {
				continue
			}
			out = append(out, Finding{
				Pos:  im.fset.Position(v.Pos()),
				Name: name,
				Type: types.TypeString(v.Type(), types.RelativeTo(tp)),
			})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Line < b.Line
	})
	return out, nil
}

// standardExports returns the export data file of every standard library package that
// pkgs import, by path. One `go list` builds or finds them all in the build cache; the
// gc importer left to itself would run one per package, 20 s for this module on a busy
// machine. An export file holds what its package needs of its own imports, so only the
// direct imports are looked up.
func standardExports(pkgs []Package) (map[string]string, error) {
	fset := token.NewFileSet()
	var paths []string
	for _, p := range pkgs {
		for name, src := range p.Files {
			f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
			if err != nil {
				return nil, err
			}
			for _, spec := range f.Imports {
				path, err := strconv.Unquote(spec.Path.Value)
				if err == nil && isStandard(path) && path != "C" && path != "unsafe" && !slices.Contains(paths, path) {
					paths = append(paths, path)
				}
			}
		}
	}
	exports := map[string]string{}
	if len(paths) == 0 {
		return exports, nil
	}
	cmd := exec.Command("go", append([]string{"list", "-export", "-f", "{{.ImportPath}}\t{{.Export}}"}, paths...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -export: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if path, file, ok := strings.Cut(line, "\t"); ok && file != "" {
			exports[path] = file
		}
	}
	return exports, nil
}

// moduleImporter type-checks the module's packages from source, on demand, and imports
// the standard library from export data; any other import is an empty package.
type moduleImporter struct {
	fset    *token.FileSet
	module  string
	sources map[string]Package
	checked map[string]*types.Package
	// checking holds the packages being checked, so that an import cycle, which the
	// go command would refuse, ends in an empty stand-in instead of endless recursion.
	checking map[string]bool
	std      types.Importer
}

// Import returns the package of path. Only a module package that does not parse is an
// error; any other package that cannot be loaded is replaced by an empty one, which
// leaves the types that use it invalid.
func (im *moduleImporter) Import(path string) (*types.Package, error) {
	if p, ok := im.checked[path]; ok {
		return p, nil
	}
	if src, ok := im.sources[path]; ok && !im.checking[path] {
		// A parse error is returned uncached, so that ExportedVars reports it too.
		return im.check(src)
	}
	if isStandard(path) {
		if p, err := im.std.Import(path); err == nil {
			im.checked[path] = p
			return p, nil
		}
	}
	p := types.NewPackage(path, packageName(path))
	p.MarkComplete()
	im.checked[path] = p
	return p, nil
}

// check parses and type-checks p once. Type errors, which the empty stand-ins for other
// modules' packages cause by the hundred, are ignored: go vet reports real ones.
func (im *moduleImporter) check(p Package) (*types.Package, error) {
	if tp, ok := im.checked[p.Path]; ok {
		return tp, nil
	}
	im.checking[p.Path] = true
	defer delete(im.checking, p.Path)
	names := make([]string, 0, len(p.Files))
	for name := range p.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	files := make([]*ast.File, 0, len(names))
	for _, name := range names {
		f, err := parser.ParseFile(im.fset, name, p.Files[name], parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: im, Error: func(error) {}}
	tp, _ := conf.Check(p.Path, im.fset, files, nil)
	im.checked[p.Path] = tp
	return tp, nil
}

// isStandard reports whether path is a standard library package: its first element has
// no dot, as every path of another module's does.
func isStandard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// packageName guesses the name of the package at path for its empty stand-in: the last
// element, or the one before a major version suffix such as /v2.
func packageName(path string) string {
	elems := strings.Split(path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = elems[len(elems)-2]
	}
	return strings.ReplaceAll(name, "-", "_")
}
