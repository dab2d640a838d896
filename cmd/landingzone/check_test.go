package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// A bucket without a public access block breaks Control Tower's CT.S3.PR.1; the
// fixture suppresses the bucket's other S3 controls with a reason, so the finding is
// the only one and the suppressions are listed.
func TestCheckPublicBucket(t *testing.T) {
	const dir = "testdata/public-bucket"
	r := runCmd("check", dir)
	want := "Website (Website.template.json): PublicBucket: controls CT.S3.PR.1: Require an Amazon S3 bucket to have block public access settings configured (at /Website/PublicBucket/Resource)\n" +
		dir + ": 1 finding in 1 of 1 stack (gates: quotas, controls, imports)\n"
	if r.code != 1 || r.stdout != want || r.stderr != "" {
		t.Errorf("exit %d, stdout:\n%s\nstderr: %s\nwant exit 1 and:\n%s", r.code, r.stdout, r.stderr, want)
	}

	r = runCmd("check", "-format", "json", dir)
	if r.code != 1 {
		t.Errorf("json: exit %d, want 1", r.code)
	}
	var rep Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, r.stdout)
	}
	wantFindings := []Finding{{Gate: "controls", Stack: "Website", Template: "Website.template.json", Resource: "PublicBucket", Path: "/Website/PublicBucket/Resource",
		Rule: "CT.S3.PR.1", Message: "Require an Amazon S3 bucket to have block public access settings configured"}}
	if !reflect.DeepEqual(rep.Findings, wantFindings) {
		t.Errorf("json findings %+v, want %+v", rep.Findings, wantFindings)
	}
	if got := strings.Join(rep.Gates, " "); got != "quotas controls imports" {
		t.Errorf("json gates %q", got)
	}
	var suppressed []string
	for _, s := range rep.Suppressions {
		suppressed = append(suppressed, s.Resource+" "+s.Control)
	}
	if got := strings.Join(suppressed, ", "); got != "PublicBucket CT.S3.PR.10, PublicBucket CT.S3.PR.11, PublicBucket CT.S3.PR.2, PublicBucket CT.S3.PR.4, PublicBucket CT.S3.PR.6, PublicBucket CT.S3.PR.9" {
		t.Errorf("json suppressions: %s", got)
	}

	r = runCmd("check", "-format", "junit", dir)
	if r.code != 1 {
		t.Errorf("junit: exit %d, want 1", r.code)
	}
	suites := parseJUnit(t, r.stdout)
	if got := junitCounts(suites); got != "3 tests 1 failures: quotas 1/0 controls 1/1 imports 1/0" {
		t.Errorf("junit counts: %s", got)
	}
	f := suites.Suites[1].Cases[0].Failure
	if f == nil || f.Message != "1 finding in PublicBucket" || f.Type != "CT.S3.PR.1" || !strings.Contains(f.Text, "PublicBucket: CT.S3.PR.1: Require an Amazon S3 bucket to have block public access settings configured (at /Website/PublicBucket/Resource)") {
		t.Errorf("junit failure %+v", f)
	}
}

// A suppression whose reason is too short suppresses nothing: the finding stays, and
// says why.
func TestCheckShortSuppressionReason(t *testing.T) {
	tpl := `{"Resources": {"PublicBucket": {"Type": "AWS::S3::Bucket", "Metadata": {"control_tower": {"rules_to_suppress": [{"id": "CT.S3.PR.1", "reason": "public"}]}}}}}`
	dir := writeAssembly(t, map[string]string{"Website": tpl})
	r := runCmd("check", "-format", "json", dir)
	var rep Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	const want = `controls: suppression of CT.S3.PR.1 needs a reason of at least 10 characters, got "public"`
	for _, f := range rep.Findings {
		if f.Rule == "CT.S3.PR.1" {
			if f.Message != want {
				t.Errorf("message %q, want %q", f.Message, want)
			}
			return
		}
	}
	t.Errorf("CT.S3.PR.1 not reported: %+v", rep.Findings)
}

// A template of 501 resources is over the quota of 500: exit 1, naming the stack and
// the template.
func TestCheckResourceQuota(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"Resources": {`)
	for i := range 501 {
		if i > 0 {
			b.WriteString(",")
		}
		// A wait condition handle: no Control Tower control covers it.
		fmt.Fprintf(&b, `"Handle%03d": {"Type": "AWS::CloudFormation::WaitConditionHandle"}`, i)
	}
	b.WriteString(`}}`)
	dir := writeAssembly(t, map[string]string{"Big": b.String(), "Small": `{"Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}`})
	r := runCmd("check", dir)
	want := "Big (Big.template.json): -: quotas cloudformation-quota: 501 resources, over the CloudFormation limit of 500\n" +
		dir + ": 1 finding in 1 of 2 stacks (gates: quotas, controls, imports)\n"
	if r.code != 1 || r.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nstderr: %s\nwant exit 1 and:\n%s", r.code, r.stdout, r.stderr, want)
	}

	r = runCmd("check", "-format", "junit", dir)
	if got := junitCounts(parseJUnit(t, r.stdout)); got != "6 tests 1 failures: quotas 2/1 controls 2/0 imports 2/0" {
		t.Errorf("junit counts: %s", got)
	}
}

// An import of an export made in another region, or in another account, is reported
// at the importing resource, in a nested assembly too; an import in the exporter's
// own environment is not.
//
// The assembly is written by the test, not kept under testdata: the repository's
// templates hold no Fn::ImportValue, and a scan for one should find none.
func TestCheckCrossEnvironmentImports(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"Shared.template.json":                           `{"Resources": {"Topic": {"Type": "AWS::SNS::Topic"}}, "Outputs": {"TopicArn": {"Value": {"Ref": "Topic"}, "Export": {"Name": "Shared:TopicArn"}}, "KeyArn": {"Value": "arn:aws:kms:eu-west-1:111111111111:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "Export": {"Name": {"Fn::Sub": "${AWS::AccountId}-KeyArn"}}}}}`,
		"assembly-Stage/StageOtherAccount.template.json": `{"Resources": {"KeyParam": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String", "Value": {"Fn::ImportValue": {"Fn::Join": ["-", ["111111111111", "KeyArn"]]}}}}}}`,
		"assembly-Stage/StageOtherRegion.template.json":  `{"Resources": {"TopicParam": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String", "Value": {"Fn::ImportValue": "Shared:TopicArn"}}}}}`,
		"assembly-Stage/StageSameEnv.template.json":      `{"Resources": {"TopicParam": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String", "Value": {"Fn::ImportValue": "Shared:TopicArn"}}}}}`,
		"assembly-Stage/manifest.json":                   `{"version": "48.0.0", "artifacts": {"StageSameEnv": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/eu-west-1", "properties": {"templateFile": "StageSameEnv.template.json", "stackName": "Stage-SameEnv"}, "displayName": "Stage/SameEnv"}, "StageOtherRegion": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/us-east-1", "properties": {"templateFile": "StageOtherRegion.template.json", "stackName": "Stage-OtherRegion"}, "displayName": "Stage/OtherRegion"}, "StageOtherAccount": {"type": "aws:cloudformation:stack", "environment": "aws://222222222222/eu-west-1", "properties": {"templateFile": "StageOtherAccount.template.json", "stackName": "Stage-OtherAccount"}, "displayName": "Stage/OtherAccount"}}}`,
		"manifest.json":                                  `{"version": "48.0.0", "artifacts": {"Shared": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/eu-west-1", "properties": {"templateFile": "Shared.template.json", "stackName": "Shared"}, "displayName": "Shared"}, "assembly-Stage": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Stage", "displayName": "Stage"}}}}`,
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	r := runCmd("check", "-controls=false", "-format", "json", dir)
	if r.code != 1 {
		t.Errorf("exit %d, want 1; stderr %s", r.code, r.stderr)
	}
	var rep Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if got := strings.Join(rep.Stacks, " "); got != "Shared Stage/OtherAccount Stage/OtherRegion Stage/SameEnv" {
		t.Errorf("stacks %s", got)
	}
	const advice = ": an export is visible only in its own account and region; pass the value by a deterministic name, an SSM parameter or Fn::GetStackOutput instead"
	want := []Finding{
		{Gate: "imports", Stack: "Stage/OtherAccount", Template: "assembly-Stage/StageOtherAccount.template.json", Resource: "KeyParam", Rule: "cross-environment-import",
			Message: `imports the export "111111111111-KeyArn" of Shared (aws://111111111111/eu-west-1), but deploys to aws://222222222222/eu-west-1` + advice},
		{Gate: "imports", Stack: "Stage/OtherRegion", Template: "assembly-Stage/StageOtherRegion.template.json", Resource: "TopicParam", Rule: "cross-environment-import",
			Message: `imports the export "Shared:TopicArn" of Shared (aws://111111111111/eu-west-1), but deploys to aws://111111111111/us-east-1` + advice},
	}
	if !reflect.DeepEqual(rep.Findings, want) {
		t.Errorf("findings:\n%+v\nwant:\n%+v", rep.Findings, want)
	}
	if got := strings.Join(rep.Gates, " "); got != "quotas imports" {
		t.Errorf("gates %q with -controls=false", got)
	}
}

// writeAssembly writes a cloud assembly of one stack per template, each in
// 123456789012/eu-west-1, into a temporary directory.
func writeAssembly(t *testing.T, templates map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	artifacts := map[string]any{}
	for name, tpl := range templates {
		file := name + ".template.json"
		if err := os.WriteFile(filepath.Join(dir, file), []byte(tpl), 0o644); err != nil {
			t.Fatal(err)
		}
		artifacts[name] = map[string]any{"type": "aws:cloudformation:stack", "environment": "aws://123456789012/eu-west-1",
			"properties": map[string]any{"templateFile": file}}
	}
	raw, err := json.Marshal(map[string]any{"version": "48.0.0", "artifacts": artifacts})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The JUnit XML elements, as a CI system reads them.
type (
	xmlSuites struct {
		XMLName  xml.Name   `xml:"testsuites"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Suites   []xmlSuite `xml:"testsuite"`
	}
	xmlSuite struct {
		Name     string    `xml:"name,attr"`
		Tests    int       `xml:"tests,attr"`
		Failures int       `xml:"failures,attr"`
		Cases    []xmlCase `xml:"testcase"`
	}
	xmlCase struct {
		Name    string      `xml:"name,attr"`
		Failure *xmlFailure `xml:"failure"`
	}
	xmlFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

func parseJUnit(t *testing.T, out string) xmlSuites {
	t.Helper()
	var s xmlSuites
	if err := xml.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("junit: %v\n%s", err, out)
	}
	return s
}

// junitCounts summarises the counts the XML declares, after checking them against
// the testcases and failures it holds.
func junitCounts(s xmlSuites) string {
	out := fmt.Sprintf("%d tests %d failures:", s.Tests, s.Failures)
	tests, failures := 0, 0
	for _, suite := range s.Suites {
		n := 0
		for _, c := range suite.Cases {
			if c.Failure != nil {
				n++
			}
		}
		if n != suite.Failures || len(suite.Cases) != suite.Tests {
			return fmt.Sprintf("suite %s declares %d/%d, holds %d/%d", suite.Name, suite.Tests, suite.Failures, len(suite.Cases), n)
		}
		tests += suite.Tests
		failures += suite.Failures
		out += fmt.Sprintf(" %s %d/%d", suite.Name, suite.Tests, suite.Failures)
	}
	if tests != s.Tests || failures != s.Failures {
		return fmt.Sprintf("testsuites declares %d/%d, its suites %d/%d", s.Tests, s.Failures, tests, failures)
	}
	return out
}

// Without the validator package above the assembly or the working directory, check
// fails with the command that installs it, unless -controls=false skips the gate.
func TestCheckControlsNotInstalled(t *testing.T) {
	dir := writeAssembly(t, map[string]string{"Small": `{"Resources": {"Handle": {"Type": "AWS::CloudFormation::WaitConditionHandle"}}}`})
	t.Chdir(t.TempDir())
	r := runCmd("check", dir)
	const want = "run `npm install --save-dev @cdklabs/cdk-validator-cfnguard@0.0.62` in the project, or pass -controls-dir, or -controls=false to skip the gate\n"
	if r.code != 2 || !strings.HasSuffix(r.stderr, want) || r.stdout != "" {
		t.Errorf("exit %d, stderr %q, stdout %q; want 2 and a stderr ending in %q", r.code, r.stderr, r.stdout, want)
	}
	r = runCmd("check", "-controls=false", dir)
	if want := dir + ": clean: 1 stack passed quotas, imports\n"; r.code != 0 || r.stdout != want {
		t.Errorf("-controls=false: exit %d, stdout %q, stderr %q; want 0 and %q", r.code, r.stdout, r.stderr, want)
	}
}

// A StackSet whose inline template is over 51,200 bytes is reported at the StackSet.
func TestCheckStackSetInlineTemplate(t *testing.T) {
	body, err := json.Marshal(map[string]any{"Resources": map[string]any{"Handle": map[string]any{
		"Type": "AWS::CloudFormation::WaitConditionHandle", "Metadata": map[string]any{"Padding": strings.Repeat("x", 51_200)}}}})
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := json.Marshal(map[string]any{"Resources": map[string]any{"Baseline": map[string]any{
		"Type": "AWS::CloudFormation::StackSet", "Properties": map[string]any{"StackSetName": "Baseline", "PermissionModel": "SERVICE_MANAGED", "TemplateBody": string(body)}}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := writeAssembly(t, map[string]string{"StackSets": string(tpl)})
	r := runCmd("check", "-controls=false", dir)
	want := fmt.Sprintf("StackSets (StackSets.template.json): Baseline: quotas cloudformation-quota: TemplateBody: %d template bytes, over the CloudFormation limit of 51200 for a template passed inline; pass it by TemplateURL\n", len(body)) +
		dir + ": 1 finding in 1 of 1 stack (gates: quotas, imports)\n"
	if r.code != 1 || r.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nstderr: %s\nwant exit 1 and:\n%s", r.code, r.stdout, r.stderr, want)
	}
}
