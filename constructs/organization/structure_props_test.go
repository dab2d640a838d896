package organization_test

import (
	"testing"

	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestStructurePropsErrors(t *testing.T) {
	naming := organization.AccountNaming{EmailDomain: "example.com"}
	ous := func(ous ...organization.OrganizationalUnitProps) organization.StructureProps {
		return organization.StructureProps{RootID: rootID, OrganizationalUnits: ous}
	}
	accounts := func(accounts ...organization.AccountProps) organization.StructureProps {
		return organization.StructureProps{RootID: rootID, Accounts: accounts, Naming: naming,
			OrganizationalUnits: []organization.OrganizationalUnitProps{{Name: "Workloads"}}}
	}
	for _, tc := range []struct {
		name  string
		props organization.StructureProps
		want  []string
	}{
		{"missing root ID", organization.StructureProps{}, []string{`StructureProps.RootID "": not a root ID such as "r-a1b2"`}},
		{"malformed root ID", organization.StructureProps{RootID: "o-a1b2c3d4e5"}, []string{`StructureProps.RootID "o-a1b2c3d4e5": not a root ID`}},
		{"OU without a name", ous(organization.OrganizationalUnitProps{}), []string{`StructureProps.OrganizationalUnits[0].Name "": not an OU name`}},
		{"OU name with a slash", ous(organization.OrganizationalUnitProps{Name: "Work/loads"}), []string{`StructureProps.OrganizationalUnits[0].Name "Work/loads": not an OU name`}},
		{"OU named like an ID", ous(organization.OrganizationalUnitProps{Name: "ou-a1b2-c3d4e5f6"}), []string{`StructureProps.OrganizationalUnits[0].Name "ou-a1b2-c3d4e5f6": looks like an OU ID`}},
		{"duplicate OU names", ous(organization.OrganizationalUnitProps{Name: "Prod"}, organization.OrganizationalUnitProps{Name: "Prod", Parent: "Workloads"}, organization.OrganizationalUnitProps{Name: "Workloads"}),
			[]string{`StructureProps.OrganizationalUnits[1].Name "Prod": duplicate of StructureProps.OrganizationalUnits[0].Name`}},
		{"unknown parent", ous(organization.OrganizationalUnitProps{Name: "Prod", Parent: "Workload"}),
			[]string{`StructureProps.OrganizationalUnits[0].Parent "Workload": no OU of that name in the tree`}},
		{"own parent", ous(organization.OrganizationalUnitProps{Name: "Prod", Parent: "Prod"}),
			[]string{`StructureProps.OrganizationalUnits[0].Parent "Prod": a cycle of parents, Prod -> Prod`}},
		{"cycle, every member reported once", ous(
			organization.OrganizationalUnitProps{Name: "C", Parent: "A"},
			organization.OrganizationalUnitProps{Name: "A", Parent: "B"},
			organization.OrganizationalUnitProps{Name: "B", Parent: "C"},
			organization.OrganizationalUnitProps{Name: "D", Parent: "A"},
			organization.OrganizationalUnitProps{Name: "E"},
		), []string{
			`StructureProps.OrganizationalUnits[0].Parent "A": a cycle of parents, A -> B -> C -> A`,
			`StructureProps.OrganizationalUnits[1].Parent "B": a cycle of parents, A -> B -> C -> A`,
			`StructureProps.OrganizationalUnits[2].Parent "C": a cycle of parents, A -> B -> C -> A`,
		}},
		{"too deep", ous(
			organization.OrganizationalUnitProps{Name: "L1"}, organization.OrganizationalUnitProps{Name: "L2", Parent: "L1"},
			organization.OrganizationalUnitProps{Name: "L3", Parent: "L2"}, organization.OrganizationalUnitProps{Name: "L4", Parent: "L3"},
			organization.OrganizationalUnitProps{Name: "L5", Parent: "L4"}, organization.OrganizationalUnitProps{Name: "L6", Parent: "L5"},
		), []string{`StructureProps.OrganizationalUnits[5].Parent "L5": puts "L6" 6 levels below the root; AWS allows 5`}},
		{"malformed e-mail", accounts(organization.AccountProps{Name: "audit", Email: "audit@example"}),
			[]string{`StructureProps.Accounts[0].Email "audit@example": not an e-mail address`}},
		{"e-mail with a display name", accounts(organization.AccountProps{Name: "audit", Email: "Audit <audit@example.com>"}),
			[]string{`StructureProps.Accounts[0].Email "Audit <audit@example.com>": not an e-mail address`}},
		{"e-mail too long", accounts(organization.AccountProps{Env: "prod", Team: "payments-and-settlements", System: "ledger-reconciliation"}),
			[]string{`StructureProps.Accounts[0].Email "aws+prod-payments-and-settlements-ledger-reconciliation@example.com": 67 characters; AWS accepts 6-64 (made by the naming convention`}},
		{"duplicate e-mails, case aside", accounts(
			organization.AccountProps{Name: "audit", Email: "Security@example.com"},
			organization.AccountProps{Name: "log-archive", Email: "security@example.com"},
		), []string{`StructureProps.Accounts[1].Email "security@example.com": duplicate of StructureProps.Accounts[0].Email`}},
		{"override equal to a conventional e-mail", accounts(
			organization.AccountProps{Env: "prod", Team: "payments"},
			organization.AccountProps{Name: "payments", Email: "aws+prod-payments@example.com"},
		), []string{`StructureProps.Accounts[1].Email "aws+prod-payments@example.com": duplicate of StructureProps.Accounts[0].Email`}},
		{"duplicate account names", accounts(
			organization.AccountProps{Env: "prod", Team: "payments"},
			organization.AccountProps{Name: "Prod-Payments", Email: "payments@example.com"},
		), []string{`StructureProps.Accounts[1].Name "prod-payments": duplicate of StructureProps.Accounts[0].Name`}},
		{"neither name nor convention", accounts(organization.AccountProps{Env: "prod"}),
			[]string{"StructureProps.Accounts[0].Team \"\": required to name the account by the convention; set it or `Name`"}},
		{"malformed name parts", accounts(organization.AccountProps{Env: "Prod", Team: "pay_ments", System: "-x"}),
			[]string{`StructureProps.Accounts[0].Env "Prod": not a name part`, `StructureProps.Accounts[0].Team "pay_ments": not a name part`, `StructureProps.Accounts[0].System "-x": not a name part`}},
		{"name too long", accounts(organization.AccountProps{Name: "an-account-name-that-is-longer-than-fifty-characters", Email: "long@example.com"}),
			[]string{`StructureProps.Accounts[0].Name "an-account-name-that-is-longer-than-fifty-characters": 52 characters; AWS accepts 1-50`}},
		{"name with a slash", accounts(organization.AccountProps{Name: "payments/prod", Email: "payments@example.com"}),
			[]string{`StructureProps.Accounts[0].Name "payments/prod": not an account name of printable ASCII characters other than "/"`}},
		{"account in an unknown OU", accounts(organization.AccountProps{Name: "audit", OU: "Security"}),
			[]string{`StructureProps.Accounts[0].OU "Security": no OU of that name in the tree`}},
		{"no domain for the convention", organization.StructureProps{RootID: rootID, Accounts: []organization.AccountProps{{Name: "audit"}}},
			[]string{"StructureProps.Naming.EmailDomain \"\": required while an account leaves its e-mail address to the convention"}},
		{"malformed naming", organization.StructureProps{RootID: rootID, Accounts: []organization.AccountProps{{Name: "audit"}},
			Naming: organization.AccountNaming{EmailPrefix: "aws+", EmailDomain: "@example.com"}},
			[]string{`StructureProps.Naming.EmailPrefix "aws+": not a mailbox name`, `StructureProps.Naming.EmailDomain "@example.com": not a mail domain`}},
		{"every problem at once", organization.StructureProps{
			RootID: "root",
			OrganizationalUnits: []organization.OrganizationalUnitProps{
				{Name: "A", Parent: "B"}, {Name: "B", Parent: "A"}, {Name: "C", Parent: "Nowhere"},
			},
			Accounts: []organization.AccountProps{
				{Name: "audit", Email: "audit@example.com", OU: "Z"},
				{Name: "audit", Email: "audit@example.com"},
				{Name: "logs", Email: "not-an-address"},
			},
		}, []string{
			`StructureProps.RootID "root"`,
			`StructureProps.OrganizationalUnits[0].Parent "B": a cycle of parents, A -> B -> A`,
			`StructureProps.OrganizationalUnits[1].Parent "A": a cycle of parents, A -> B -> A`,
			`StructureProps.OrganizationalUnits[2].Parent "Nowhere"`,
			`StructureProps.Accounts[0].OU "Z"`,
			`StructureProps.Accounts[1].Name "audit": duplicate`,
			`StructureProps.Accounts[1].Email "audit@example.com": duplicate`,
			`StructureProps.Accounts[2].Email "not-an-address"`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = organization.NewStructure(stack, "Organization", tc.props) })
			lztest.ExpectInvalid(t, err, "organization: StructureProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Organization")
			if verr := tc.props.Validate(); verr == nil || verr.Error() != err.Error() {
				t.Errorf("Validate() = %v, want the constructor's error", verr)
			}
		})
	}
}
