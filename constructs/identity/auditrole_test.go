package identity_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/identity"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// The auditor's account may assume the role only with this customer's external ID,
// and reads configuration and metadata, no data.
func TestAuditRole(t *testing.T) {
	var role *identity.AuditRole
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		role, err = identity.NewAuditRole(s, "Audit", identity.AuditRoleProps{TrustedAccount: "333333333333", ExternalID: "acme-7f3c9e2a"})
		if err != nil {
			t.Fatal(err)
		}
	})
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"RoleName": identity.DefaultAuditRoleName,
		"AssumeRolePolicyDocument": map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow",
			"Principal": map[string]any{"AWS": "arn:aws:iam::333333333333:root"},
			"Condition": map[string]any{"StringEquals": map[string]any{"sts:ExternalId": "acme-7f3c9e2a"}},
		}}},
		"ManagedPolicyArns":  []any{managedPolicy("SecurityAudit"), managedPolicy("job-function/ViewOnlyAccess")},
		"MaxSessionDuration": 3600,
	})
	tpl.ResourceCountIs("AWS::IAM::Policy", 0)
	if got := awscdk.Stack_Of(role).Resolve(role.RoleArn()); !equalJSON(got, map[string]any{"Fn::GetAtt": []any{"Audit60AC924E", "Arn"}}) {
		t.Errorf("RoleArn resolves to %v", got)
	}
	if got := identity.AuditRoleArn("123456789012"); got != "arn:aws:iam::123456789012:role/landingzone-third-party-audit" {
		t.Errorf("AuditRoleArn = %s", got)
	}
	lztest.Golden(t, tpl)
}

// Trusting one principal, with read access to data.
func TestAuditRoleReadOnlyPrincipal(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		_, err := identity.NewAuditRole(s, "Audit", identity.AuditRoleProps{
			TrustedPrincipalArn: "arn:aws:iam::333333333333:role/auditor", ExternalID: strings.Repeat("x", identity.MaxExternalIDLength),
			RoleName: "acme-audit", Access: identity.AuditReadOnly, MaxSessionDuration: "PT4H",
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"RoleName": "acme-audit",
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow",
			"Principal": map[string]any{"AWS": "arn:aws:iam::333333333333:role/auditor"},
			"Condition": map[string]any{"StringEquals": map[string]any{"sts:ExternalId": strings.Repeat("x", identity.MaxExternalIDLength)}},
		}}},
		"ManagedPolicyArns":  []any{managedPolicy("SecurityAudit"), managedPolicy("ReadOnlyAccess")},
		"MaxSessionDuration": 14400,
	})
}

func TestAuditRolePropsErrors(t *testing.T) {
	ok := identity.AuditRoleProps{TrustedAccount: "333333333333", ExternalID: "acme-7f3c9e2a"}
	with := func(f func(p *identity.AuditRoleProps)) identity.AuditRoleProps {
		p := ok
		f(&p)
		return p
	}
	for _, tc := range []struct {
		name  string
		props identity.AuditRoleProps
		want  []string
	}{
		{"external ID missing", with(func(p *identity.AuditRoleProps) { p.ExternalID = "" }),
			[]string{`AuditRoleProps.ExternalID "": too short; an external ID has 2 to 1224 characters`}},
		{"external ID of one character", with(func(p *identity.AuditRoleProps) { p.ExternalID = "x" }),
			[]string{`AuditRoleProps.ExternalID "x": too short`}},
		{"external ID of 1225 characters", with(func(p *identity.AuditRoleProps) { p.ExternalID = strings.Repeat("x", 1225) }),
			[]string{`AuditRoleProps.ExternalID: 1225 characters; an external ID has 2 to 1224`}},
		{"external ID with a space", with(func(p *identity.AuditRoleProps) { p.ExternalID = "acme 7f3c" }),
			[]string{`AuditRoleProps.ExternalID "acme 7f3c": only letters, digits and +=,.@:/_- are allowed`}},
		{"malformed account", with(func(p *identity.AuditRoleProps) { p.TrustedAccount = "33333333333" }),
			[]string{`AuditRoleProps.TrustedAccount "33333333333": not a 12-digit AWS account ID`}},
		{"no trust", with(func(p *identity.AuditRoleProps) { p.TrustedAccount = "" }), []string{`AuditRoleProps.TrustedAccount "": required`}},
		{"malformed principal", identity.AuditRoleProps{TrustedPrincipalArn: "auditor", ExternalID: "acme-1"},
			[]string{`AuditRoleProps.TrustedPrincipalArn "auditor": not an ARN`}},
		{"unknown access", with(func(p *identity.AuditRoleProps) { p.Access = "full" }), []string{`AuditRoleProps.Access "full": unknown access level`}},
		{"session above 12 hours", with(func(p *identity.AuditRoleProps) { p.MaxSessionDuration = "PT13H" }),
			[]string{`AuditRoleProps.MaxSessionDuration "PT13H": out of range; allowed PT1H to PT12H`}},
		{"malformed role name", with(func(p *identity.AuditRoleProps) { p.RoleName = "audit/role" }), []string{`AuditRoleProps.RoleName "audit/role": not an IAM role name`}},
		{"every problem at once", identity.AuditRoleProps{TrustedAccount: "x", ExternalID: "y", Access: "z", MaxSessionDuration: "1h"},
			[]string{`TrustedAccount "x"`, `ExternalID "y"`, `Access "z"`, `MaxSessionDuration "1h"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, "identity: AuditRoleProps.", "Audit", tc.want, tc.props.Validate, func(s awscdk.Stack, id string) error {
				_, err := identity.NewAuditRole(s, id, tc.props)
				return err
			})
		})
	}
}
