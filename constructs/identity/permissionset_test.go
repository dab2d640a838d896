package identity_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"

	"github.com/go-landingzone/landingzone/constructs/identity"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// One permission set per persona, all defaults.
func TestPermissionSetPersonas(t *testing.T) {
	sets := map[identity.Persona]*identity.PermissionSet{}
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		for _, p := range identity.Personas() {
			ps, err := identity.NewPermissionSet(s, p.DefaultName(), identity.PermissionSetProps{InstanceArn: instance, Persona: p})
			if err != nil {
				t.Fatal(err)
			}
			sets[p] = ps
		}
	})
	tpl.ResourceCountIs("AWS::SSO::PermissionSet", len(identity.Personas()))
	tpl.AllResourcesProperties("AWS::SSO::PermissionSet", map[string]any{"InstanceArn": instance, "SessionDuration": "PT1H"})
	for persona, managed := range map[identity.Persona][]any{
		identity.PersonaAdministrator:   {"arn:aws:iam::aws:policy/AdministratorAccess"},
		identity.PersonaDeveloper:       {"arn:aws:iam::aws:policy/PowerUserAccess"},
		identity.PersonaOperator:        {"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "arn:aws:iam::aws:policy/AWSSupportAccess"},
		identity.PersonaReadOnly:        {"arn:aws:iam::aws:policy/ReadOnlyAccess"},
		identity.PersonaViewOnly:        {"arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"},
		identity.PersonaSecurityAuditor: {"arn:aws:iam::aws:policy/SecurityAudit", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"},
	} {
		tpl.HasResourceProperties("AWS::SSO::PermissionSet", map[string]any{"Name": persona.DefaultName(), "ManagedPolicies": managed})
	}
	if sets[identity.PersonaDeveloper].Name != "Developer" {
		t.Errorf("developer permission set named %q", sets[identity.PersonaDeveloper].Name)
	}

	// The content editor has no managed policy, and writes objects only in buckets of
	// its own account that carry the content tag.
	var editor map[string]any
	for _, props := range tpl.Properties("AWS::SSO::PermissionSet") {
		if props["Name"] == "ContentEditor" {
			editor = props
		}
	}
	if editor["ManagedPolicies"] != nil {
		t.Errorf("content editor has managed policies %v", editor["ManagedPolicies"])
	}
	statements := statementsOf(t, editor["InlinePolicy"])
	edit := statements["EditObjectsInTaggedBuckets"]
	wantCondition := map[string]any{"StringEquals": map[string]any{
		"aws:ResourceTag/landingzone:content": "editable",
		"aws:ResourceAccount":                 "${aws:PrincipalAccount}",
	}}
	if !equalJSON(edit["Condition"], wantCondition) {
		t.Errorf("object statement condition %v, want %v", edit["Condition"], wantCondition)
	}
	for _, s := range statements {
		for _, a := range s["Action"].([]any) {
			if strings.Contains(a.(string), "Delete") || strings.Contains(a.(string), "Acl") || strings.Contains(a.(string), "Tag") || strings.Contains(a.(string), "*") {
				t.Errorf("content editor may %s", a)
			}
		}
	}
	lztest.Golden(t, tpl)
}

func TestPermissionSetOptions(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		for id, props := range map[string]identity.PermissionSetProps{
			"Platform": {InstanceArn: instance, Persona: identity.PersonaDeveloper, Name: "Platform", Description: "Platform team",
				SessionDuration: "PT510M", BoundaryPolicyName: "/boundaries/WorkloadBoundary"},
			"Support": {InstanceArn: instance, Persona: identity.PersonaOperator, SessionDuration: "PT12H", BoundaryManagedPolicy: "PowerUserAccess"},
			"Website": {InstanceArn: instance, Persona: identity.PersonaContentEditor, Name: "WebsiteEditor", ContentTagKey: "site", ContentTagValue: "www"},
		} {
			if _, err := identity.NewPermissionSet(s, id, props); err != nil {
				t.Fatal(err)
			}
		}
	})
	tpl.HasResourceProperties("AWS::SSO::PermissionSet", map[string]any{
		"Name": "Platform", "Description": "Platform team", "SessionDuration": "PT8H30M",
		"PermissionsBoundary": map[string]any{"CustomerManagedPolicyReference": map[string]any{"Name": "WorkloadBoundary", "Path": "/boundaries/"}},
	})
	tpl.HasResourceProperties("AWS::SSO::PermissionSet", map[string]any{
		"Name": "Operator", "SessionDuration": "PT12H",
		"PermissionsBoundary": map[string]any{"ManagedPolicyArn": "arn:aws:iam::aws:policy/PowerUserAccess"},
	})
	tpl.HasResourceProperties("AWS::SSO::PermissionSet", map[string]any{
		"Name": "WebsiteEditor",
		"InlinePolicy": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{assertions.Match_ObjectLike(&map[string]any{
			"Sid":       "EditObjectsInTaggedBuckets",
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:ResourceTag/site": "www", "aws:ResourceAccount": "${aws:PrincipalAccount}"}},
		})})},
	})
	lztest.Golden(t, tpl)
}

func TestPermissionSetPropsErrors(t *testing.T) {
	ok := identity.PermissionSetProps{InstanceArn: instance, Persona: identity.PersonaReadOnly}
	with := func(f func(p *identity.PermissionSetProps)) identity.PermissionSetProps {
		p := ok
		f(&p)
		return p
	}
	for _, tc := range []struct {
		name  string
		props identity.PermissionSetProps
		want  []string
	}{
		{"missing instance", with(func(p *identity.PermissionSetProps) { p.InstanceArn = "" }),
			[]string{`PermissionSetProps.InstanceArn "": not an IAM Identity Center instance ARN`}},
		{"malformed instance", with(func(p *identity.PermissionSetProps) { p.InstanceArn = "arn:aws:sso:::instance/ssoins-123" }),
			[]string{`PermissionSetProps.InstanceArn "arn:aws:sso:::instance/ssoins-123": not an IAM Identity Center instance ARN`}},
		{"permission set ARN for instance", with(func(p *identity.PermissionSetProps) { p.InstanceArn = externalPS }),
			[]string{`PermissionSetProps.InstanceArn "` + externalPS + `"`}},
		{"missing persona", with(func(p *identity.PermissionSetProps) { p.Persona = "" }), []string{`PermissionSetProps.Persona "": required`}},
		{"unknown persona", with(func(p *identity.PermissionSetProps) { p.Persona = "root" }), []string{`PermissionSetProps.Persona "root": unknown persona`}},
		{"name too long", with(func(p *identity.PermissionSetProps) { p.Name = strings.Repeat("a", 33) }),
			[]string{`PermissionSetProps.Name "` + strings.Repeat("a", 33) + `": not a permission set name`}},
		{"name with a space", with(func(p *identity.PermissionSetProps) { p.Name = "Read Only" }), []string{`PermissionSetProps.Name "Read Only"`}},
		{"session above 12 hours", with(func(p *identity.PermissionSetProps) { p.SessionDuration = "PT13H" }),
			[]string{`PermissionSetProps.SessionDuration "PT13H": out of range; allowed PT1H to PT12H`}},
		{"session of a day", with(func(p *identity.PermissionSetProps) { p.SessionDuration = "P1D" }), []string{`PermissionSetProps.SessionDuration "P1D": out of range`}},
		{"session below an hour", with(func(p *identity.PermissionSetProps) { p.SessionDuration = "PT30M" }), []string{`PermissionSetProps.SessionDuration "PT30M": out of range`}},
		{"session not ISO 8601", with(func(p *identity.PermissionSetProps) { p.SessionDuration = "8h" }),
			[]string{`PermissionSetProps.SessionDuration "8h": not an ISO 8601 duration`}},
		{"session in hours without T", with(func(p *identity.PermissionSetProps) { p.SessionDuration = "P8H" }), []string{`PermissionSetProps.SessionDuration "P8H": not an ISO 8601 duration`}},
		{"two boundaries", with(func(p *identity.PermissionSetProps) {
			p.BoundaryPolicyName, p.BoundaryManagedPolicy = "B", "PowerUserAccess"
		}),
			[]string{"PermissionSetProps.BoundaryManagedPolicy \"PowerUserAccess\": set together with `BoundaryPolicyName`"}},
		{"malformed boundary", with(func(p *identity.PermissionSetProps) { p.BoundaryPolicyName = "boundaries/B" }),
			[]string{`PermissionSetProps.BoundaryPolicyName "boundaries/B": not a customer-managed policy name`}},
		{"malformed managed boundary", with(func(p *identity.PermissionSetProps) {
			p.BoundaryManagedPolicy = "arn:aws:iam::aws:policy/PowerUserAccess"
		}),
			[]string{`PermissionSetProps.BoundaryManagedPolicy "arn:aws:iam::aws:policy/PowerUserAccess": not an AWS managed policy name`}},
		{"content tag on another persona", with(func(p *identity.PermissionSetProps) { p.ContentTagKey = "site" }),
			[]string{`PermissionSetProps.ContentTagKey "site": applies to persona content-editor only`}},
		{"reserved content tag", identity.PermissionSetProps{InstanceArn: instance, Persona: identity.PersonaContentEditor, ContentTagKey: "aws:site"},
			[]string{`PermissionSetProps.ContentTagKey "aws:site": not a tag key`}},
		{"description too long", with(func(p *identity.PermissionSetProps) { p.Description = strings.Repeat("x", 701) }),
			[]string{`PermissionSetProps.Description: 701 characters; at most 700`}},
		{"every problem at once", identity.PermissionSetProps{InstanceArn: "ssoins-0123456789abcdef", Persona: "admin", Name: "a b", SessionDuration: "PT24H"},
			[]string{`PermissionSetProps.InstanceArn "ssoins-0123456789abcdef"`, `PermissionSetProps.Persona "admin"`, `PermissionSetProps.Name "a b"`, `PermissionSetProps.SessionDuration "PT24H"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, "identity: PermissionSetProps.", "Set", tc.want, tc.props.Validate, func(s awscdk.Stack, id string) error {
				_, err := identity.NewPermissionSet(s, id, tc.props)
				return err
			})
		})
	}
}
