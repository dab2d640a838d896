package organization

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsorganizations"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Construct IDs of Structure's groups. An OU's ID below its group is its name, an
// account's its account name.
const (
	idOrganizationalUnits = "OrganizationalUnits"
	idAccounts            = "Accounts"
)

// StructureProps configures NewStructure. The zero value lacks the required RootID;
// with it, it is an organization without OUs or accounts of its own.
type StructureProps struct {
	// RootID is the ID of the organization's root, "r-" and 4-32 lower-case letters or
	// digits, as `aws organizations list-roots` prints it. Required: it cannot be known
	// without an AWS call.
	RootID string
	// OrganizationalUnits is the OU tree, each OU naming its parent. The order does not
	// matter. Empty means none.
	OrganizationalUnits []OrganizationalUnitProps
	// Accounts are the member accounts to create, each placed in an OU. The order does
	// not matter. Empty means none.
	Accounts []AccountProps
	// Naming is the convention that names accounts and their root e-mail addresses.
	Naming AccountNaming
}

// Structure is an organization's OU tree and the member accounts placed in it.
type Structure struct {
	constructs.Construct
	// RootID is the organization's root.
	RootID string
	// OrganizationalUnits holds each OU by name.
	OrganizationalUnits map[string]awsorganizations.CfnOrganizationalUnit
	// Accounts holds each account by account name.
	Accounts map[string]awsorganizations.CfnAccount
	// Members are the accounts' props with names and e-mail addresses resolved, in the
	// order of creation (by name).
	Members []AccountProps
}

// Validate reports every problem in p. It needs no stack: configuration loaders use it
// to report mistakes before building anything.
func (p StructureProps) Validate() error {
	_, _, err := planStructure(p)
	return err
}

// planStructure checks p and returns its OUs parents first and its accounts by name.
func planStructure(p StructureProps) ([]plannedOU, []plannedAccount, error) {
	var l check.List
	if !rootIDPattern.MatchString(p.RootID) {
		l.Addf("StructureProps.RootID", p.RootID, "not a root ID such as \"r-a1b2\"; `aws organizations list-roots` prints it")
	}
	ous := planTree(&l, p.OrganizationalUnits)
	names := map[string]bool{}
	for _, ou := range p.OrganizationalUnits {
		names[ou.Name] = true
	}
	accounts := planAccounts(&l, p, names)
	return ous, accounts, l.Err(pkg)
}

// NewStructure validates props, then creates the OU tree and the accounts. On error
// nothing is added to scope.
//
// Accounts are created one after the other (each depends on the one before), as AWS
// Organizations requires, and kept when removed from the stack (DeletionPolicy
// Retain): CloudFormation cannot close an account. So are the OUs, which AWS could not
// delete while they hold accounts.
func NewStructure(scope constructs.Construct, id string, props StructureProps) (*Structure, error) {
	if err := scopecheck.Check("organization", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	ous, accounts, err := planStructure(props)
	if err != nil {
		return nil, err
	}
	s := &Structure{
		RootID:              props.RootID,
		OrganizationalUnits: map[string]awsorganizations.CfnOrganizationalUnit{},
		Accounts:            map[string]awsorganizations.CfnAccount{},
	}
	constructs.NewConstruct_Override(s, scope, jsii.String(id))
	group := constructs.NewConstruct(s.Construct, jsii.String(idOrganizationalUnits))
	for _, ou := range ous {
		r := awsorganizations.NewCfnOrganizationalUnit(group, jsii.String(ou.Name), &awsorganizations.CfnOrganizationalUnitProps{
			Name:     jsii.String(ou.Name),
			ParentId: jsii.String(s.parentID(ou.Parent)),
		})
		r.ApplyRemovalPolicy(awscdk.RemovalPolicy_RETAIN, nil)
		s.OrganizationalUnits[ou.Name] = r
	}
	group = constructs.NewConstruct(s.Construct, jsii.String(idAccounts))
	var previous awsorganizations.CfnAccount
	for _, a := range accounts {
		r := awsorganizations.NewCfnAccount(group, jsii.String(a.Name), &awsorganizations.CfnAccountProps{
			AccountName: jsii.String(a.Name),
			Email:       jsii.String(a.Email),
			ParentIds:   jsii.Strings(s.parentID(a.OU)),
			Tags:        accountTags(a.AccountProps),
		})
		r.ApplyRemovalPolicy(awscdk.RemovalPolicy_RETAIN, nil)
		if previous != nil {
			r.AddResourceDependency(previous, jsii.String("AWS Organizations creates one account at a time"))
		}
		previous = r
		s.Accounts[a.Name] = r
		s.Members = append(s.Members, a.AccountProps)
	}
	return s, nil
}

// parentID resolves an OU reference as StructureProps writes it: empty for the root,
// the name of an OU of the tree, or an existing OU's ID.
func (s *Structure) parentID(ref string) string {
	return s.Target(ref).ID
}

func accountTags(a AccountProps) *[]*awscdk.CfnTag {
	var tags []*awscdk.CfnTag
	for _, t := range []struct{ key, value string }{{TagEnvironment, a.Env}, {TagTeam, a.Team}, {TagSystem, a.System}} {
		if t.value != "" {
			tags = append(tags, &awscdk.CfnTag{Key: jsii.String(t.key), Value: jsii.String(t.value)})
		}
	}
	if tags == nil {
		return nil
	}
	return &tags
}

// Target returns the guardrail target for an OU reference as StructureProps writes
// them: the name of an OU of the tree, an existing OU's ID, or empty for the root. For
// a name the tree lacks it returns a Target without ID, which guardrails refuse.
//
// Like every construct type of this module, Structure has at least one method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (s *Structure) Target(ou string) Target {
	switch r, inTree := s.OrganizationalUnits[ou]; {
	case inTree:
		return Target{ID: *r.AttrId(), Name: ou}
	case ou == "":
		return Target{ID: s.RootID, Name: "root " + s.RootID}
	case ouIDPattern.MatchString(ou):
		return Target{ID: ou}
	}
	return Target{Name: ou}
}

// AccountTarget returns the guardrail target for the account named name, or a Target
// without ID, which guardrails refuse, when there is no such account.
func (s *Structure) AccountTarget(name string) Target {
	if r, ok := s.Accounts[name]; ok {
		return Target{ID: *r.AttrAccountId(), Name: name}
	}
	return Target{Name: name}
}
