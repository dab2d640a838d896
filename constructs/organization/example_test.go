package organization_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/organization"
)

// An OU tree with workloads split by environment, and accounts named by convention
// except the log archive, whose name is chosen by hand.
func ExampleNewStructure() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Organization"), nil)

	org, err := organization.NewStructure(stack, "Organization", organization.StructureProps{
		RootID: "r-a1b2",
		OrganizationalUnits: []organization.OrganizationalUnitProps{
			{Name: "Security"},
			{Name: "Workloads"},
			{Name: "Prod", Parent: "Workloads"},
		},
		Accounts: []organization.AccountProps{
			{Env: "prod", Team: "payments", System: "ledger", OU: "Prod"},
			{Name: "log-archive", OU: "Security"},
		},
		Naming: organization.AccountNaming{EmailDomain: "example.com"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range org.Members {
		fmt.Println(a.Name, a.Email, a.OU)
	}
	// Output:
	// log-archive aws+log-archive@example.com Security
	// prod-payments-ledger aws+prod-payments-ledger@example.com Prod
}

// Every problem comes back at once, each naming the field and its value, and nothing is
// added to the stack.
func ExampleNewStructure_errors() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Organization"), nil)

	_, err := organization.NewStructure(stack, "Organization", organization.StructureProps{
		RootID: "r-a1b2",
		OrganizationalUnits: []organization.OrganizationalUnitProps{
			{Name: "Prod", Parent: "Workloads"},
			{Name: "Workloads", Parent: "Prod"},
		},
		Accounts: []organization.AccountProps{
			{Name: "audit", Email: "security@example.com"},
			{Name: "log-archive", Email: "Security@example.com"},
		},
	})
	fmt.Println(err)
	fmt.Println("children:", len(*stack.Node().Children()))
	// Output:
	// organization: StructureProps.OrganizationalUnits[0].Parent "Workloads": a cycle of parents, Prod -> Workloads -> Prod; following parents must lead to the root
	// organization: StructureProps.OrganizationalUnits[1].Parent "Prod": a cycle of parents, Prod -> Workloads -> Prod; following parents must lead to the root
	// organization: StructureProps.Accounts[1].Email "security@example.com": duplicate of StructureProps.Accounts[0].Email
	// children: 0
}

// A region deny on the workloads OU, exempting the administrators' Identity Center
// permission set and the roles that StackSets deploys baselines with.
func ExampleNewRegionDeny() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Organization"), nil)
	org, err := organization.NewStructure(stack, "Organization", organization.StructureProps{
		RootID:              "r-a1b2",
		OrganizationalUnits: []organization.OrganizationalUnitProps{{Name: "Workloads"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	deny, err := organization.NewRegionDeny(stack, "RegionDeny", organization.RegionDenyProps{
		GuardrailProps: organization.GuardrailProps{
			Targets:         []organization.Target{org.Target("Workloads")},
			AdminRoleName:   organization.IdentityCenterRoleName("LandingZoneAdmin"),
			ExemptRoleNames: []string{"stacksets-exec-*"},
		},
		AllowedRegions: []string{"eu-west-1", "eu-central-1"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	s := deny.Document.Statement[0]
	fmt.Println(deny.Name, deny.Size(), "of", organization.MaxPolicyCharacters, "characters")
	fmt.Println("denied outside", s.Condition["StringNotEquals"]["aws:RequestedRegion"])
	fmt.Println("except for", len(s.NotAction), "global actions, and for:")
	for _, role := range s.Condition["ArnNotLike"]["aws:PrincipalArn"] {
		fmt.Println(role)
	}
	// Output:
	// landingzone-region-deny 1084 of 5120 characters
	// denied outside [eu-west-1 eu-central-1]
	// except for 42 global actions, and for:
	// arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_LandingZoneAdmin_*
	// arn:aws:iam::*:role/stacksets-exec-*
}

// The log archive's bucket and key, by their deterministic names, and the landing
// zone's roles, protected in every account of the organization.
func ExampleNewProtectLandingZone() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Organization"), nil)

	protect, err := organization.NewProtectLandingZone(stack, "ProtectLandingZone", organization.ProtectLandingZoneProps{
		GuardrailProps: organization.GuardrailProps{Targets: []organization.Target{{ID: "r-a1b2", Name: "root"}}},
		Buckets:        []string{"lz-logs-111111111111-eu-west-1"},
		KeyAliases:     []string{"alias/landingzone-logs"},
		RoleNames:      []string{"landingzone-*"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range protect.Document.Statement {
		fmt.Println(s.Sid, s.Resource)
	}
	// Output:
	// ProtectLogArchiveBuckets [arn:aws:s3:::lz-logs-111111111111-eu-west-1 arn:aws:s3:::lz-logs-111111111111-eu-west-1/*]
	// ProtectLogArchiveKeys [*]
	// ProtectLogArchiveKeyAliases [arn:aws:kms:*:*:alias/landingzone-logs]
	// ProtectLandingZoneRoles [arn:aws:iam::*:role/OrganizationAccountAccessRole arn:aws:iam::*:role/landingzone-*]
}
