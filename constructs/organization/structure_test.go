package organization_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"

	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

const rootID = "r-a1b2"

// referenceStructure is a landing zone's organization: foundational OUs, workloads
// split by environment, and accounts named by convention or by hand.
func referenceStructure() organization.StructureProps {
	return organization.StructureProps{
		RootID: rootID,
		OrganizationalUnits: []organization.OrganizationalUnitProps{
			{Name: "Security"},
			{Name: "Infrastructure"},
			{Name: "Workloads"},
			{Name: "Prod", Parent: "Workloads"},
			{Name: "NonProd", Parent: "Workloads"},
			{Name: "Sandbox"},
			{Name: "Legacy", Parent: "ou-a1b2-c3d4e5f6"},
		},
		Accounts: []organization.AccountProps{
			{Name: "log-archive", OU: "Security"},
			{Name: "audit", OU: "Security", Email: "security-audit@example.com"},
			{Env: "shared", Team: "platform", System: "network", OU: "Infrastructure"},
			{Env: "prod", Team: "payments", OU: "Prod"},
			{Env: "dev", Team: "payments", System: "ledger", OU: "NonProd"},
		},
		Naming: organization.AccountNaming{EmailDomain: "example.com"},
	}
}

// synthStructure builds one Structure in the test stack.
func synthStructure(t *testing.T, props organization.StructureProps) (*organization.Structure, *lztest.Template) {
	t.Helper()
	var s *organization.Structure
	tpl := lztest.SynthStack(t, func(stack awscdk.Stack) {
		var err error
		if s, err = organization.NewStructure(stack, "Organization", props); err != nil {
			t.Fatalf("NewStructure: %v", err)
		}
	})
	return s, tpl
}

func TestStructure(t *testing.T) {
	s, tpl := synthStructure(t, referenceStructure())

	tpl.ResourceCountIs("AWS::Organizations::OrganizationalUnit", 7)
	tpl.ResourceCountIs("AWS::Organizations::Account", 5)
	// Top-level OUs hang off the root, nested ones off their parent's ID, and an OU
	// under an existing OU off that OU's ID.
	tpl.HasResourceProperties("AWS::Organizations::OrganizationalUnit", map[string]any{"Name": "Workloads", "ParentId": rootID})
	tpl.HasResourceProperties("AWS::Organizations::OrganizationalUnit", map[string]any{
		"Name": "Prod", "ParentId": map[string]any{"Fn::GetAtt": []any{logicalID(t, tpl, "AWS::Organizations::OrganizationalUnit", "Workloads"), "Id"}},
	})
	tpl.HasResourceProperties("AWS::Organizations::OrganizationalUnit", map[string]any{"Name": "Legacy", "ParentId": "ou-a1b2-c3d4e5f6"})
	// Names and e-mail addresses follow the convention unless overridden; accounts land
	// in their OU and are tagged with the parts of their name.
	tpl.HasResourceProperties("AWS::Organizations::Account", map[string]any{
		"AccountName": "dev-payments-ledger",
		"Email":       "aws+dev-payments-ledger@example.com",
		"ParentIds":   []any{map[string]any{"Fn::GetAtt": []any{logicalID(t, tpl, "AWS::Organizations::OrganizationalUnit", "NonProd"), "Id"}}},
		// The CDK sorts tags by key.
		"Tags": []any{
			map[string]any{"Key": "Environment", "Value": "dev"},
			map[string]any{"Key": "System", "Value": "ledger"},
			map[string]any{"Key": "Team", "Value": "payments"},
		},
	})
	tpl.HasResourceProperties("AWS::Organizations::Account", map[string]any{
		"AccountName": "log-archive", "Email": "aws+log-archive@example.com", "Tags": assertions.Match_Absent(),
	})
	tpl.HasResourceProperties("AWS::Organizations::Account", map[string]any{"AccountName": "audit", "Email": "security-audit@example.com"})
	// Deleting the stack or dropping an account from the props never closes it.
	for _, typ := range []string{"AWS::Organizations::Account", "AWS::Organizations::OrganizationalUnit"} {
		tpl.AllResources(typ, map[string]any{"DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain"})
	}
	assertAccountsCreatedInTurn(t, tpl, []string{"audit", "dev-payments-ledger", "log-archive", "prod-payments", "shared-platform-network"})

	if got := s.Target("Prod"); got.Name != "Prod" || !strings.HasPrefix(got.ID, "${Token[") {
		t.Errorf("Target(Prod) = %+v, want the OU's ID token", got)
	}
	if got := s.Target(""); got.ID != rootID {
		t.Errorf("Target(\"\") = %+v, want the root", got)
	}
	if got := s.Target("Nowhere"); got.ID != "" {
		t.Errorf("Target(Nowhere) = %+v, want no ID", got)
	}
	if got := s.AccountTarget("audit"); got.Name != "audit" || got.ID == "" {
		t.Errorf("AccountTarget(audit) = %+v", got)
	}
	lztest.Golden(t, tpl)
}

// Reordering the lists changes nothing in the template.
func TestStructureOrderIsStable(t *testing.T) {
	props := referenceStructure()
	_, want := synthStructure(t, props)
	slices.Reverse(props.OrganizationalUnits)
	slices.Reverse(props.Accounts)
	_, got := synthStructure(t, props)
	if !bytes.Equal(want.Bytes(), got.Bytes()) {
		t.Error("the template changed when the OUs and accounts were listed in reverse")
	}
}

// assertAccountsCreatedInTurn checks that each account depends on the one before, in
// the order given: AWS Organizations refuses concurrent account creation.
func assertAccountsCreatedInTurn(t *testing.T, tpl *lztest.Template, names []string) {
	t.Helper()
	ids := make([]string, len(names))
	for i, n := range names {
		ids[i] = logicalID(t, tpl, "AWS::Organizations::Account", n)
	}
	accounts := tpl.Resources("AWS::Organizations::Account")
	for i, id := range ids {
		deps, _ := accounts[id]["DependsOn"].([]any)
		switch {
		case i == 0 && len(deps) != 0:
			t.Errorf("first account %s depends on %v", names[i], deps)
		case i > 0 && (len(deps) != 1 || deps[0] != ids[i-1]):
			t.Errorf("account %s depends on %v, want [%s]", names[i], deps, ids[i-1])
		}
	}
}

// logicalID finds the resource of type typ whose name (OU Name or AccountName) is name.
func logicalID(t *testing.T, tpl *lztest.Template, typ, name string) string {
	t.Helper()
	for id, p := range tpl.Properties(typ) {
		if p["Name"] == name || p["AccountName"] == name {
			return id
		}
	}
	t.Fatalf("no %s named %q", typ, name)
	return ""
}

func TestAccountNaming(t *testing.T) {
	n := organization.AccountNaming{EmailDomain: "example.com"}
	if got := n.Name("prod", "payments", ""); got != "prod-payments" {
		t.Errorf("Name without system = %q", got)
	}
	if got := n.Name("prod", "payments", "ledger"); got != "prod-payments-ledger" {
		t.Errorf("Name with system = %q", got)
	}
	if got := n.Email("prod-payments"); got != "aws+prod-payments@example.com" {
		t.Errorf("Email with the default prefix = %q", got)
	}
	n.EmailPrefix = "cloud.accounts"
	if got := n.Email("prod-payments"); got != "cloud.accounts+prod-payments@example.com" {
		t.Errorf("Email = %q", got)
	}
}
