package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// TestMain stops the jsii runtime that the reference and guardrail tests start.
func TestMain(m *testing.M) { lztest.Main(m) }

// result is what one in-process run of the command printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

// runCmd runs the command with args, in process.
func runCmd(args ...string) result {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// Usage mistakes exit 2 and say what is wrong on stderr, printing nothing on stdout.
func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // on stderr
	}{
		{nil, "usage: landingzone <command> [arguments]"},
		{[]string{"deploy"}, `landingzone: unknown command "deploy"`},
		{[]string{"plan"}, "usage: landingzone plan FILE"},
		{[]string{"plan", "a.yaml", "b.yaml"}, "usage: landingzone plan FILE"},
		{[]string{"diagram", "-format", "svg", "a.yaml"}, `landingzone diagram: -format "svg": want mermaid or dot`},
		{[]string{"diff", "a.yaml"}, "usage: landingzone diff OLD NEW"},
		{[]string{"check"}, "usage: landingzone check [flags] DIR"},
		{[]string{"check", "a", "b"}, "usage: landingzone check [flags] DIR"},
		{[]string{"check", "-format", "yaml", "testdata/public-bucket"}, `landingzone check: -format "yaml": want text, json or junit`},
		{[]string{"check", "-no-such-flag", "testdata/public-bucket"}, "flag provided but not defined: -no-such-flag"},
		{[]string{"check", "testdata"}, "landingzone check: not a cloud assembly (run `cdk synth` first): open "},
		{[]string{"check", "-config", "testdata/none.yaml", "testdata/public-bucket"}, "landingzone check: -config:\nopen testdata/none.yaml: no such file or directory"},
		{[]string{"check", "-controls-dir", "testdata", "testdata/public-bucket"}, "run `npm install --save-dev @cdklabs/cdk-validator-cfnguard@0.0.62` in testdata, or pass -controls=false"},
		{[]string{"validate"}, "usage: landingzone validate FILE"},
		{[]string{"validate", "testdata/none.yaml"}, "landingzone validate: open testdata/none.yaml: no such file or directory"},
		{[]string{"schema", "extra"}, "usage: landingzone schema"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := runCmd(tc.args...)
			if r.code != 2 {
				t.Errorf("exit %d, want 2", r.code)
			}
			if !strings.Contains(r.stderr, tc.want) {
				t.Errorf("stderr %q does not contain %q", r.stderr, tc.want)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
		})
	}
}

// help lists the commands on stdout and exits 0.
func TestHelp(t *testing.T) {
	r := runCmd("help")
	want := "usage: landingzone <command> [arguments]\n\ncommands:\n" +
		"  check     run the template gates over a cloud assembly (cdk.out)\n" +
		"  diagram   draw a configuration (Mermaid, or DOT with -format dot)\n" +
		"  diff      list the stateful resources that moving from one configuration to another replaces\n" +
		"  plan      print a configuration's stacks, awaited values, first deploy and waves\n" +
		"  schema    print the JSON Schema of the configuration file\n" +
		"  validate  validate a configuration file\n" +
		"\nRun `landingzone <command> -h` for a command's flags.\n"
	if r.code != 0 || r.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nwant exit 0 and:\n%s", r.code, r.stdout, want)
	}
}

// -h prints a command's usage and flags, and is no mistake.
func TestCommandHelp(t *testing.T) {
	r := runCmd("check", "-h")
	if r.code != 0 || !strings.Contains(r.stderr, "usage: landingzone check [flags] DIR") || !strings.Contains(r.stderr, "-controls-dir") {
		t.Errorf("exit %d, stderr %q; want 0 and the usage with the flags", r.code, r.stderr)
	}
}

// schema prints the module's JSON Schema of the configuration, unchanged.
func TestSchema(t *testing.T) {
	r := runCmd("schema")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if r.stdout != string(landingzone.Schema()) {
		t.Error("schema prints something else than landingzone.Schema()")
	}
	var s struct {
		Properties map[string]any `json:"properties"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"organization", "accounts", "workloads"} {
		if _, ok := s.Properties[key]; !ok {
			t.Errorf("the schema has no property %q", key)
		}
	}
}

// validate accepts the reference configuration and prints every problem of a broken
// file with its line and column.
func TestValidate(t *testing.T) {
	const reference = "../../examples/multi-account/landingzone.yaml"
	r := runCmd("validate", reference)
	if r.code != 0 || r.stdout != reference+": valid\n" || r.stderr != "" {
		t.Errorf("reference: exit %d, stdout %q, stderr %q; want 0 and %q", r.code, r.stdout, r.stderr, reference+": valid\n")
	}

	const broken = "../../testdata/config/broken/values.yaml"
	r = runCmd("validate", broken)
	if r.code != 1 {
		t.Errorf("broken: exit %d, want 1", r.code)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) < 2 {
		t.Fatalf("broken: %d problems printed, want several:\n%s", len(lines), r.stdout)
	}
	at := regexp.MustCompile(`^` + regexp.QuoteMeta(broken) + `:[0-9]+:[0-9]+: `)
	for _, l := range lines {
		if !at.MatchString(l) {
			t.Errorf("not file:line:column: %q", l)
		}
	}
	const want = broken + `:12:9: workloads[0].id "5555": not a 12-digit AWS account ID`
	if !strings.Contains(r.stdout, want+"\n") {
		t.Errorf("broken: stdout does not hold %q:\n%s", want, r.stdout)
	}
}
