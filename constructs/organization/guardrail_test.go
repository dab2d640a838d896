package organization_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// exempt are the role ARN patterns every statement of the reference guardrails exempts.
var exempt = []string{"arn:aws:iam::*:role/OrganizationAccountAccessRole", "arn:aws:iam::*:role/stacksets-exec-*"}

// buildGuardrails attaches the whole library to the reference structure: four policies
// on the root (with FullAWSAccess, the most a target holds), three on Workloads, and a
// stricter region deny on Sandbox.
func buildGuardrails(t *testing.T, stack awscdk.Stack) []*organization.Guardrail {
	t.Helper()
	s, err := organization.NewStructure(stack, "Organization", referenceStructure())
	if err != nil {
		t.Fatalf("NewStructure: %v", err)
	}
	on := func(targets ...organization.Target) organization.GuardrailProps {
		return organization.GuardrailProps{Targets: targets, ExemptRoleNames: []string{"stacksets-exec-*"}}
	}
	root, workloads, sandbox := s.Target(""), s.Target("Workloads"), s.Target("Sandbox")
	var out []*organization.Guardrail
	add := func(g *organization.Guardrail, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, g)
	}
	add(organization.NewDenyLeaveOrganization(stack, "DenyLeaveOrganization", organization.DenyLeaveOrganizationProps{GuardrailProps: on(root)}))
	add(organization.NewDenyRootUser(stack, "DenyRootUser", organization.DenyRootUserProps{GuardrailProps: on(root)}))
	add(organization.NewProtectSecurityServices(stack, "ProtectSecurityServices", organization.ProtectSecurityServicesProps{GuardrailProps: on(root)}))
	add(organization.NewProtectLandingZone(stack, "ProtectLandingZone", organization.ProtectLandingZoneProps{
		GuardrailProps: on(root),
		Buckets:        []string{"lz-logs-111111111111-eu-west-1", "lz-access-logs-111111111111-eu-west-1"},
		KeyAliases:     []string{"alias/landingzone-logs"},
		KeyARNs:        []string{"arn:aws:kms:*:111111111111:key/*"},
		RoleNames:      []string{"landingzone-*", "OrganizationAccountAccessRole"},
	}))
	add(organization.NewRegionDeny(stack, "RegionDeny", organization.RegionDenyProps{
		GuardrailProps: on(workloads), AllowedRegions: []string{"eu-west-1", "eu-central-1"}, ExemptActions: []string{"bedrock:InvokeModel"},
	}))
	add(organization.NewRequireIMDSv2(stack, "RequireIMDSv2", organization.RequireIMDSv2Props{GuardrailProps: on(workloads)}))
	add(organization.NewProtectS3PublicAccessBlock(stack, "ProtectS3PublicAccessBlock", organization.ProtectS3PublicAccessBlockProps{GuardrailProps: on(workloads)}))
	sandboxOnly := on(sandbox)
	sandboxOnly.PolicyName = "landingzone-region-deny-sandbox"
	add(organization.NewRegionDeny(stack, "SandboxRegionDeny", organization.RegionDenyProps{GuardrailProps: sandboxOnly, AllowedRegions: []string{"eu-west-1"}}))
	return out
}

func TestGuardrails(t *testing.T) {
	var guardrails []*organization.Guardrail
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) { guardrails = buildGuardrails(t, s) })
	policies := policiesByName(t, tpl)
	if len(policies) != 8 {
		t.Fatalf("%d policies, want 8", len(policies))
	}
	workloads := map[string]any{"Fn::GetAtt": []any{logicalID(t, tpl, "AWS::Organizations::OrganizationalUnit", "Workloads"), "Id"}}
	sandbox := map[string]any{"Fn::GetAtt": []any{logicalID(t, tpl, "AWS::Organizations::OrganizationalUnit", "Sandbox"), "Id"}}

	t.Run("every statement denies and exempts the admin roles", func(t *testing.T) {
		for name, p := range policies {
			if p["Type"] != "SERVICE_CONTROL_POLICY" {
				t.Errorf("%s: Type %v", name, p["Type"])
			}
			for _, s := range statements(p) {
				if s["Effect"] != "Deny" {
					t.Errorf("%s/%s: Effect %v", name, s["Sid"], s["Effect"])
				}
				if got := values(condition(s, "ArnNotLike", "aws:PrincipalArn")); !slices.Equal(got, exempt) {
					t.Errorf("%s/%s: exempts %q, want %q", name, s["Sid"], got, exempt)
				}
			}
		}
	})
	t.Run("the measured size is what deploys", func(t *testing.T) {
		for _, g := range guardrails {
			deployed, _ := json.Marshal(policies[g.Name]["Content"])
			if len(deployed) != g.Size() || g.Size() > organization.MaxPolicyCharacters {
				t.Errorf("%s: measured %d characters, the template's content has %d", g.Name, g.Size(), len(deployed))
			}
		}
	})
	t.Run("attachments", func(t *testing.T) {
		for name, want := range map[string]any{
			organization.PolicyNameDenyLeaveOrganization:      rootID,
			organization.PolicyNameDenyRootUser:               rootID,
			organization.PolicyNameProtectSecurityServices:    rootID,
			organization.PolicyNameProtectLandingZone:         rootID,
			organization.PolicyNameRegionDeny:                 workloads,
			organization.PolicyNameRequireIMDSv2:              workloads,
			organization.PolicyNameProtectS3PublicAccessBlock: workloads,
			"landingzone-region-deny-sandbox":                 sandbox,
		} {
			if got := policies[name]["TargetIds"]; !jsonEqual(got, []any{want}) {
				t.Errorf("%s: attached to %v, want [%v]", name, got, want)
			}
		}
	})
	t.Run("deny leaving the organization", func(t *testing.T) {
		s := statement(t, policies, organization.PolicyNameDenyLeaveOrganization, "DenyLeaveOrganization")
		expectStatement(t, s, []string{"organizations:LeaveOrganization"}, []string{"*"})
	})
	t.Run("deny the root user", func(t *testing.T) {
		s := statement(t, policies, organization.PolicyNameDenyRootUser, "DenyRootUser")
		if got, want := values(s["NotAction"]), []string{"iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser",
			"iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"}; !slices.Equal(got, want) || s["Action"] != nil {
			t.Errorf("DenyRootUser: NotAction %q, Action %v; want every action but the MFA set-up %q", got, s["Action"], want)
		}
		if got := values(s["Resource"]); !slices.Equal(got, []string{"*"}) {
			t.Errorf("DenyRootUser: Resource %q, want *", got)
		}
		if got := values(condition(s, "ArnLike", "aws:PrincipalArn")); !slices.Equal(got, []string{"arn:aws:iam::*:root"}) {
			t.Errorf("applies to %q, want the root user of every account", got)
		}
	})
	t.Run("protect the security services", func(t *testing.T) {
		for sid, action := range map[string]string{
			"ProtectCloudTrail": "cloudtrail:StopLogging", "ProtectGuardDuty": "guardduty:DeleteDetector",
			"ProtectConfig": "config:StopConfigurationRecorder", "ProtectSecurityHub": "securityhub:DisableSecurityHub",
			"ProtectAccessAnalyzer": "access-analyzer:DeleteAnalyzer",
		} {
			s := statement(t, policies, organization.PolicyNameProtectSecurityServices, sid)
			if !slices.Contains(values(s["Action"]), action) {
				t.Errorf("%s does not deny %s: %q", sid, action, values(s["Action"]))
			}
		}
	})
	t.Run("protect the landing zone", func(t *testing.T) {
		name := organization.PolicyNameProtectLandingZone
		buckets := statement(t, policies, name, "ProtectLogArchiveBuckets")
		if got := values(buckets["Resource"]); !slices.Equal(got, []string{
			"arn:aws:s3:::lz-logs-111111111111-eu-west-1", "arn:aws:s3:::lz-logs-111111111111-eu-west-1/*",
			"arn:aws:s3:::lz-access-logs-111111111111-eu-west-1", "arn:aws:s3:::lz-access-logs-111111111111-eu-west-1/*",
		}) {
			t.Errorf("bucket statement covers %q", got)
		}
		for _, a := range []string{"s3:PutBucket*", "s3:DeleteBucket*", "s3:DeleteObject*", "s3:PutLifecycleConfiguration"} {
			if !slices.Contains(values(buckets["Action"]), a) {
				t.Errorf("buckets: %s not denied", a)
			}
		}
		keys := statement(t, policies, name, "ProtectLogArchiveKeys")
		expectStatement(t, keys, []string{"kms:DisableKey", "kms:DisableKeyRotation", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"}, []string{"*"})
		if got := values(condition(keys, "ForAnyValue:StringEquals", "kms:ResourceAliases")); !slices.Equal(got, []string{"alias/landingzone-logs"}) {
			t.Errorf("keys found by aliases %q", got)
		}
		aliases := statement(t, policies, name, "ProtectLogArchiveKeyAliases")
		expectStatement(t, aliases, []string{"kms:DeleteAlias", "kms:UpdateAlias"}, []string{"arn:aws:kms:*:*:alias/landingzone-logs"})
		byARN := statement(t, policies, name, "ProtectLogArchiveKeysByArn")
		expectStatement(t, byARN, values(keys["Action"]), []string{"arn:aws:kms:*:111111111111:key/*"})
		roles := statement(t, policies, name, "ProtectLandingZoneRoles")
		// The exempted roles are protected too, each role once.
		if got := values(roles["Resource"]); !slices.Equal(got, append(slices.Clone(exempt), "arn:aws:iam::*:role/landingzone-*")) {
			t.Errorf("protected roles %q", got)
		}
		for _, a := range []string{"iam:CreateRole", "iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "iam:DeleteRole"} {
			if !slices.Contains(values(roles["Action"]), a) {
				t.Errorf("roles: %s not denied", a)
			}
		}
	})
	t.Run("region deny", func(t *testing.T) {
		s := statement(t, policies, organization.PolicyNameRegionDeny, "DenyOutsideAllowedRegions")
		if s["Action"] != nil {
			t.Errorf("Action %v beside NotAction", s["Action"])
		}
		if got := values(s["NotAction"]); !slices.Equal(got, append(organization.GlobalServiceActions(), "bedrock:InvokeModel")) {
			t.Errorf("NotAction %q, want the global services and the exempt action", got)
		}
		if got := values(condition(s, "StringNotEquals", "aws:RequestedRegion")); !slices.Equal(got, []string{"eu-west-1", "eu-central-1"}) {
			t.Errorf("allowed regions %q", got)
		}
		sandbox := statement(t, policies, "landingzone-region-deny-sandbox", "DenyOutsideAllowedRegions")
		if got := values(condition(sandbox, "StringNotEquals", "aws:RequestedRegion")); !slices.Equal(got, []string{"eu-west-1"}) {
			t.Errorf("sandbox allowed regions %q", got)
		}
	})
	t.Run("require IMDSv2", func(t *testing.T) {
		launch := statement(t, policies, organization.PolicyNameRequireIMDSv2, "RequireIMDSv2OnLaunch")
		expectStatement(t, launch, []string{"ec2:RunInstances"}, []string{"arn:aws:ec2:*:*:instance/*"})
		if got := values(condition(launch, "StringNotEquals", "ec2:MetadataHttpTokens")); !slices.Equal(got, []string{"required"}) {
			t.Errorf("launch condition %q", got)
		}
		modify := statement(t, policies, organization.PolicyNameRequireIMDSv2, "DenyMetadataOptionChanges")
		expectStatement(t, modify, []string{"ec2:ModifyInstanceMetadataOptions"}, []string{"*"})
	})
	t.Run("protect the S3 account public access block", func(t *testing.T) {
		s := statement(t, policies, organization.PolicyNameProtectS3PublicAccessBlock, "ProtectS3AccountPublicAccessBlock")
		expectStatement(t, s, []string{"s3:PutAccountPublicAccessBlock"}, []string{"*"})
	})
	lztest.Golden(t, tpl)
}

// policiesByName returns the Properties of every AWS::Organizations::Policy by Name.
func policiesByName(t *testing.T, tpl *lztest.Template) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, p := range tpl.Properties("AWS::Organizations::Policy") {
		out[fmt.Sprint(p["Name"])] = p
	}
	return out
}

func statements(policy map[string]any) []map[string]any {
	content, _ := policy["Content"].(map[string]any)
	list, _ := content["Statement"].([]any)
	out := make([]map[string]any, len(list))
	for i, s := range list {
		out[i], _ = s.(map[string]any)
	}
	return out
}

// statement returns the statement sid of the policy named name, failing without it.
func statement(t *testing.T, policies map[string]map[string]any, name, sid string) map[string]any {
	t.Helper()
	for _, s := range statements(policies[name]) {
		if s["Sid"] == sid {
			return s
		}
	}
	t.Fatalf("policy %s has no statement %s", name, sid)
	return nil
}

func expectStatement(t *testing.T, s map[string]any, actions, resources []string) {
	t.Helper()
	if got := values(s["Action"]); !slices.Equal(got, actions) {
		t.Errorf("%s: Action %q, want %q", s["Sid"], got, actions)
	}
	if got := values(s["Resource"]); !slices.Equal(got, resources) {
		t.Errorf("%s: Resource %q, want %q", s["Sid"], got, resources)
	}
}

func condition(s map[string]any, operator, key string) any {
	c, _ := s["Condition"].(map[string]any)
	op, _ := c[operator].(map[string]any)
	return op[key]
}

// values reads a policy element that is a string or a list of strings.
func values(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		out := make([]string, len(x))
		for i, e := range x {
			out[i] = fmt.Sprint(e)
		}
		return out
	}
	return nil
}

func jsonEqual(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}
