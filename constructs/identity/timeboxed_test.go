package identity_test

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/identity"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// expiry is four hours after the pinned clock, as conditions spell it.
const expiry = "2030-03-01T13:00:00Z"

var incident = identity.Grant{
	Actions:   []string{"ec2:StartInstances", "ec2:StopInstances", "rds:RebootDBInstance"},
	Resources: []string{"arn:aws:ec2:eu-west-1:111111111111:instance/*", "arn:aws:rds:eu-west-1:111111111111:db:orders"},
	ExpiresAt: now.Add(4*time.Hour + 500*time.Millisecond),
}

// The permission set allows the grant only while aws:CurrentTime is before the expiry,
// and holds nothing that could outlive it.
func TestTimeBoxedPermissionSet(t *testing.T) {
	var ps *identity.TimeBoxedPermissionSet
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		ps, err = identity.NewTimeBoxedPermissionSet(s, "BreakGlass", identity.TimeBoxedPermissionSetProps{
			InstanceArn: instance, Name: "BreakGlass-INC1234", Grant: incident, Now: clock,
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	props := tpl.Properties("AWS::SSO::PermissionSet")
	if len(props) != 1 {
		t.Fatalf("%d permission sets, want 1", len(props))
	}
	for _, p := range props {
		for _, key := range []string{"ManagedPolicies", "CustomerManagedPolicyReferences"} {
			if p[key] != nil {
				t.Errorf("time-boxed permission set has %s %v, which no condition can end", key, p[key])
			}
		}
		want := map[string]any{
			"Sid": "TimeBoxedAccess", "Effect": "Allow",
			"Action":    []any{"ec2:StartInstances", "ec2:StopInstances", "rds:RebootDBInstance"},
			"Resource":  []any{"arn:aws:ec2:eu-west-1:111111111111:instance/*", "arn:aws:rds:eu-west-1:111111111111:db:orders"},
			"Condition": map[string]any{"DateLessThan": map[string]any{"aws:CurrentTime": expiry}},
		}
		statements := statementsOf(t, p["InlinePolicy"])
		if len(statements) != 1 || !equalJSON(statements["TimeBoxedAccess"], want) {
			t.Errorf("inline policy %v, want the one statement %v", p["InlinePolicy"], want)
		}
		if p["Description"] != "Time-boxed access until "+expiry || p["Name"] != "BreakGlass-INC1234" || p["SessionDuration"] != "PT1H" {
			t.Errorf("permission set %v", p)
		}
	}
	if got := ps.ExpiresAt.Format(time.RFC3339); got != expiry {
		t.Errorf("ExpiresAt %s, want %s (UTC, to the second)", got, expiry)
	}
	lztest.Golden(t, tpl)
}

// The role can be assumed, and its policy used, only before the expiry.
func TestTimeBoxedRole(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		role, err := identity.NewTimeBoxedRole(s, "BreakGlass", identity.TimeBoxedRoleProps{
			RoleName: "break-glass-inc1234", TrustedAccount: "222222222222", MaxSessionDuration: "PT2H",
			Grant: identity.Grant{Actions: []string{"*"}, ExpiresAt: now.Add(48 * time.Hour)}, Now: clock,
		})
		if err != nil {
			t.Fatal(err)
		}
		// The caller's grant of every action is what this test is about; an
		// organization enforcing these controls cannot grant "*" this way.
		for _, id := range []string{"CT.IAM.PR.1", "CT.IAM.PR.5"} {
			lztest.SuppressControl(t, role, id, "the test grants every action on purpose, as an incident's break-glass grant may")
		}
	})
	until := map[string]any{"DateLessThan": map[string]any{"aws:CurrentTime": "2030-03-03T09:00:00Z"}}
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"RoleName":           "break-glass-inc1234",
		"MaxSessionDuration": 7200,
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow", "Condition": until,
			"Principal": map[string]any{"AWS": "arn:aws:iam::222222222222:root"},
		}}},
		"Policies": []any{map[string]any{
			"PolicyName": "TimeBoxedAccess",
			"PolicyDocument": map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
				"Sid": "TimeBoxedAccess", "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": until,
			}}},
		}},
	})
	tpl.ResourceCountIs("AWS::IAM::Policy", 0)
	lztest.Golden(t, tpl)
}

func TestTimeBoxedPermissionSetPropsErrors(t *testing.T) {
	grant := func(f func(g *identity.Grant)) identity.TimeBoxedPermissionSetProps {
		g := incident
		f(&g)
		return identity.TimeBoxedPermissionSetProps{InstanceArn: instance, Name: "BreakGlass", Grant: g, Now: clock}
	}
	for _, tc := range []struct {
		name  string
		props identity.TimeBoxedPermissionSetProps
		want  []string
	}{
		{"expiry in the past", grant(func(g *identity.Grant) { g.ExpiresAt = now.Add(-time.Minute) }),
			[]string{`TimeBoxedPermissionSetProps.Grant.ExpiresAt "2030-03-01T08:59:00Z": in the past (now is 2030-03-01T09:00:00Z); remove the expired grant`}},
		{"expiry now", grant(func(g *identity.Grant) { g.ExpiresAt = now }), []string{`Grant.ExpiresAt "2030-03-01T09:00:00Z": in the past`}},
		{"expiry missing", grant(func(g *identity.Grant) { g.ExpiresAt = time.Time{} }), []string{`TimeBoxedPermissionSetProps.Grant.ExpiresAt: required`}},
		{"expiry too far", grant(func(g *identity.Grant) { g.ExpiresAt = now.Add(31 * 24 * time.Hour) }),
			[]string{`Grant.ExpiresAt "2030-04-01T09:00:00Z": more than 30 days ahead`}},
		{"expiry in another zone, in the past", grant(func(g *identity.Grant) {
			g.ExpiresAt = time.Date(2030, time.March, 1, 9, 30, 0, 0, time.FixedZone("CET", 3600))
		}), []string{`Grant.ExpiresAt "2030-03-01T08:30:00Z": in the past`}},
		{"no actions", grant(func(g *identity.Grant) { g.Actions = nil }), []string{`TimeBoxedPermissionSetProps.Grant.Actions []: required`}},
		{"malformed action", grant(func(g *identity.Grant) {
			g.Actions = []string{"ec2 StartInstances", "ec2:StartInstances", "ec2:StartInstances"}
		}),
			[]string{`Grant.Actions[0] "ec2 StartInstances": not an IAM action`, `Grant.Actions[2] "ec2:StartInstances": duplicate of TimeBoxedPermissionSetProps.Grant.Actions[1]`}},
		{"malformed resource", grant(func(g *identity.Grant) { g.Resources = []string{"i-0123456789abcdef0"} }),
			[]string{`Grant.Resources[0] "i-0123456789abcdef0": not an ARN or "*"`}},
		{"missing name", identity.TimeBoxedPermissionSetProps{InstanceArn: instance, Grant: incident, Now: clock},
			[]string{`TimeBoxedPermissionSetProps.Name "": not a permission set name`}},
		{"session above 12 hours", identity.TimeBoxedPermissionSetProps{InstanceArn: instance, Name: "B", SessionDuration: "PT12H1M", Grant: incident, Now: clock},
			[]string{`TimeBoxedPermissionSetProps.SessionDuration "PT12H1M": out of range`}},
		{"every problem at once", identity.TimeBoxedPermissionSetProps{InstanceArn: "arn:aws:sso:::instance/x", Grant: identity.Grant{ExpiresAt: now.Add(-time.Hour)}, Now: clock},
			[]string{`InstanceArn "arn:aws:sso:::instance/x"`, `Name ""`, `Grant.Actions []`, `Grant.ExpiresAt "2030-03-01T08:00:00Z": in the past`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, "identity: TimeBoxedPermissionSetProps.", "Set", tc.want, tc.props.Validate, func(s awscdk.Stack, id string) error {
				_, err := identity.NewTimeBoxedPermissionSet(s, id, tc.props)
				return err
			})
		})
	}
}

func TestTimeBoxedRolePropsErrors(t *testing.T) {
	ok := identity.TimeBoxedRoleProps{RoleName: "break-glass", TrustedAccount: "222222222222", Grant: incident, Now: clock}
	with := func(f func(p *identity.TimeBoxedRoleProps)) identity.TimeBoxedRoleProps {
		p := ok
		f(&p)
		return p
	}
	for _, tc := range []struct {
		name  string
		props identity.TimeBoxedRoleProps
		want  []string
	}{
		{"expiry in the past", with(func(p *identity.TimeBoxedRoleProps) { p.Grant.ExpiresAt = now.Add(-24 * time.Hour) }),
			[]string{`TimeBoxedRoleProps.Grant.ExpiresAt "2030-02-28T09:00:00Z": in the past`}},
		{"no trust", with(func(p *identity.TimeBoxedRoleProps) { p.TrustedAccount = "" }),
			[]string{"TimeBoxedRoleProps.TrustedAccount \"\": required unless `TrustedPrincipalArn` is set"}},
		{"two trusts", with(func(p *identity.TimeBoxedRoleProps) { p.TrustedPrincipalArn = "arn:aws:iam::222222222222:role/oncall" }),
			[]string{"TimeBoxedRoleProps.TrustedPrincipalArn \"arn:aws:iam::222222222222:role/oncall\": set together with `TrustedAccount`"}},
		{"malformed account", with(func(p *identity.TimeBoxedRoleProps) { p.TrustedAccount = "2222-2222-2222" }),
			[]string{`TimeBoxedRoleProps.TrustedAccount "2222-2222-2222": not a 12-digit AWS account ID`}},
		{"principal of another service", identity.TimeBoxedRoleProps{RoleName: "r", TrustedPrincipalArn: "arn:aws:s3:::bucket", Grant: incident, Now: clock},
			[]string{`TimeBoxedRoleProps.TrustedPrincipalArn "arn:aws:s3:::bucket"`}},
		{"principal not a role or user", identity.TimeBoxedRoleProps{RoleName: "r", TrustedPrincipalArn: "arn:aws:iam::222222222222:group/ops", Grant: incident, Now: clock},
			[]string{`TimeBoxedRoleProps.TrustedPrincipalArn "arn:aws:iam::222222222222:group/ops": not the ARN of an IAM role or user`}},
		{"malformed role name", with(func(p *identity.TimeBoxedRoleProps) { p.RoleName = "break glass" }),
			[]string{`TimeBoxedRoleProps.RoleName "break glass": not an IAM role name`}},
		{"session not ISO 8601", with(func(p *identity.TimeBoxedRoleProps) { p.MaxSessionDuration = "3600" }),
			[]string{`TimeBoxedRoleProps.MaxSessionDuration "3600": not an ISO 8601 duration`}},
		{"every problem at once", identity.TimeBoxedRoleProps{RoleName: strings.Repeat("r", 65), Grant: identity.Grant{Actions: []string{"*"}}, Now: clock},
			[]string{`RoleName "` + strings.Repeat("r", 65) + `"`, `TrustedAccount ""`, `Grant.ExpiresAt: required`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, "identity: TimeBoxedRoleProps.", "Role", tc.want, tc.props.Validate, func(s awscdk.Stack, id string) error {
				_, err := identity.NewTimeBoxedRole(s, id, tc.props)
				return err
			})
		})
	}
}
