package guardduty

import (
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// guardDutyPrincipal is GuardDuty's service principal in AWS Organizations.
const guardDutyPrincipal = "guardduty.amazonaws.com"

// DelegatedAdminProps configures NewDelegatedAdmin.
type DelegatedAdminProps struct {
	// AdminAccountID is the 12-digit ID of the account that administers GuardDuty for
	// the organization, usually the audit (security tooling) account. Required; not the
	// management account itself.
	AdminAccountID string
	// DisableOnDelete removes the designation when the construct or its stack is
	// deleted, which stops organization-wide GuardDuty management in this region. False
	// leaves the designation in place, so that deleting a stack never turns off threat
	// detection.
	DisableOnDelete bool
}

// DelegatedAdmin is the designation of the organization's GuardDuty delegated
// administrator in one region.
type DelegatedAdmin struct {
	constructs.Construct
	// AdminAccountID is the designated account.
	AdminAccountID string
	// Resource designates the administrator, or finds it designated already.
	Resource awscdk.CustomResource
}

// Validate reports every problem in p that does not depend on the stack.
func (p DelegatedAdminProps) Validate() error {
	return p.validate("")
}

func (p DelegatedAdminProps) validate(stackAccount string) error {
	var l check.List
	check.AccountID(&l, "DelegatedAdminProps.AdminAccountID", p.AdminAccountID)
	if p.AdminAccountID != "" && p.AdminAccountID == stackAccount {
		l.Addf("DelegatedAdminProps.AdminAccountID", p.AdminAccountID, "is the management account itself; designate the audit account, so that the management account keeps no day-to-day security duties")
	}
	return l.Err("guardduty")
}

// NewDelegatedAdmin validates props, then designates props.AdminAccountID as GuardDuty's
// delegated administrator for the organization in the stack's region. It belongs in the
// organization's management account, and GuardDuty then enables itself in the
// administrator account. On error nothing is added to scope.
//
// The designation is checked first, on create and on every update: when
// AdminAccountID is the administrator already (made by hand, or by an earlier stack)
// nothing changes; when another account is (such as AWS Control Tower's audit
// account), the deployment fails with a message that names it, because an
// organization has one GuardDuty administrator per region. Changing AdminAccountID
// later needs the old designation removed first (DisableOnDelete, or the GuardDuty
// console).
func NewDelegatedAdmin(scope constructs.Construct, id string, props DelegatedAdminProps) (*DelegatedAdmin, error) {
	if err := scopecheck.Check("guardduty", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	stack := awscdk.Stack_Of(scope)
	account := ""
	if !*awscdk.Token_IsUnresolved(stack.Account()) {
		account = *stack.Account()
	}
	if err := props.validate(account); err != nil {
		return nil, err
	}
	d := &DelegatedAdmin{AdminAccountID: props.AdminAccountID}
	// Registering d itself as the construct lets callers pass *DelegatedAdmin wherever
	// the CDK wants a construct.
	constructs.NewConstruct_Override(d, scope, jsii.String(id))

	h := handlerOf(d.Construct, "")
	guardDutyActions := []string{"guardduty:EnableOrganizationAdminAccount", "guardduty:ListOrganizationAdminAccounts"}
	orgWrites := []string{"organizations:EnableAWSServiceAccess", "organizations:RegisterDelegatedAdministrator"}
	if props.DisableOnDelete {
		guardDutyActions = append(guardDutyActions, "guardduty:DisableOrganizationAdminAccount")
		orgWrites = append(orgWrites, "organizations:DeregisterDelegatedAdministrator")
	}
	h.allow(&awsiam.PolicyStatementProps{Actions: jsii.Strings(guardDutyActions...), Resources: jsii.Strings("*")})
	// GuardDuty enables trusted access and registers the administrator through AWS
	// Organizations on the caller's behalf, for its own service principal only.
	h.allow(&awsiam.PolicyStatementProps{
		Actions:    jsii.Strings(orgWrites...),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]interface{}{"StringEquals": map[string]interface{}{"organizations:ServicePrincipal": guardDutyPrincipal}},
	})
	h.allow(&awsiam.PolicyStatementProps{
		Actions: jsii.Strings("organizations:DescribeOrganization", "organizations:DescribeAccount", "organizations:DescribeOrganizationalUnit",
			"organizations:ListAccounts", "organizations:ListAWSServiceAccessForOrganization", "organizations:ListDelegatedAdministrators"),
		Resources: jsii.Strings("*"),
	})
	h.suppress("these GuardDuty and Organizations actions have no resource-level permissions; writes are limited to GuardDuty's service principal, the rest are read-only",
		"Resource::*")
	d.Resource = h.resource(d.Construct, idResource, delegationResourceType, map[string]interface{}{
		"Action":          "delegate",
		"AdminAccountId":  props.AdminAccountID,
		"DisableOnDelete": strconv.FormatBool(props.DisableOnDelete),
	})
	return d, nil
}

// DetectorArns returns the ARN pattern of the administrator's detectors in the stack's
// region, for the log archive's bucket and key policies.
//
// Like every construct type of this module, DelegatedAdmin has at least one method
// with a pointer receiver: jsii registers such a Go struct as the construct itself.
func (d *DelegatedAdmin) DetectorArns() string {
	return DetectorArns(d.AdminAccountID, *awscdk.Stack_Of(d).Region())
}
