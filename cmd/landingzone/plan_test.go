package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenConfig holds mistakes found only at load time: plan must report them.
const brokenConfig = "../../testdata/config/broken/load-time.yaml"

// call runs a command line in process and returns its exit status and output.
func call(args ...string) (code int, stdout, stderr string) {
	r := runCmd(args...)
	return r.code, r.stdout, r.stderr
}

func TestPlan(t *testing.T) {
	code, stdout, _ := call("plan", referenceConfig)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"stacks, in deploy order:\n  Pipeline       Pipeline-eu-west-1                   888888888888 eu-west-1\n",
		"  Network        Network-eu-west-1                    444444444444 eu-west-1\n",
		"waiting for values to record:\n  workloads[1].transitGatewayAttachmentId: the output TransitGatewayAttachmentId of Baseline-payments-dev-eu-west-1",
		"first deploy:\n1. **Organization**",
		"core stages, one after the other: Organization, LogArchive, Audit, Management, Network\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("plan lacks %q:\n%s", want, stdout)
		}
	}
	if code, _, stderr := call("plan", brokenConfig); code != exitFindings || !strings.Contains(stderr, "load-time.yaml:32:13") {
		t.Errorf("plan of a broken file: exit %d, %s", code, stderr)
	}
}

func TestDiagram(t *testing.T) {
	if code, stdout, _ := call("diagram", referenceConfig); code != exitOK || !strings.HasPrefix(stdout, "flowchart") {
		t.Errorf("mermaid: exit %d, %.40q", code, stdout)
	}
	if code, stdout, _ := call("diagram", "-format", "dot", referenceConfig); code != exitOK || !strings.Contains(stdout, "\ndigraph ") {
		t.Errorf("dot: exit %d, %.40q", code, stdout)
	}
}

// diff reports the log buckets that a new organization prefix would rename, and nothing
// for an unchanged configuration.
func TestDiff(t *testing.T) {
	valid := "../../testdata/config/valid.yaml"
	raw, err := os.ReadFile(valid)
	if err != nil {
		t.Fatal(err)
	}
	renamed := filepath.Join(t.TempDir(), "renamed.yaml")
	if err := os.WriteFile(renamed, []byte(strings.Replace(string(raw), "  rootId: r-a1b2\n", "  rootId: r-a1b2\n  prefix: acme\n", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := call("diff", valid, renamed)
	if code != exitFindings || !strings.Contains(stdout, "(AWS::S3::Bucket) changes BucketName, which CloudFormation cannot update in place") {
		t.Errorf("a new prefix: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, _ := call("diff", valid, valid); code != exitOK || stdout != "0 stateful resources replaced or deleted\n" {
		t.Errorf("no change: exit %d, %q", code, stdout)
	}
}

// BenchmarkValidateReference is `landingzone validate` of the reference, in process:
// reading, strict decoding and every check, without Node.js.
func BenchmarkValidateReference(b *testing.B) {
	for b.Loop() {
		if code, _, stderr := call("validate", referenceConfig); code != exitOK {
			b.Fatal(stderr)
		}
	}
}
