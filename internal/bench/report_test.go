package bench

import (
	"os"
	"path/filepath"
	"testing"
)

// A pipeline's stages synthesize into nested assemblies, whose templates count too.
func TestMeasureAssemblyReadsTheStages(t *testing.T) {
	dir := t.TempDir()
	write := func(name, template string) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(template), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Pipeline.template.json", `{"Resources": {"A": {"Type": "AWS::SNS::Topic"}}}`)
	write("assembly-Audit/AuditSecurity.template.json", `{"Resources": {"A": {"Type": "AWS::SNS::Topic"}, "B": {"Type": "AWS::SNS::Topic"}}}`)
	write("manifest.json", `{}`)
	a, err := MeasureAssembly(dir)
	if err != nil {
		t.Fatal(err)
	}
	if a.Templates != 2 || a.MaxResources != 2 {
		t.Errorf("measured %+v, want 2 templates, the largest with 2 resources", a)
	}
}

// make bench rewrites only its table: the analysis around it stays.
func TestSpliceKeepsTheAnalysis(t *testing.T) {
	first := Splice("", "table 1\n")
	if first != beginMarker+"table 1\n"+endMarker {
		t.Fatalf("first write %q", first)
	}
	edited := "# Benchmarks\n" + first + "## Analysis\n"
	if got, want := Splice(edited, "table 2\n"), "# Benchmarks\n"+beginMarker+"table 2\n"+endMarker+"## Analysis\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
