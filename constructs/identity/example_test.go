package identity_test

import (
	"fmt"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/identity"
)

// The permission sets of a landing zone: one per persona, in the stack of the
// management account that administers Identity Center.
func ExampleNewPermissionSet() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Identity"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-west-1")},
	})
	for _, persona := range []identity.Persona{identity.PersonaAdministrator, identity.PersonaDeveloper, identity.PersonaSecurityAuditor} {
		ps, err := identity.NewPermissionSet(stack, persona.DefaultName(), identity.PermissionSetProps{
			InstanceArn:     "arn:aws:sso:::instance/ssoins-0123456789abcdef",
			Persona:         persona,
			SessionDuration: map[bool]string{true: "PT8H"}[persona == identity.PersonaDeveloper],
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(ps.Name, ps.SessionDuration, persona.ManagedPolicies())
	}
	// Output:
	// Administrator 1h0m0s [AdministratorAccess]
	// Developer 8h0m0s [PowerUserAccess]
	// SecurityAuditor 1h0m0s [SecurityAudit job-function/ViewOnlyAccess]
}

// Every problem in the props comes back at once, and nothing is added to the stack.
func ExampleNewPermissionSet_errors() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Identity"), nil)
	_, err := identity.NewPermissionSet(stack, "Admin", identity.PermissionSetProps{
		InstanceArn:     "ssoins-0123456789abcdef",
		Persona:         identity.PersonaAdministrator,
		SessionDuration: "PT24H",
	})
	fmt.Println(err)
	fmt.Println("children:", len(*stack.Node().Children()))
	// Output:
	// identity: PermissionSetProps.InstanceArn "ssoins-0123456789abcdef": not an IAM Identity Center instance ARN such as "arn:aws:sso:::instance/ssoins-0123456789abcdef"
	// identity: PermissionSetProps.SessionDuration "PT24H": out of range; allowed PT1H to PT12H
	// children: 0
}

// Break-glass access for an incident: the permission set stops allowing anything at
// the expiry, and a grant whose expiry has passed no longer validates.
func ExampleNewTimeBoxedPermissionSet() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Identity"), nil)
	now := func() time.Time { return time.Date(2030, time.March, 1, 9, 0, 0, 0, time.UTC) }
	props := identity.TimeBoxedPermissionSetProps{
		InstanceArn: "arn:aws:sso:::instance/ssoins-0123456789abcdef",
		Name:        "BreakGlass-INC1234",
		Grant: identity.Grant{
			Actions:   []string{"ec2:RebootInstances", "rds:RebootDBInstance"},
			ExpiresAt: time.Date(2030, time.March, 1, 17, 0, 0, 0, time.UTC),
		},
		Now: now,
	}
	ps, err := identity.NewTimeBoxedPermissionSet(stack, "BreakGlass", props)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ps.Name, "until", ps.ExpiresAt.Format(time.RFC3339))

	props.Now = func() time.Time { return time.Date(2030, time.March, 2, 9, 0, 0, 0, time.UTC) }
	fmt.Println(props.Validate())
	// Output:
	// BreakGlass-INC1234 until 2030-03-01T17:00:00Z
	// identity: TimeBoxedPermissionSetProps.Grant.ExpiresAt "2030-03-01T17:00:00Z": in the past (now is 2030-03-02T09:00:00Z); remove the expired grant
}

// Assignments of groups to accounts and OUs, spread over stacks of at most 400
// resources; Plan shows where each account's assignments go without an app.
func ExampleNewAssignmentStacks() {
	app := awscdk.NewApp(nil)
	env := &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-west-1")}
	permissionSets := awscdk.NewStack(app, jsii.String("Identity"), &awscdk.StackProps{Env: env})
	admin, err := identity.NewPermissionSet(permissionSets, "Administrator", identity.PermissionSetProps{
		InstanceArn: "arn:aws:sso:::instance/ssoins-0123456789abcdef", Persona: identity.PersonaAdministrator,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	stacks, err := identity.NewAssignmentStacks(app, "IdentityAssignments", identity.AssignmentStacksProps{
		Account:        "111111111111",
		Region:         "eu-west-1",
		InstanceArn:    "arn:aws:sso:::instance/ssoins-0123456789abcdef",
		PermissionSets: []identity.PermissionSetRef{admin},
		OrganizationalUnits: map[string][]string{
			"Workloads": {"222222222222", "333333333333", "444444444444"},
		},
		Assignments: []identity.Assignment{{
			GroupID:             "a1b2c3d4e5-0123abcd-4567-89ab-cdef-0123456789ab",
			PermissionSet:       "Administrator",
			Accounts:            []string{"111111111111"},
			OrganizationalUnits: []string{"Workloads"},
		}},
		StackCount: 2,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, stack := range stacks.Stacks {
		fmt.Println(*stack.StackName(), stacks.Shards[i].Accounts)
	}
	// Output:
	// IdentityAssignments01 [333333333333]
	// IdentityAssignments02 [111111111111 222222222222 444444444444]
}

// The audit role a third party assumes with its external ID; the auditor configures
// the role's ARN in every account.
func ExampleNewAuditRole() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Baseline"), nil)
	_, err := identity.NewAuditRole(stack, "ThirdPartyAudit", identity.AuditRoleProps{
		TrustedAccount: "999999999999",
		ExternalID:     "acme-7f3c9e2a",
	})
	fmt.Println(err)
	fmt.Println(identity.AuditRoleArn("222222222222"))
	// Output:
	// <nil>
	// arn:aws:iam::222222222222:role/landingzone-third-party-audit
}
