package organization_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

const workloadsOU = "ou-a1b2-c3d4e5f6"

// onRoot is valid shared props for a guardrail attached to the root.
func onRoot() organization.GuardrailProps {
	return organization.GuardrailProps{Targets: []organization.Target{{ID: rootID}}}
}

// guardrailCase builds one guardrail, with the ID "Guardrail", in a stack that setup
// may fill first.
type guardrailCase struct {
	name   string
	setup  func(s awscdk.Stack)
	build  func(s awscdk.Stack) (*organization.Guardrail, error)
	prefix string
	want   []string
}

func denyLeave(p organization.GuardrailProps) func(s awscdk.Stack) (*organization.Guardrail, error) {
	return func(s awscdk.Stack) (*organization.Guardrail, error) {
		return organization.NewDenyLeaveOrganization(s, "Guardrail", organization.DenyLeaveOrganizationProps{GuardrailProps: p})
	}
}

func regionDeny(p organization.RegionDenyProps) func(s awscdk.Stack) (*organization.Guardrail, error) {
	return func(s awscdk.Stack) (*organization.Guardrail, error) {
		return organization.NewRegionDeny(s, "Guardrail", p)
	}
}

func protectLandingZone(p organization.ProtectLandingZoneProps) func(s awscdk.Stack) (*organization.Guardrail, error) {
	return func(s awscdk.Stack) (*organization.Guardrail, error) {
		return organization.NewProtectLandingZone(s, "Guardrail", p)
	}
}

func TestGuardrailPropsErrors(t *testing.T) {
	const (
		denyLeavePrefix = "organization: DenyLeaveOrganizationProps."
		regionPrefix    = "organization: RegionDenyProps"
		protectPrefix   = "organization: ProtectLandingZoneProps"
	)
	manyRoles, manyActions := make([]string, 100), make([]string, 250)
	for i := range manyRoles {
		manyRoles[i] = fmt.Sprintf("landingzone-service-role-%03d", i)
	}
	for i := range manyActions {
		manyActions[i] = fmt.Sprintf("service%03d:Action", i)
	}
	withRoles := func(admin string, exempt ...string) organization.GuardrailProps {
		p := onRoot()
		p.AdminRoleName, p.ExemptRoleNames = admin, exempt
		return p
	}
	for _, tc := range []guardrailCase{
		{name: "no targets", build: denyLeave(organization.GuardrailProps{}), prefix: denyLeavePrefix,
			want: []string{"DenyLeaveOrganizationProps.Targets: required"}},
		{name: "target of an unknown OU", build: denyLeave(organization.GuardrailProps{Targets: []organization.Target{{Name: "Workload"}}}), prefix: denyLeavePrefix,
			want: []string{`DenyLeaveOrganizationProps.Targets[0] "Workload": no target ID`}},
		{name: "malformed target IDs", build: denyLeave(organization.GuardrailProps{Targets: []organization.Target{{ID: "r-A1"}, {ID: "ou-abc"}, {ID: "12345"}}}), prefix: denyLeavePrefix,
			want: []string{`Targets[0] "r-A1": not a root`, `Targets[1] "ou-abc": not a root`, `Targets[2] "12345": not a root`}},
		{name: "duplicate targets", build: denyLeave(organization.GuardrailProps{Targets: []organization.Target{{ID: rootID}, {ID: rootID, Name: "root"}}}), prefix: denyLeavePrefix,
			want: []string{`DenyLeaveOrganizationProps.Targets[1].ID "r-a1b2": duplicate of DenyLeaveOrganizationProps.Targets[0].ID`}},
		{name: "malformed admin role", build: denyLeave(withRoles("Landing Zone Admin")), prefix: denyLeavePrefix,
			want: []string{`DenyLeaveOrganizationProps.AdminRoleName "Landing Zone Admin": not an IAM role name`}},
		{name: "admin role with an empty path segment", build: denyLeave(withRoles("admins//LandingZoneAdmin")), prefix: denyLeavePrefix,
			want: []string{`DenyLeaveOrganizationProps.AdminRoleName "admins//LandingZoneAdmin": not an IAM role name`}},
		{name: "exemption of every role", build: denyLeave(withRoles("", "deploy", "*", "*/*")), prefix: denyLeavePrefix,
			want: []string{
				`DenyLeaveOrganizationProps.ExemptRoleNames[1] "*": matches every role, which would exempt everyone`,
				`DenyLeaveOrganizationProps.ExemptRoleNames[2] "*/*": matches every role, which would exempt everyone`,
			}},
		{name: "duplicate exemptions", build: denyLeave(withRoles("", "deploy", "deploy", "OrganizationAccountAccessRole")), prefix: denyLeavePrefix,
			want: []string{
				`DenyLeaveOrganizationProps.ExemptRoleNames[1] "deploy": duplicate of DenyLeaveOrganizationProps.ExemptRoleNames[0]`,
				"DenyLeaveOrganizationProps.ExemptRoleNames[2] \"OrganizationAccountAccessRole\": exempt already as `AdminRoleName`",
			}},
		{name: "policy name not ASCII", build: denyLeave(organization.GuardrailProps{Targets: onRoot().Targets, PolicyName: "garde-fou-à-la-racine"}), prefix: denyLeavePrefix,
			want: []string{`DenyLeaveOrganizationProps.PolicyName "garde-fou-à-la-racine": not a name of 1-128 printable ASCII characters`}},
		{name: "no allowed regions", build: regionDeny(organization.RegionDenyProps{GuardrailProps: onRoot()}), prefix: regionPrefix,
			want: []string{"RegionDenyProps.AllowedRegions: required"}},
		{name: "malformed and duplicate regions", build: regionDeny(organization.RegionDenyProps{GuardrailProps: onRoot(), AllowedRegions: []string{"eu-west-1", "EU-WEST-1", "eu-west-1"}}), prefix: regionPrefix,
			want: []string{`RegionDenyProps.AllowedRegions[1] "EU-WEST-1": not an AWS region name`, `RegionDenyProps.AllowedRegions[2] "eu-west-1": duplicate of RegionDenyProps.AllowedRegions[0]`}},
		{name: "malformed exempt actions", build: regionDeny(organization.RegionDenyProps{GuardrailProps: onRoot(), AllowedRegions: []string{"eu-west-1"}, ExemptActions: []string{"*", "bedrock", "iam:*"}}), prefix: regionPrefix,
			want: []string{`RegionDenyProps.ExemptActions[0] "*": not an IAM action`, `RegionDenyProps.ExemptActions[1] "bedrock": not an IAM action`, `RegionDenyProps.ExemptActions[2] "iam:*": already in GlobalServiceActions`}},
		{name: "malformed log archive resources", build: protectLandingZone(organization.ProtectLandingZoneProps{
			GuardrailProps: onRoot(),
			Buckets:        []string{"Logs", "lz-logs"},
			KeyAliases:     []string{"landingzone-logs", "alias/aws/s3"},
			KeyARNs:        []string{"arn:aws:kms:eu-west-1:111111111111:alias/logs"},
			RoleNames:      []string{"*", "ok-role", "ok-role"},
		}), prefix: protectPrefix, want: []string{
			`ProtectLandingZoneProps.Buckets[0] "Logs": not an S3 bucket name`,
			`ProtectLandingZoneProps.KeyAliases[0] "landingzone-logs": not a KMS alias`,
			`ProtectLandingZoneProps.KeyAliases[1] "alias/aws/s3": names an AWS managed key`,
			`ProtectLandingZoneProps.KeyARNs[0] "arn:aws:kms:eu-west-1:111111111111:alias/logs": not a KMS key ARN`,
			`ProtectLandingZoneProps.RoleNames[0] "*": matches every role`,
			`ProtectLandingZoneProps.RoleNames[2] "ok-role": duplicate of ProtectLandingZoneProps.RoleNames[1]`,
		}},
		{name: "policy over the size limit", build: protectLandingZone(organization.ProtectLandingZoneProps{GuardrailProps: onRoot(), RoleNames: manyRoles}), prefix: protectPrefix,
			want: []string{`ProtectLandingZoneProps: policy "landingzone-protect-landing-zone" is 5660 characters, over the SCP limit of 5120`}},
		{name: "more than five policies on one target",
			setup: func(s awscdk.Stack) {
				// Another stack of the app attaches three; the fourth fits beside FullAWSAccess.
				other := awscdk.NewStack(awscdk.Stage_Of(s), jsii.String("Other"), nil)
				for i, id := range []string{"A", "B", "C"} {
					mustGuardrail(t)(organization.NewDenyRootUser(other, id, organization.DenyRootUserProps{GuardrailProps: organization.GuardrailProps{
						Targets: []organization.Target{{ID: workloadsOU}}, PolicyName: fmt.Sprintf("policy-%d", i+1)}}))
				}
				mustGuardrail(t)(organization.NewRequireIMDSv2(s, "D", organization.RequireIMDSv2Props{GuardrailProps: organization.GuardrailProps{
					Targets: []organization.Target{{ID: workloadsOU}}}}))
			},
			build:  denyLeave(organization.GuardrailProps{Targets: []organization.Target{{ID: rootID}, {ID: workloadsOU, Name: "Workloads"}}}),
			prefix: denyLeavePrefix,
			want: []string{`DenyLeaveOrganizationProps.Targets[1] "Workloads": would be service control policy 6 on this target, over the limit of 5: ` +
				`FullAWSAccess (or the allow-list that replaces it) and "landingzone-require-imdsv2", "policy-1", "policy-2", "policy-3" are attached already`}},
		{name: "duplicate policy name",
			setup: func(s awscdk.Stack) {
				mustGuardrail(t)(organization.NewDenyLeaveOrganization(s, "First", organization.DenyLeaveOrganizationProps{GuardrailProps: onRoot()}))
			},
			build:  denyLeave(organization.GuardrailProps{Targets: []organization.Target{{ID: workloadsOU}}}),
			prefix: denyLeavePrefix,
			want:   []string{"DenyLeaveOrganizationProps.PolicyName \"landingzone-deny-leave-organization\": the policy Test/First/Resource has this name already; set a `PolicyName` unique in the organization"}},
		{name: "every problem at once", build: regionDeny(organization.RegionDenyProps{
			GuardrailProps: organization.GuardrailProps{Targets: []organization.Target{{ID: "root"}}, AdminRoleName: "a b", ExemptRoleNames: []string{"**"}},
			AllowedRegions: []string{"mars-1"},
			ExemptActions:  append([]string{"not-an-action"}, manyActions...),
		}), prefix: regionPrefix, want: []string{
			`RegionDenyProps.Targets[0] "root"`, `RegionDenyProps.AdminRoleName "a b"`, `RegionDenyProps.ExemptRoleNames[0] "**"`,
			`RegionDenyProps.AllowedRegions[0] "mars-1"`, `RegionDenyProps.ExemptActions[0] "not-an-action"`,
			`RegionDenyProps: policy "landingzone-region-deny" is 6004 characters, over the SCP limit of 5120`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() {
				if tc.setup != nil {
					tc.setup(stack)
				}
				_, err = tc.build(stack)
			})
			lztest.ExpectInvalid(t, err, tc.prefix, tc.want...)
			lztest.ExpectNoChild(t, stack, "Guardrail")
		})
	}
}

// Validate reports what needs no app, as the constructor does.
func TestGuardrailPropsValidate(t *testing.T) {
	for name, p := range map[string]interface{ Validate() error }{
		"DenyLeaveOrganizationProps":      organization.DenyLeaveOrganizationProps{},
		"DenyRootUserProps":               organization.DenyRootUserProps{},
		"ProtectSecurityServicesProps":    organization.ProtectSecurityServicesProps{},
		"ProtectLandingZoneProps":         organization.ProtectLandingZoneProps{},
		"RegionDenyProps":                 organization.RegionDenyProps{},
		"RequireIMDSv2Props":              organization.RequireIMDSv2Props{},
		"ProtectS3PublicAccessBlockProps": organization.ProtectS3PublicAccessBlockProps{},
	} {
		lztest.ExpectInvalid(t, p.Validate(), "organization: "+name+".", name+".Targets: required")
	}
	valid := organization.RegionDenyProps{GuardrailProps: onRoot(), AllowedRegions: []string{"eu-west-1"}}
	valid.AdminRoleName = organization.IdentityCenterRoleName("LandingZoneAdmin")
	valid.ExemptRoleNames = []string{"admins/LandingZoneAdmin", "cdk-lzadmin-cfn-exec-role-*"}
	if err := valid.Validate(); err != nil {
		t.Errorf("valid props: %v", err)
	}
	if !strings.Contains(fmt.Sprint(organization.ErrInvalidProps), "invalid props") {
		t.Errorf("ErrInvalidProps = %v", organization.ErrInvalidProps)
	}
}

func mustGuardrail(t *testing.T) func(*organization.Guardrail, error) {
	return func(_ *organization.Guardrail, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
}
