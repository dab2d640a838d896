package main

import (
	"encoding/json"
	"reflect"
	"testing"
)

// With the reference configuration, a stack deployed by the bootstrap roles of the
// CDK's default qualifier, which the guardrails do not exempt, may not touch the log
// archive's bucket; stacks in an account the configuration does not hold, or in no
// account yet, are reported as such.
func TestCheckGuardrails(t *testing.T) {
	r := runCmd("check", "-controls=false", "-config", referenceConfig, "-format", "json", "testdata/guardrails")
	if r.code != 1 {
		t.Errorf("exit %d, want 1; stderr: %s", r.code, r.stderr)
	}
	var rep Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	want := []Finding{
		{Gate: "guardrails", Stack: "Agnostic", Template: "Agnostic.template.json", Rule: "environment-agnostic",
			Message: "the stack leaves its account to deploy time, so the guardrails above it are unknown; set its env"},
		{Gate: "guardrails", Stack: "Elsewhere", Template: "Elsewhere.template.json", Rule: "account-not-in-configuration",
			Message: "account 999999999999 is not in the configuration, so the guardrails above it are unknown"},
		{Gate: "guardrails", Stack: "LogBucketTakeover", Template: "LogBucketTakeover.template.json", Resource: "deploy role",
			Rule: "landingzone-protect-landing-zone/ProtectLogArchiveBuckets",
			Message: "arn:aws:iam::222222222222:role/cdk-hnb659fds-cfn-exec-role-222222222222-eu-west-1 may not s3:* on arn:aws:s3:::lz-logs-222222222222-eu-west-1: " +
				"denied by landingzone-protect-landing-zone statement ProtectLogArchiveBuckets at root"},
	}
	if !reflect.DeepEqual(rep.Findings, want) {
		t.Errorf("findings:\n%+v\nwant:\n%+v", rep.Findings, want)
	}
	if g := rep.Guardrails; g == nil || g.Roles != 1 || g.Requests != 1 {
		t.Errorf("guardrails evaluated %+v, want the one deploy role's one request", g)
	}
}
