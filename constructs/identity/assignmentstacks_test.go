package identity_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/identity"
	"github.com/go-landingzone/landingzone/internal/cfnlimits"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// permissionSetStack adds the stack that holds the permission sets, in the test
// environment, and returns them.
func permissionSetStack(t *testing.T, app awscdk.App, personas ...identity.Persona) []identity.PermissionSetRef {
	t.Helper()
	stack := awscdk.NewStack(app, jsii.String("Identity"), &awscdk.StackProps{Env: lztest.Env()})
	var refs []identity.PermissionSetRef
	for _, p := range personas {
		ps, err := identity.NewPermissionSet(stack, p.DefaultName(), identity.PermissionSetProps{InstanceArn: instance, Persona: p})
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, ps)
	}
	return refs
}

// Assignments to accounts and OUs, with permission sets from this app and from
// elsewhere, expanded into one resource each.
func TestAssignmentStacks(t *testing.T) {
	var stacks *identity.AssignmentStacks
	asm := lztest.Synth(t, func(app awscdk.App) {
		refs := permissionSetStack(t, app, identity.PersonaAdministrator, identity.PersonaDeveloper)
		breakGlass, err := identity.NewTimeBoxedPermissionSet(awscdk.Stack_Of(refs[0]), "BreakGlass", identity.TimeBoxedPermissionSetProps{
			InstanceArn: instance, Name: "BreakGlass", Now: clock,
			Grant: identity.Grant{Actions: []string{"ec2:RebootInstances"}, ExpiresAt: now.Add(time.Hour)},
		})
		if err != nil {
			t.Fatal(err)
		}
		stacks, err = identity.NewAssignmentStacks(app, "IdentityAssignments", identity.AssignmentStacksProps{
			Account: lztest.Account, Region: lztest.Region, InstanceArn: instance,
			PermissionSets:         append(refs, breakGlass),
			ExternalPermissionSets: map[string]string{"Billing": externalPS},
			OrganizationalUnits: map[string][]string{
				"Workloads/Prod": {"111111111111", "222222222222"},
				"Workloads/Dev":  {"333333333333"},
			},
			Assignments: []identity.Assignment{
				{GroupID: admins, PermissionSet: "Administrator", Accounts: []string{"111111111111"}, OrganizationalUnits: []string{"Workloads/Prod", "Workloads/Dev"}},
				{GroupID: developers, PermissionSet: "Developer", OrganizationalUnits: []string{"Workloads/Dev"}},
				{GroupID: auditors, PermissionSet: "Billing", Accounts: []string{"123456789012"}},
				{GroupID: admins, PermissionSet: "BreakGlass", Accounts: []string{"222222222222"}},
			},
			MaxAssignmentsPerStack: 4,
			StackCount:             3,
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	if len(stacks.Stacks) != 3 {
		t.Fatalf("%d stacks, want 3", len(stacks.Stacks))
	}
	total := 0
	for i, shard := range stacks.Shards {
		id := fmt.Sprintf("IdentityAssignments%02d", i+1)
		tpl := asm.Stack(t, id)
		n := len(shard.Assignments)
		total += n
		tpl.ResourceCountIs("AWS::SSO::Assignment", n)
		if n == 0 {
			tpl.ResourceCountIs("AWS::CloudFormation::WaitConditionHandle", 1)
		} else {
			tpl.AllResourcesProperties("AWS::SSO::Assignment", map[string]any{"InstanceArn": instance, "PrincipalType": "GROUP", "TargetType": "AWS_ACCOUNT"})
		}
		for _, account := range shard.Accounts {
			if got := *stacks.StackOf(account).StackName(); got != id {
				t.Errorf("StackOf(%s) = %s, want %s", account, got, id)
			}
		}
		lztest.GoldenNamed(t, t.Name()+"-"+id, tpl)
	}
	// 111111111111 is named directly and through its OU: it gets the permission set once.
	if total != 6 {
		t.Errorf("%d assignments, want 6 (3 administrator, 1 developer, 1 billing, 1 break glass)", total)
	}
	// Permission sets of the app arrive through SSM parameters their stack writes,
	// read as template parameters at deploy time; no export locks them.
	for id, tpl := range asm.Templates {
		if strings.Contains(string(tpl.Bytes()), "Fn::ImportValue") {
			t.Errorf("%s imports an export", id)
		}
		params, _ := tpl.JSON["Parameters"].(map[string]any)
		for logicalID, r := range tpl.Resources("AWS::SSO::Assignment") {
			a, _ := r["Properties"].(map[string]any)
			arn := a["PermissionSetArn"]
			if arn == externalPS {
				continue
			}
			// A replaced permission set changes the template, so that the stack
			// deploys and reads the parameter's new value.
			meta, _ := r["Metadata"].(map[string]any)
			if ps, _ := meta["landingzone:permissionSet"].(map[string]any); ps["Name"] == "Administrator" && ps["LogicalId"] != "AdministratorF23F67B6" {
				t.Errorf("%s/%s: metadata %v, want the permission set's logical ID AdministratorF23F67B6", id, logicalID, ps)
			} else if ps == nil {
				t.Errorf("%s/%s: no landingzone:permissionSet metadata", id, logicalID)
			}
			ref, _ := arn.(map[string]any)["Ref"].(string)
			param, _ := params[ref].(map[string]any)
			if param["Type"] != "AWS::SSM::Parameter::Value<String>" || !strings.HasPrefix(fmt.Sprint(param["Default"]), "/landingzone/identity/permission-sets/") {
				t.Errorf("%s: PermissionSetArn %v reads parameter %v, want an SSM parameter under /landingzone/identity/permission-sets/", id, arn, param)
			}
		}
	}
	identityStack := asm.Stack(t, "Identity")
	identityStack.ResourceCountIs("AWS::SSM::Parameter", 3)
	identityStack.HasResourceProperties("AWS::SSM::Parameter", map[string]any{
		"Name": "/landingzone/identity/permission-sets/Administrator", "Type": "String",
	})
	if outputs := identityStack.Stats.Outputs; outputs != 0 {
		t.Errorf("the permission set stack has %d outputs, want none (no exports)", outputs)
	}
	lztest.GoldenNamed(t, t.Name()+"-Identity", identityStack)
}

// 2,000 assignments: every stack stays below CloudFormation's 500 resources, and every
// assignment is made exactly once.
func TestAssignmentStacksAtScale(t *testing.T) {
	const accounts, groups = 200, 10
	ous := map[string][]string{}
	for i := range accounts {
		ou := fmt.Sprintf("Workloads/Team%02d", i%20)
		ous[ou] = append(ous[ou], fmt.Sprintf("%012d", 100000000000+i*7919))
	}
	personas := []identity.Persona{identity.PersonaDeveloper, identity.PersonaOperator, identity.PersonaReadOnly, identity.PersonaViewOnly, identity.PersonaSecurityAuditor}
	var assignments []identity.Assignment
	for g := range groups {
		var all []string
		for ou := range ous {
			all = append(all, ou)
		}
		assignments = append(assignments, identity.Assignment{
			GroupID:             fmt.Sprintf("a1b2c3d4e5-%08x-4567-89ab-cdef-0123456789ab", g),
			PermissionSet:       personas[g%len(personas)].DefaultName(),
			OrganizationalUnits: all,
		})
	}

	var stacks *identity.AssignmentStacks
	start := time.Now()
	asm := lztest.Synth(t, func(app awscdk.App) {
		var err error
		stacks, err = identity.NewAssignmentStacks(app, "IdentityAssignments", identity.AssignmentStacksProps{
			Account: lztest.Account, Region: lztest.Region, InstanceArn: instance,
			PermissionSets:      permissionSetStack(t, app, personas...),
			OrganizationalUnits: ous, Assignments: assignments,
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	elapsed := time.Since(start)

	seen := map[string]bool{}
	for i := range stacks.Stacks {
		id := fmt.Sprintf("IdentityAssignments%02d", i+1)
		tpl := asm.Stack(t, id)
		if tpl.Stats.Resources > identity.DefaultMaxAssignmentsPerStack || tpl.Stats.Resources >= cfnlimits.MaxResources {
			t.Errorf("%s has %d resources, over the budget of %d", id, tpl.Stats.Resources, identity.DefaultMaxAssignmentsPerStack)
		}
		for _, a := range tpl.Properties("AWS::SSO::Assignment") {
			key := fmt.Sprint(a["TargetId"], a["PrincipalId"], a["PermissionSetArn"])
			if seen[key] {
				t.Errorf("assignment %s made twice", key)
			}
			seen[key] = true
		}
		t.Logf("%s: %d resources, %d bytes", id, tpl.Stats.Resources, tpl.Stats.Bytes)
	}
	if len(seen) != accounts*groups {
		t.Errorf("%d assignments, want %d", len(seen), accounts*groups)
	}
	t.Logf("%d assignments in %d stacks, built and synthesized in %s", len(seen), len(stacks.Stacks), elapsed.Round(10*time.Millisecond))
}

func TestAssignmentStacksPropsErrors(t *testing.T) {
	ok := func() identity.AssignmentStacksProps {
		return identity.AssignmentStacksProps{
			Account: lztest.Account, Region: lztest.Region, InstanceArn: instance,
			ExternalPermissionSets: map[string]string{"Admin": externalPS},
			OrganizationalUnits:    map[string][]string{"Prod": {"111111111111"}},
			Assignments:            []identity.Assignment{{GroupID: admins, PermissionSet: "Admin", OrganizationalUnits: []string{"Prod"}}},
		}
	}
	with := func(f func(p *identity.AssignmentStacksProps)) identity.AssignmentStacksProps {
		p := ok()
		f(&p)
		return p
	}
	many := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("%012d", 200000000000+i))
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		props identity.AssignmentStacksProps
		want  []string
	}{
		{"malformed instance", with(func(p *identity.AssignmentStacksProps) {
			p.InstanceArn = "arn:aws:sso:::instance/ssoins-0123456789abcdeg/x"
		}),
			[]string{`AssignmentStacksProps.InstanceArn "arn:aws:sso:::instance/ssoins-0123456789abcdeg/x": not an IAM Identity Center instance ARN`}},
		{"malformed account and region", with(func(p *identity.AssignmentStacksProps) { p.Account, p.Region = "12345678901", "eu-west" }),
			[]string{`AssignmentStacksProps.Account "12345678901": not a 12-digit AWS account ID`, `AssignmentStacksProps.Region "eu-west"`}},
		{"malformed group ID", with(func(p *identity.AssignmentStacksProps) { p.Assignments[0].GroupID = "Admins" }),
			[]string{`AssignmentStacksProps.Assignments[0].GroupID "Admins": not an Identity Store group ID`}},
		{"group ID with a bad prefix", with(func(p *identity.AssignmentStacksProps) {
			p.Assignments[0].GroupID = "d-1234567890-0123abcd-4567-89ab-cdef-0123456789ab"
		}),
			[]string{`Assignments[0].GroupID "d-1234567890-0123abcd-4567-89ab-cdef-0123456789ab": not an Identity Store group ID`}},
		{"malformed target account", with(func(p *identity.AssignmentStacksProps) { p.Assignments[0].Accounts = []string{"1111-1111-1111"} }),
			[]string{`AssignmentStacksProps.Assignments[0].Accounts[0] "1111-1111-1111": not a 12-digit AWS account ID`}},
		{"malformed OU account", with(func(p *identity.AssignmentStacksProps) { p.OrganizationalUnits["Prod"] = []string{"11111111111x"} }),
			[]string{`AssignmentStacksProps.OrganizationalUnits["Prod"][0] "11111111111x": not a 12-digit AWS account ID`}},
		{"unknown OU", with(func(p *identity.AssignmentStacksProps) { p.Assignments[0].OrganizationalUnits = []string{"Production"} }),
			[]string{"AssignmentStacksProps.Assignments[0].OrganizationalUnits[0] \"Production\": not an OU of `OrganizationalUnits`"}},
		{"unknown permission set", with(func(p *identity.AssignmentStacksProps) { p.Assignments[0].PermissionSet = "Root" }),
			[]string{"AssignmentStacksProps.Assignments[0].PermissionSet \"Root\": not the name of one of `PermissionSets` or `ExternalPermissionSets`; have [\"Admin\"]"}},
		{"no target", with(func(p *identity.AssignmentStacksProps) { p.Assignments[0].OrganizationalUnits = nil }),
			[]string{"AssignmentStacksProps.Assignments[0].Accounts []: empty, and so is `OrganizationalUnits`"}},
		{"duplicate target", with(func(p *identity.AssignmentStacksProps) {
			p.Assignments[0].Accounts = []string{"111111111111", "111111111111"}
		}),
			[]string{`Assignments[0].Accounts[1] "111111111111": duplicate of AssignmentStacksProps.Assignments[0].Accounts[0]`}},
		{"malformed external permission set", with(func(p *identity.AssignmentStacksProps) { p.ExternalPermissionSets["Admin"] = "ps-0123456789abcdef" }),
			[]string{`AssignmentStacksProps.ExternalPermissionSets["Admin"] "ps-0123456789abcdef": not a permission set ARN`}},
		{"permission set of another instance", with(func(p *identity.AssignmentStacksProps) {
			p.ExternalPermissionSets["Admin"] = "arn:aws:sso:::permissionSet/ssoins-fedcba9876543210/ps-0123456789abcdef"
		}), []string{"ExternalPermissionSets[\"Admin\"] \"arn:aws:sso:::permissionSet/ssoins-fedcba9876543210/ps-0123456789abcdef\": belongs to another instance than `InstanceArn`"}},
		{"budget above the limit", with(func(p *identity.AssignmentStacksProps) { p.MaxAssignmentsPerStack = 500 }),
			[]string{`AssignmentStacksProps.MaxAssignmentsPerStack 500: out of range; allowed 1-490, zero means 400`}},
		{"account over the budget", with(func(p *identity.AssignmentStacksProps) {
			p.MaxAssignmentsPerStack = 1
			p.Assignments = append(p.Assignments, identity.Assignment{GroupID: developers, PermissionSet: "Admin", Accounts: []string{"111111111111"}})
		}), []string{"AssignmentStacksProps.Assignments: account 111111111111 has 2 assignments, over the 1 one stack holds; raise `MaxAssignmentsPerStack`"}},
		{"pinned stack count outgrown", with(func(p *identity.AssignmentStacksProps) {
			p.MaxAssignmentsPerStack, p.StackCount = 2, 2
			p.OrganizationalUnits["Prod"] = many(10)
		}), []string{"AssignmentStacksProps.StackCount 2: 10 assignments do not fit 2 stacks of at most 2;"}},
		{"every problem at once", identity.AssignmentStacksProps{InstanceArn: "x", StackCount: -1,
			Assignments: []identity.Assignment{{GroupID: "g", PermissionSet: "p"}}},
			[]string{`Account ""`, `Region ""`, `InstanceArn "x"`, `StackCount -1`, `Assignments[0].GroupID "g"`, `Assignments[0].PermissionSet "p"`, `Assignments[0].Accounts []`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			app := lztest.NewApp(t)
			var err error
			lztest.Do(t, func() { _, err = identity.NewAssignmentStacks(app, "IdentityAssignments", tc.props) })
			lztest.ExpectInvalid(t, err, "identity: AssignmentStacksProps.", tc.want...)
			if n := len(*app.Node().Children()); n != 0 {
				t.Errorf("the app has %d children after a failed NewAssignmentStacks, want none", n)
			}
			if verr := tc.props.Validate(); verr == nil || err == nil || verr.Error() != err.Error() {
				t.Errorf("Validate() = %v, want the constructor's error", verr)
			}
		})
	}
}

// Permission sets must live in the Identity Center account and region: exports do
// not cross environments.
func TestAssignmentStacksRefuseOtherEnvironment(t *testing.T) {
	app := lztest.NewApp(t)
	var err error
	lztest.Do(t, func() {
		other := awscdk.NewStack(app, jsii.String("Elsewhere"), &awscdk.StackProps{Env: &awscdk.Environment{Account: jsii.String(lztest.Account), Region: jsii.String("us-east-1")}})
		ps, perr := identity.NewPermissionSet(other, "Admin", identity.PermissionSetProps{InstanceArn: instance, Persona: identity.PersonaAdministrator})
		if perr != nil {
			t.Fatal(perr)
		}
		_, err = identity.NewAssignmentStacks(app, "IdentityAssignments", identity.AssignmentStacksProps{
			Account: lztest.Account, Region: lztest.Region, InstanceArn: instance, PermissionSets: []identity.PermissionSetRef{ps},
			Assignments: []identity.Assignment{{GroupID: admins, PermissionSet: "Administrator", Accounts: []string{"111111111111"}}},
		})
	})
	lztest.ExpectInvalid(t, err, "identity: AssignmentStacksProps.",
		`AssignmentStacksProps.PermissionSets[0] "Administrator": in stack Elsewhere of 123456789012 us-east-1, not 123456789012 eu-west-1`)
	lztest.ExpectNoChild(t, app, "IdentityAssignments01")
}

// A stack left without assignments still deploys, with a placeholder, so that the
// assignments it held are removed rather than forgotten.
func TestAssignmentStacksEmpty(t *testing.T) {
	asm := lztest.Synth(t, func(app awscdk.App) {
		_, err := identity.NewAssignmentStacks(app, "IdentityAssignments", identity.AssignmentStacksProps{
			Account: lztest.Account, Region: lztest.Region, InstanceArn: instance, StackCount: 2,
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	for _, id := range []string{"IdentityAssignments01", "IdentityAssignments02"} {
		tpl := asm.Stack(t, id)
		tpl.ResourceCountIs("AWS::SSO::Assignment", 0)
		tpl.ResourceCountIs("AWS::CloudFormation::WaitConditionHandle", 1)
	}
}
