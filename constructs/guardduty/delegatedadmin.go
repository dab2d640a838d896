package guardduty

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/customresources"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/nag"
)

// guardDutyPrincipal is GuardDuty's service principal in AWS Organizations.
const guardDutyPrincipal = "guardduty.amazonaws.com"

// badRequest is the error name of every GuardDuty client error.
const badRequest = "^BadRequestException$"

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
	// Resource makes the EnableOrganizationAdminAccount call.
	Resource customresources.AwsCustomResource
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
// The call is repeated unchanged on update. GuardDuty answers a designation that
// already exists (made by hand, or by an earlier stack) with a BadRequestException, the
// same error name it uses for every client error, so that name is ignored: a real
// failure surfaces in the administrator account, where NewDetector finds no detector or
// may not configure the organization. Changing AdminAccountID later needs the old
// designation removed first (DisableOnDelete, or the GuardDuty console), since an
// organization has one GuardDuty administrator.
func NewDelegatedAdmin(scope constructs.Construct, id string, props DelegatedAdminProps) (*DelegatedAdmin, error) {
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

	params := map[string]interface{}{"AdminAccountId": props.AdminAccountID}
	enable := sdkCall("EnableOrganizationAdminAccount", params, props.AdminAccountID)
	enable.IgnoreErrorCodesMatching = jsii.String(badRequest)
	guardDutyActions := []string{"guardduty:EnableOrganizationAdminAccount"}
	orgWrites := []string{"organizations:EnableAWSServiceAccess", "organizations:RegisterDelegatedAdministrator"}
	var disable *customresources.AwsSdkCall
	if props.DisableOnDelete {
		disable = sdkCall("DisableOrganizationAdminAccount", params, props.AdminAccountID)
		disable.IgnoreErrorCodesMatching = jsii.String(badRequest)
		guardDutyActions = append(guardDutyActions, "guardduty:DisableOrganizationAdminAccount")
		orgWrites = append(orgWrites, "organizations:DeregisterDelegatedAdministrator")
	}
	d.Resource = newCall(d.Construct, idResource, enable, disable,
		allow([]string{"*"}, guardDutyActions...),
		// GuardDuty enables trusted access and registers the administrator through
		// AWS Organizations on the caller's behalf, for its own service principal only.
		awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions:    jsii.Strings(orgWrites...),
			Resources:  jsii.Strings("*"),
			Conditions: &map[string]interface{}{"StringEquals": map[string]interface{}{"organizations:ServicePrincipal": guardDutyPrincipal}},
		}),
		allow([]string{"*"}, "organizations:DescribeOrganization", "organizations:DescribeAccount", "organizations:DescribeOrganizationalUnit",
			"organizations:ListAccounts", "organizations:ListAWSServiceAccessForOrganization", "organizations:ListDelegatedAdministrators"),
	)
	nag.Suppress(d.Resource, true, nag.Rule{
		ID: "AwsSolutions-IAM5", Reason: "these GuardDuty and Organizations actions have no resource-level permissions; writes are limited to GuardDuty's service principal, the rest are read-only",
		AppliesTo: []string{"Resource::*"},
	})
	nag.SuppressAwsCustomResourceProvider(stack)
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
