package landingzone_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/invopop/jsonschema"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/constructs/network"
)

// generateSchema reflects the JSON Schema of Config, with descriptions taken from the
// doc comments of its types and fields.
func generateSchema(t *testing.T) []byte {
	t.Helper()
	r := &jsonschema.Reflector{
		// Unknown keys are errors when the file is loaded; the schema says so too.
		AllowAdditionalProperties: false,
		DoNotReference:            false,
		ExpandedStruct:            true,
	}
	comments := docComments(t)
	r.LookupComment = func(typ reflect.Type, field string) string {
		if typ.PkgPath() != "github.com/go-landingzone/landingzone" {
			return ""
		}
		return comments[typ.Name()+"."+field]
	}
	s := r.Reflect(&landingzone.Config{})
	s.ID = "https://github.com/go-landingzone/landingzone/landingzone.schema.json"
	s.Title = "landingzone configuration"
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// docComments reads the doc comments of the root package's types ("Config.") and
// fields ("Config.Workloads"). The library's own extractor walks every directory
// below, node_modules included; the configuration types live here only.
func docComments(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	out := map[string]string{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			spec, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := spec.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, field := range st.Fields.List {
				text := strings.TrimSpace(field.Doc.Text())
				for _, name := range field.Names {
					if text != "" {
						out[spec.Name.Name+"."+name.Name] = strings.Join(strings.Fields(text), " ")
					}
				}
			}
			return true
		})
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					ts := s.(*ast.TypeSpec)
					text := ts.Doc.Text()
					if text == "" {
						text = g.Doc.Text()
					}
					out[ts.Name.Name+"."] = strings.Join(strings.Fields(text), " ")
				}
			}
		}
	}
	return out
}

func TestSchemaIsCurrent(t *testing.T) {
	want := generateSchema(t)
	if flag.Lookup("update").Value.String() == "true" {
		if err := os.WriteFile("landingzone.schema.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(landingzone.Schema(), want) {
		t.Error("landingzone.schema.json is out of date with the Config types; rewrite it with: go test . -run TestSchemaIsCurrent -update")
	}
}

// The schema's enum of egress modes is written in a struct tag; it must list exactly
// the modes network knows.
func TestSchemaEgressEnumMatchesNetwork(t *testing.T) {
	var s struct {
		Defs map[string]struct {
			Properties map[string]struct {
				Enum []string `json:"enum"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(landingzone.Schema(), &s); err != nil {
		t.Fatal(err)
	}
	got := s.Defs["VPC"].Properties["egress"].Enum
	var want []string
	for _, e := range network.Egresses() {
		want = append(want, string(e))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("schema egress enum %q, network.Egresses %q", got, want)
	}
}
