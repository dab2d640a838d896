package scpcheck

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/constructs/organization/scpsim"
)

// guardrails deny UpdateDetector and changes to the bucket "logs" to everyone but the
// roles named lzadmin-*.
func guardrails(string) ([]scpsim.Level, error) {
	exempt := organization.Conditions{"ArnNotLike": {"aws:PrincipalArn": organization.Values{"arn:aws:iam::*:role/lzadmin-*"}}}
	deny := scpsim.Policy{Name: "guard", Document: organization.Document{Version: "2012-10-17", Statement: []organization.Statement{
		{Sid: "GuardDuty", Effect: "Deny", Action: organization.Values{"guardduty:UpdateDetector"}, Resource: organization.Values{"*"}, Condition: exempt},
		{Sid: "Logs", Effect: "Deny", Action: organization.Values{"s3:PutBucket*"}, Resource: organization.Values{"arn:aws:s3:::logs"}, Condition: exempt},
	}}}
	return []scpsim.Level{{Name: "root", Policies: []scpsim.Policy{scpsim.FullAWSAccess(), deny}}}, nil
}

const template = `{"Resources": {
  "Named": {"Type": "AWS::IAM::Role", "Properties": {
    "RoleName": {"Fn::Join": ["", ["lzadmin-guardduty-", {"Ref": "AWS::Region"}]]},
    "Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "guardduty:UpdateDetector", "Resource": "*"}]}}]}},
  "Generated": {"Type": "AWS::IAM::Role", "Properties": {
    "ManagedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]}},
  "GeneratedPolicy": {"Type": "AWS::IAM::Policy", "Properties": {"Roles": [{"Ref": "Generated"}],
    "PolicyDocument": {"Statement": [
      {"Effect": "Allow", "Action": ["guardduty:UpdateDetector", "guardduty:GetDetector"], "Resource": "*"},
      {"Effect": "Allow", "Action": "s3:PutBucketPolicy", "Resource": [{"Fn::GetAtt": ["Mine", "Arn"]}, {"Fn::GetAtt": ["Logs", "Arn"]}]},
      {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}}},
  "Mine": {"Type": "AWS::S3::Bucket"},
  "Logs": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "logs"}}
}}`

func stack(t *testing.T, deployRole string) Stack {
	t.Helper()
	var tpl map[string]any
	if err := json.Unmarshal([]byte(template), &tpl); err != nil {
		t.Fatal(err)
	}
	return Stack{Name: "Security-eu-west-1", Account: "333333333333", Region: "eu-west-1", Template: tpl, DeployRole: deployRole}
}

func TestCheck(t *testing.T) {
	rep, err := Check([]Stack{stack(t, BootstrapExecutionRole("lzadmin", "333333333333", "eu-west-1"))}, guardrails)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.String())
	}
	// The named role is exempt; the generated one is not, for the detector nor for the
	// named bucket; its own unnamed bucket is not the protected one, and the deploy
	// role (cdk-lzadmin-*) is not exempt by these guardrails.
	wantFindings := []string{
		"deploy role s3:* arn:aws:s3:::logs",
		"Generated guardduty:UpdateDetector *",
		"Generated s3:PutBucketPolicy arn:aws:s3:::logs",
	}
	var short []string
	for _, f := range rep.Findings {
		short = append(short, f.Role+" "+f.Action+" "+f.Resource)
	}
	if strings.Join(short, "\n") != strings.Join(wantFindings, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantFindings, "\n"))
	}
	if g := rep.Findings[1].Principal; g != "arn:aws:iam::333333333333:role/Security-eu-west-1-Generated-GENERATED0123" {
		t.Errorf("generated role's ARN %s", g)
	}
	// Roles: deploy, Named, Generated. Requests: the deploy role one per resource (2
	// roles, a policy, 2 buckets), Named 1, Generated 2+2.
	if rep.Roles != 3 || rep.ManagedPolicies != 1 {
		t.Errorf("%d roles, %d managed policies; want 3 and 1", rep.Roles, rep.ManagedPolicies)
	}
	if rep.Requests != 5+1+4 {
		t.Errorf("%d requests, want 10", rep.Requests)
	}
}

func TestCheckWithExemptDeployRole(t *testing.T) {
	rep, err := Check([]Stack{stack(t, "arn:aws:iam::333333333333:role/lzadmin-deploy")}, guardrails)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Role == "deploy role" {
			t.Errorf("exempt deploy role reported: %s", f)
		}
	}
}

func TestNoLevelsNoFindings(t *testing.T) {
	rep, err := Check([]Stack{stack(t, "")}, func(string) ([]scpsim.Level, error) { return nil, nil })
	if err != nil || len(rep.Findings) != 0 || rep.Roles != 0 {
		t.Errorf("management account: %+v, %v", rep, err)
	}
}

func TestResolve(t *testing.T) {
	r := newResolver(Stack{Name: "S", Account: "111122223333", Region: "eu-west-1", Template: map[string]any{"Resources": map[string]any{
		"B": map[string]any{"Type": "AWS::S3::Bucket"},
	}}})
	for _, c := range []struct {
		in    string
		want  string
		known bool
	}{
		{`{"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x-${AWS::Region}"}`, "arn:aws:iam::111122223333:role/x-eu-west-1", true},
		{`{"Fn::GetAtt": ["B", "Arn"]}`, "arn:aws:s3:::s-b-generated0123", true},
		{`{"Fn::GetAtt": ["Other", "Arn"]}`, "*", false},
		{`{"Fn::Join": ["", [{"Fn::GetAtt": ["K", "Arn"]}, "/x"]]}`, "*/x", false},
	} {
		var v any
		if err := json.Unmarshal([]byte(c.in), &v); err != nil {
			t.Fatal(err)
		}
		if got, known := r.str(v); got != c.want || known != c.known {
			t.Errorf("%s: %q %v, want %q %v", c.in, got, known, c.want, c.known)
		}
	}
}

// A team's deploy role, not exempt, may create its own roles, their policies and keys,
// but not a role of the protected names: roles and inline policies are requested on
// the roles' own ARNs (named or generated), a key on a new key's ARN, not on *.
func TestDeployRoleActsOnOwnRolesOnly(t *testing.T) {
	protect := func(string) ([]scpsim.Level, error) {
		deny := scpsim.Policy{Name: "protect", Document: organization.Document{Version: "2012-10-17", Statement: []organization.Statement{
			{Effect: "Deny", Action: organization.Values{"iam:CreateRole", "iam:PutRolePolicy"}, Resource: organization.Values{"arn:aws:iam::*:role/lzadmin-*"}},
			{Effect: "Deny", Action: organization.Values{"kms:DeleteAlias"}, Resource: organization.Values{"arn:aws:kms:*:*:alias/lz-log-archive"}},
		}}}
		return []scpsim.Level{{Name: "root", Policies: []scpsim.Policy{scpsim.FullAWSAccess(), deny}}}, nil
	}
	const team = `{"Resources": {
	  "App": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "app-worker"}},
	  "Generated": {"Type": "AWS::IAM::Role"},
	  "Key": {"Type": "AWS::KMS::Key"},
	  "Both": {"Type": "AWS::IAM::Policy", "Properties": {"Roles": [{"Ref": "App"}, {"Ref": "Generated"}],
	    "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "sqs:ReceiveMessage", "Resource": "*"}]}}}%s
	}}`
	deploy := BootstrapExecutionRole("team", "333333333333", "eu-west-1")
	check := func(extra string) []string {
		var tpl map[string]any
		if err := json.Unmarshal([]byte(fmt.Sprintf(team, extra)), &tpl); err != nil {
			t.Fatal(err)
		}
		rep, err := Check([]Stack{{Name: "Team", Account: "333333333333", Region: "eu-west-1", Template: tpl, DeployRole: deploy}}, protect)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range rep.Findings {
			got = append(got, f.Role+" "+f.Action+" "+f.Resource)
		}
		return got
	}
	if got := check(""); len(got) != 0 {
		t.Errorf("team roles reported: %v", got)
	}
	want := []string{"deploy role iam:* arn:aws:iam::333333333333:role/lzadmin-x"}
	if got := check(`, "Taken": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "lzadmin-x"}}`); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings %v, want %v", got, want)
	}
}
