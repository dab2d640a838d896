package identity_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"

	"github.com/go-landingzone/landingzone/constructs/identity"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// A provider and two federated roles; each role trusts the provider for console
// sign-in, with the SAML audience pinned to the AWS sign-in endpoint.
func TestSamlFederation(t *testing.T) {
	var f *identity.SamlFederation
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		f, err = identity.NewSamlFederation(s, "Federation", identity.SamlFederationProps{
			MetadataDocument: metadata,
			Roles: []identity.SamlRole{
				{Name: "data-viewers", Persona: identity.PersonaViewOnly, MaxSessionDuration: "PT8H"},
				{Name: "web-editors", Persona: identity.PersonaContentEditor, BoundaryPolicyName: "/boundaries/Editors"},
				{Name: "operators", Persona: identity.PersonaOperator, BoundaryManagedPolicy: "PowerUserAccess"},
			},
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	tpl.HasResourceProperties("AWS::IAM::SAMLProvider", map[string]any{"Name": identity.DefaultSamlProviderName, "SamlMetadataDocument": metadata})
	provider := map[string]any{"Ref": assertions.Match_StringLikeRegexp(strp("^FederationProvider"))}
	trust := map[string]any{"Statement": []any{map[string]any{
		"Action": "sts:AssumeRoleWithSAML", "Effect": "Allow",
		"Principal": map[string]any{"Federated": provider},
		"Condition": map[string]any{"StringEquals": map[string]any{"SAML:aud": "https://signin.aws.amazon.com/saml"}},
	}}}
	tpl.ResourceCountIs("AWS::IAM::Role", 3)
	tpl.AllResourcesProperties("AWS::IAM::Role", map[string]any{"AssumeRolePolicyDocument": trust})
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"RoleName": "data-viewers", "MaxSessionDuration": 28800,
		"ManagedPolicyArns": []any{managedPolicy("job-function/ViewOnlyAccess")},
	})
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"RoleName":            "web-editors",
		"PermissionsBoundary": "arn:aws:iam::123456789012:policy/boundaries/Editors",
		"Policies": []any{map[string]any{"PolicyName": "content-editor", "PolicyDocument": map[string]any{
			"Statement": assertions.Match_ArrayWith(&[]any{assertions.Match_ObjectLike(&map[string]any{
				"Sid":       "EditObjectsInTaggedBuckets",
				"Condition": map[string]any{"StringEquals": map[string]any{"aws:ResourceTag/landingzone:content": "editable", "aws:ResourceAccount": "${aws:PrincipalAccount}"}},
			})}),
		}}},
	})
	if f.Role("web-editors") == nil || f.Role("nobody") != nil {
		t.Error("Role does not find the roles by name")
	}
	if got := identity.SamlProviderArn("123456789012", identity.DefaultSamlProviderName); got != "arn:aws:iam::123456789012:saml-provider/landingzone-idp" {
		t.Errorf("SamlProviderArn = %s", got)
	}
	lztest.Golden(t, tpl)
}

func TestSamlFederationPropsErrors(t *testing.T) {
	role := identity.SamlRole{Name: "viewers", Persona: identity.PersonaViewOnly}
	spMetadata := strings.Replace(strings.ReplaceAll(metadata, "IDPSSODescriptor", "SPSSODescriptor"), `WantAuthnRequestsSigned="false" `, "", 1)
	for _, tc := range []struct {
		name  string
		props identity.SamlFederationProps
		want  []string
	}{
		{"metadata missing", identity.SamlFederationProps{}, []string{`SamlFederationProps.MetadataDocument: 0 characters; IAM takes a SAML metadata document of 1000 to 10000000`}},
		{"metadata not well-formed", identity.SamlFederationProps{MetadataDocument: strings.Replace(metadata, "</md:IDPSSODescriptor>", "", 1)},
			[]string{`SamlFederationProps.MetadataDocument: not well-formed XML: XML syntax error on line 15: element <IDPSSODescriptor> closed by </EntityDescriptor>`}},
		{"metadata not XML", identity.SamlFederationProps{MetadataDocument: strings.Repeat("metadata ", 120)},
			[]string{`SamlFederationProps.MetadataDocument: not well-formed XML: no root element`}},
		{"metadata short", identity.SamlFederationProps{MetadataDocument: `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><md:IDPSSODescriptor/></md:EntityDescriptor>`},
			[]string{`SamlFederationProps.MetadataDocument: 113 characters; IAM takes a SAML metadata document of 1000 to 10000000`}},
		{"metadata of another namespace", identity.SamlFederationProps{MetadataDocument: strings.ReplaceAll(metadata, "urn:oasis:names:tc:SAML:2.0:metadata", "urn:example:metadata")},
			[]string{`SamlFederationProps.MetadataDocument: the root element is {urn:example:metadata}EntityDescriptor; SAML metadata has an EntityDescriptor in namespace urn:oasis:names:tc:SAML:2.0:metadata`}},
		{"service provider metadata", identity.SamlFederationProps{MetadataDocument: spMetadata},
			[]string{`SamlFederationProps.MetadataDocument: the EntityDescriptor has no IDPSSODescriptor`}},
		{"malformed provider name", identity.SamlFederationProps{ProviderName: "corp idp", MetadataDocument: metadata},
			[]string{`SamlFederationProps.ProviderName "corp idp": not a SAML provider name`}},
		{"role without persona", identity.SamlFederationProps{MetadataDocument: metadata, Roles: []identity.SamlRole{{Name: "viewers"}}},
			[]string{`SamlFederationProps.Roles[0].Persona "": required`}},
		{"duplicate role", identity.SamlFederationProps{MetadataDocument: metadata, Roles: []identity.SamlRole{role, role}},
			[]string{`SamlFederationProps.Roles[1].Name "viewers": duplicate of SamlFederationProps.Roles[0].Name`}},
		{"role session above 12 hours", identity.SamlFederationProps{MetadataDocument: metadata, Roles: []identity.SamlRole{{Name: "v", Persona: identity.PersonaViewOnly, MaxSessionDuration: "PT13H"}}},
			[]string{`SamlFederationProps.Roles[0].MaxSessionDuration "PT13H": out of range`}},
		{"every problem at once", identity.SamlFederationProps{ProviderName: "a b", MetadataDocument: "<EntityDescriptor>", Roles: []identity.SamlRole{{Name: "", Persona: "x"}}},
			[]string{`ProviderName "a b"`, `MetadataDocument: 18 characters`, `MetadataDocument: not well-formed XML: XML syntax error on line 1: unexpected EOF`, `Roles[0].Name ""`, `Roles[0].Persona "x"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, "identity: SamlFederationProps.", "Federation", tc.want, tc.props.Validate, func(s awscdk.Stack, id string) error {
				_, err := identity.NewSamlFederation(s, id, tc.props)
				return err
			})
		})
	}
}
