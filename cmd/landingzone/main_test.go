package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/cxapi"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

const (
	reference = "../../examples/multi-account/landingzone.yaml"
	broken    = "../../testdata/config/broken/load-time.yaml"
)

// call runs a command line in process and returns its exit status and output.
func call(args ...string) (code int, stdout, stderr string) {
	var out, errs bytes.Buffer
	code = run(args, &out, &errs)
	return code, out.String(), errs.String()
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{}, {"deploy"}, {"validate"}, {"plan"}, {"plan", "a.yaml", "b.yaml"}, {"diagram", "-format", "svg", reference},
		{"schema", "extra"}, {"check"}, {"check", "-format", "xml", "."}, {"check", "no-such-dir"}, {"diff", reference},
		{"validate", "no-such-file.yaml"},
	} {
		if code, _, stderr := call(args...); code != exitUsage || stderr == "" {
			t.Errorf("landingzone %s: exit %d, stderr %q; want 2 and a message", strings.Join(args, " "), code, stderr)
		}
	}
}

func TestValidate(t *testing.T) {
	code, stdout, _ := call("validate", reference)
	if code != exitOK || stdout != reference+": valid\n" {
		t.Errorf("reference: exit %d, %q", code, stdout)
	}
	code, stdout, stderr := call("validate", reference, broken)
	if code != exitProblems || !strings.Contains(stdout, "valid") {
		t.Errorf("reference and broken: exit %d, stdout %q", code, stdout)
	}
	for _, want := range []string{
		broken + `:21:36: alerting.excludeCisAlarms[1] "CloudWatch.99": not a control ID of CISAlarms`,
		broken + `:32:13: workloads[0].vpc.cidr "10.10.0.0/33": not a valid IPv4 CIDR`,
		broken + `:33:7: workloads[0].vpc.egres: unknown field; did you mean "egress"?`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := strings.Count(stderr, "\n"); n != 5 {
		t.Errorf("%d problems, want 5:\n%s", n, stderr)
	}
}

func TestPlan(t *testing.T) {
	code, stdout, _ := call("plan", reference)
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
	if code, _, stderr := call("plan", broken); code != exitProblems || !strings.Contains(stderr, "load-time.yaml:32:13") {
		t.Errorf("plan of a broken file: exit %d, %s", code, stderr)
	}
}

func TestDiagramAndSchema(t *testing.T) {
	if code, stdout, _ := call("diagram", reference); code != exitOK || !strings.HasPrefix(stdout, "flowchart") {
		t.Errorf("mermaid: exit %d, %.40q", code, stdout)
	}
	if code, stdout, _ := call("diagram", "-format", "dot", reference); code != exitOK || !strings.Contains(stdout, "\ndigraph ") {
		t.Errorf("dot: exit %d, %.40q", code, stdout)
	}
	code, stdout, _ := call("schema")
	var schema map[string]any
	if code != exitOK || json.Unmarshal([]byte(stdout), &schema) != nil || schema["properties"] == nil {
		t.Errorf("schema: exit %d, not a JSON Schema: %.80q", code, stdout)
	}
}

// synthReference synthesizes the reference landing zone and returns its assembly.
func synthReference(t *testing.T) string {
	t.Helper()
	cfg, err := landingzone.LoadConfig(reference)
	if err != nil {
		t.Fatal(err)
	}
	app := lztest.NewApp(t)
	var cloud cxapi.CloudAssembly
	lztest.Do(t, func() {
		if _, err = landingzone.New(app, cfg); err == nil {
			cloud = app.Synth(nil)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(*cloud.Directory()) })
	return *cloud.Directory()
}

func TestCheckReferenceIsClean(t *testing.T) {
	dir := synthReference(t)
	code, stdout, stderr := call("check", "-config", reference, dir)
	if code != exitOK || stdout != "17 stacks, gates quotas, imports, control-tower, guardrails: 0 findings\n" {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestCheckSeededPublicBucket(t *testing.T) {
	code, stdout, _ := call("check", "testdata/public-bucket")
	if code != exitProblems || !strings.Contains(stdout, "Team Uploads: control-tower CT.S3.PR.1: ") {
		t.Errorf("exit %d\n%s", code, stdout)
	}
	// The same findings as JSON and as JUnit XML, read back by their parsers.
	code, stdout, _ = call("check", "-format", "json", "testdata/public-bucket")
	var rep report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || code != exitProblems {
		t.Fatalf("json: exit %d, %v\n%s", code, err, stdout)
	}
	if rep.Stacks != 1 || len(rep.Findings) == 0 || rep.Findings[0].Resource != "Uploads" || rep.Findings[0].Gate != gateControls {
		t.Errorf("json report %+v", rep)
	}
	code, stdout, _ = call("check", "-format", "junit", "testdata/public-bucket")
	var suites junitSuites
	if err := xml.Unmarshal([]byte(stdout), &suites); err != nil || code != exitProblems {
		t.Fatalf("junit: exit %d, %v\n%s", code, err, stdout)
	}
	if suites.Tests != 3 || suites.Failures != 1 || len(suites.Suites) != 3 {
		t.Fatalf("junit totals: %d tests, %d failures, %d suites; want 3, 1, 3", suites.Tests, suites.Failures, len(suites.Suites))
	}
	ct := suites.Suites[2]
	if ct.Name != gateControls || ct.Failures != 1 || len(ct.Cases[0].Failures) != len(rep.Findings) ||
		!strings.HasPrefix(ct.Cases[0].Failures[0].Message, "Uploads: ") {
		t.Errorf("junit control-tower suite %+v", ct)
	}
}

// writeAssembly writes a cloud assembly of the given stacks: name, environment and
// template.
func writeAssembly(t *testing.T, stacks ...[3]string) string {
	t.Helper()
	dir := t.TempDir()
	artifacts := map[string]any{}
	for _, s := range stacks {
		file := s[0] + ".template.json"
		artifacts[s[0]] = map[string]any{"type": "aws:cloudformation:stack", "environment": "aws://" + s[1],
			"properties": map[string]any{"templateFile": file, "stackName": s[0]}}
		if err := os.WriteFile(filepath.Join(dir, file), []byte(s[2]), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	raw, _ := json.Marshal(map[string]any{"version": "48.0.0", "artifacts": artifacts})
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCheckSeededQuotaAndImport(t *testing.T) {
	var topics []string
	for i := range 501 {
		topics = append(topics, fmt.Sprintf(`"Topic%d": {"Type": "AWS::SNS::Topic"}`, i))
	}
	dir := writeAssembly(t,
		[3]string{"Big", "111111111111/eu-west-1", `{"Resources": {` + strings.Join(topics, ",") + `}}`},
		[3]string{"Exporter", "111111111111/eu-west-1", `{"Resources": {"T": {"Type": "AWS::SNS::Topic"}},
			"Outputs": {"Arn": {"Value": {"Ref": "T"}, "Export": {"Name": "shared-topic"}}}}`},
		[3]string{"Importer", "222222222222/eu-west-1", `{"Resources": {"Sub": {"Type": "AWS::SNS::Subscription",
			"Properties": {"TopicArn": {"Fn::ImportValue": "shared-topic"}, "Protocol": "email", "Endpoint": "a@example.com"}}}}`},
	)
	code, stdout, _ := call("check", "-controls=false", dir)
	for _, want := range []string{
		"Big: quotas: 501 resources, over the CloudFormation limit of 500\n",
		`Importer Sub: imports: imports "shared-topic", an export of Exporter in 111111111111/eu-west-1: exports do not cross accounts or regions`,
		"3 stacks, gates quotas, imports: 2 findings\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, stdout)
		}
	}
	if code != exitProblems {
		t.Errorf("exit %d, want 1", code)
	}
}

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
	if code != exitProblems || !strings.Contains(stdout, "(AWS::S3::Bucket) changes BucketName, which CloudFormation cannot update in place") {
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
		if code, _, stderr := call("validate", reference); code != exitOK {
			b.Fatal(stderr)
		}
	}
}
