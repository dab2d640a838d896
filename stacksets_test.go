package landingzone_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/cfnlimits"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// stackSetConfig is validConfig in deployment mode stacksets, with the OU's ID known.
func stackSetConfig() landingzone.Config {
	cfg := validConfig()
	cfg.Deployment = landingzone.Deployment{Mode: landingzone.DeployStackSets, StackSets: landingzone.StackSets{MaxConcurrentPercentage: 50}}
	cfg.OrganizationalUnits[0].ID = "ou-ab12-cd34ef56"
	return cfg
}

func TestStackSetsRollOutTheGovernance(t *testing.T) {
	lz, asm := synthLandingZone(t, stackSetConfig())
	ids := strings.Join(asm.StackIDs(), " ")
	// The workload keeps a stack for its VPC only; the core accounts keep Baselines.
	for _, want := range []string{"BaselineStackSets-eu-west-1", "Vpc-app-prod-eu-west-1", "Baseline-audit-eu-west-1"} {
		if !strings.Contains(ids, want) {
			t.Errorf("stacks %s lack %s", ids, want)
		}
	}
	if strings.Contains(ids, "Baseline-app-prod") {
		t.Errorf("the workload still has a Baseline stack: %s", ids)
	}

	tpl := asm.Stack(t, "BaselineStackSets-eu-west-1")
	tpl.HasResourceProperties("AWS::CloudFormation::StackSet", map[string]any{
		"StackSetName":    "lz-governance-eu-west-1",
		"PermissionModel": "SERVICE_MANAGED",
		"CallAs":          "SELF",
		"AutoDeployment":  map[string]any{"Enabled": true, "RetainStacksOnAccountRemoval": true},
		// Queued operations run one after the other instead of failing.
		"ManagedExecution": map[string]any{"Active": true},
		"OperationPreferences": map[string]any{
			"FailureTolerancePercentage": 10, "MaxConcurrentPercentage": 50, "RegionConcurrencyType": "PARALLEL",
		},
		"StackInstancesGroup": []any{map[string]any{
			"DeploymentTargets": map[string]any{"OrganizationalUnitIds": []any{"ou-ab12-cd34ef56"}},
			"Regions":           []any{"eu-west-1"},
		}},
	})
	// The template deployed is inline, and the StackSet-safe governance baseline.
	body := lz.StackSets.Templates["eu-west-1"]
	if len(body) > cfnlimits.MaxInlineTemplateBytes {
		t.Fatalf("template of %d bytes, over the inline limit", len(body))
	}
	var governance map[string]any
	if err := json.Unmarshal(body, &governance); err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for _, r := range governance["Resources"].(map[string]any) {
		types[r.(map[string]any)["Type"].(string)]++
	}
	for _, want := range []string{"AWS::Config::ConfigurationRecorder", "AWS::Config::DeliveryChannel", "AWS::Logs::AccountPolicy"} {
		if types[want] != 1 {
			t.Errorf("governance template has %d %s, want 1: %v", types[want], want, types)
		}
	}
	for typ := range types {
		if strings.HasPrefix(typ, "Custom::") || typ == "AWS::Lambda::Function" || typ == "AWS::EC2::VPC" {
			t.Errorf("governance template holds %s", typ)
		}
	}
	if _, ok := governance["Rules"]; ok {
		t.Error("the governance template checks the CDK bootstrap version")
	}
	// The VPC stack waits for the StackSet, whose recorder its Config rule needs.
	vpc := asm.Stack(t, "Vpc-app-prod-eu-west-1")
	vpc.ResourceCountIs("AWS::EC2::VPC", 1)
	vpc.ResourceCountIs("AWS::Config::ConfigurationRecorder", 0)
	lztest.AssertStackSetSafe(t, "vpc", vpc)
	lztest.GoldenNamed(t, "StackSets", tpl)
}

// Until the workload OUs' IDs are recorded, the StackSets wait for them: the
// configuration is valid, the plan names what to record, and New builds everything else.
func TestStackSetsWaitForOUIDs(t *testing.T) {
	cfg := stackSetConfig()
	cfg.OrganizationalUnits[0].ID = ""
	bad := cfg
	bad.Deployment.StackSets.FailureTolerancePercentage = 101
	lztest.ExpectInvalid(t, bad.Validate(), "landingzone: ", "deployment.stackSets.failureTolerancePercentage 101: out of range")
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	pending := cfg.Pending()
	if len(pending) != 1 || pending[0].Field != "organizationalUnits[0].id" || pending[0].Stack != "Organization-eu-west-1" || pending[0].Output != "OU1Workloads" {
		t.Fatalf("pending %+v, want the OU's ID from the Organization stack's output OU1Workloads", pending)
	}
	for _, s := range cfg.Stacks() {
		if strings.HasPrefix(s.Name, "BaselineStackSets-") {
			t.Errorf("planned %s before the OU's ID is recorded", s.Name)
		}
	}
}

// samlMetadata is an identity provider's metadata with as many signing certificates
// as certificates, which rotating IdPs publish side by side.
func samlMetadata(certificates int) string {
	var keys strings.Builder
	for range certificates {
		keys.WriteString(`<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>` +
			strings.Repeat("MIIDdzCCAl+gAwIBAgIEbGVhZjANBgkqhkiG9w0BAQsFADBsMRAwDgYDVQQGEwdV", 16) +
			`</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`)
	}
	return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.com/saml">
<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` + keys.String() + `
<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/saml/sso"/>
</md:IDPSSODescriptor>
</md:EntityDescriptor>`
}

// A governance template over the 51,200 bytes a StackSet takes inline is published as
// an asset and read from its URL.
func TestStackSetsPublishLargeTemplatesByURL(t *testing.T) {
	cfg := stackSetConfig()
	cfg.Identity = &landingzone.Identity{
		InstanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef",
		Saml: &landingzone.Saml{
			MetadataDocument: samlMetadata(60),
			Roles:            []landingzone.SamlRole{{Name: "FederatedReadOnly", Persona: "read-only"}},
		},
	}
	lz, asm := synthLandingZone(t, cfg)
	if n := len(lz.StackSets.Templates["eu-west-1"]); n <= cfnlimits.MaxInlineTemplateBytes {
		t.Fatalf("template of %d bytes; the test needs one over the inline limit", n)
	}
	tpl := asm.Stack(t, "BaselineStackSets-eu-west-1")
	tpl.HasResourceProperties("AWS::CloudFormation::StackSet", map[string]any{
		"TemplateBody": assertions.Match_Absent(),
		"TemplateURL":  map[string]any{"Fn::Sub": assertions.Match_StringLikeRegexp(jsii.String(`/cdk-[a-z0-9]+-assets-111111111111-eu-west-1/[0-9a-f]{64}\.json$`))},
	})
}
