package securityhub

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecurityhub"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// idResource is the construct ID of a construct's main resource.
const idResource = "Resource"

// DelegatedAdminProps configures NewDelegatedAdmin.
type DelegatedAdminProps struct {
	// AdminAccount is the account, usually the audit account, that administers
	// Security Hub for the organization. It cannot be the management account. Required.
	AdminAccount string
}

// Validate reports every problem in p, with fields named as in DelegatedAdminProps.
func (p DelegatedAdminProps) Validate() error {
	var l check.List
	p.validate(&l, "")
	return l.Err("securityhub")
}

// validate checks p; self is the stack's account, empty when unknown.
func (p DelegatedAdminProps) validate(l *check.List, self string) {
	if p.AdminAccount == "" {
		l.Addf("DelegatedAdminProps.AdminAccount", p.AdminAccount, "required")
		return
	}
	check.AccountID(l, "DelegatedAdminProps.AdminAccount", p.AdminAccount)
	if p.AdminAccount == self {
		l.Addf("DelegatedAdminProps.AdminAccount", p.AdminAccount, "is this stack's account, the management account; central configuration needs a member account")
	}
}

// DelegatedAdmin designates Security Hub's delegated administrator from the management
// account. Deploy it in the home region: central configuration then extends the
// designation to the linked regions.
type DelegatedAdmin struct {
	constructs.Construct
	// Resource is the designation.
	Resource awssecurityhub.CfnDelegatedAdmin

	adminAccount string
}

// NewDelegatedAdmin validates props, then designates props.AdminAccount. This also
// enables trusted access between Security Hub and AWS Organizations, and Security Hub
// itself in the administrator account's current region. On error nothing is added to
// scope.
func NewDelegatedAdmin(scope constructs.Construct, id string, props DelegatedAdminProps) (*DelegatedAdmin, error) {
	if err := scopecheck.Check("securityhub", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	self := ""
	if account := awscdk.Stack_Of(scope).Account(); !*awscdk.Token_IsUnresolved(account) {
		self = *account
	}
	var l check.List
	props.validate(&l, self)
	if err := l.Err("securityhub"); err != nil {
		return nil, err
	}
	d := &DelegatedAdmin{adminAccount: props.AdminAccount}
	constructs.NewConstruct_Override(d, scope, jsii.String(id))
	d.Resource = awssecurityhub.NewCfnDelegatedAdmin(d.Construct, jsii.String(idResource), &awssecurityhub.CfnDelegatedAdminProps{
		AdminAccountId: jsii.String(props.AdminAccount),
	})
	return d, nil
}

// AdminAccount returns the designated account's ID.
//
// DelegatedAdmin has a method with a pointer receiver so that jsii registers the Go
// struct as the construct itself.
func (d *DelegatedAdmin) AdminAccount() string { return d.adminAccount }
