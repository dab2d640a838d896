package identity

import (
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// AuditAccess selects what a third-party auditor may read besides the security
// configuration. The zero value is AuditViewOnly.
type AuditAccess string

const (
	// AuditViewOnly grants SecurityAudit and ViewOnlyAccess: configuration and metadata,
	// no data.
	AuditViewOnly AuditAccess = "view-only"
	// AuditReadOnly grants SecurityAudit and ReadOnlyAccess, which also reads data such
	// as S3 objects and DynamoDB items. Choose it only when the audit covers data.
	AuditReadOnly AuditAccess = "read-only"
)

// AuditAccesses returns the audit access levels, the default first, in a new slice at
// each call.
func AuditAccesses() []AuditAccess { return []AuditAccess{AuditViewOnly, AuditReadOnly} }

// Valid reports whether a is a known level or the zero value.
func (a AuditAccess) Valid() bool { return a == "" || slices.Contains(AuditAccesses(), a) }

// policies lists the AWS managed policies of the level.
func (a AuditAccess) policies() []string {
	if a == AuditReadOnly {
		return []string{policySecurityAudit, policyReadOnly}
	}
	return []string{policySecurityAudit, policyViewOnly}
}

// AuditRoleProps configures NewAuditRole. ExternalID and one of TrustedAccount and
// TrustedPrincipalArn are required.
type AuditRoleProps struct {
	// TrustedAccount is the auditor's 12-digit account. Exactly one of TrustedAccount
	// and TrustedPrincipalArn.
	TrustedAccount string
	// TrustedPrincipalArn is the auditor's IAM role or user, narrower than its whole
	// account.
	TrustedPrincipalArn string
	// ExternalID is the value the auditor sends as sts:ExternalId, 2-1224 letters,
	// digits and +=,.@:/_-. The auditor issues it, unique to this customer, so that no
	// other customer of the auditor can make it assume this role. Required.
	ExternalID string
	// RoleName is the role's physical name, which the auditor configures. Empty means
	// DefaultAuditRoleName.
	RoleName string
	// Access selects view-only or read-only access. Empty means AuditViewOnly.
	Access AuditAccess
	// MaxSessionDuration is the longest session, PT1H to PT12H. Empty means
	// DefaultSessionDuration.
	MaxSessionDuration string
}

// Validate reports every problem in p, with fields named as in AuditRoleProps.
func (p AuditRoleProps) Validate() error {
	_, err := p.validate()
	return err
}

func (p AuditRoleProps) validate() (AuditRoleProps, error) {
	var l check.List
	trustee{p.TrustedAccount, p.TrustedPrincipalArn}.validate(&l, "AuditRoleProps.")
	externalID(&l, "AuditRoleProps.ExternalID", p.ExternalID)
	if p.RoleName == "" {
		p.RoleName = DefaultAuditRoleName
	}
	roleName(&l, "AuditRoleProps.RoleName", p.RoleName)
	if !p.Access.Valid() {
		l.Addf("AuditRoleProps.Access", string(p.Access), "unknown access level; want one of %q", AuditAccesses())
	}
	sessionDuration(&l, "AuditRoleProps.MaxSessionDuration", p.MaxSessionDuration)
	if p.MaxSessionDuration == "" {
		p.MaxSessionDuration = DefaultSessionDuration
	}
	return p, l.Err("identity")
}

// AuditRole is the role a third-party auditor assumes with an external ID.
type AuditRole struct {
	constructs.Construct
	// Role is the role.
	Role awsiam.Role
}

// NewAuditRole validates props, then creates the role. On error nothing is added to
// scope. The role holds no asset and no custom resource, so it suits a StackSet that
// puts it into every account.
func NewAuditRole(scope constructs.Construct, id string, props AuditRoleProps) (*AuditRole, error) {
	if err := scopecheck.Check("identity", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	p, err := props.validate()
	if err != nil {
		return nil, err
	}
	session, _ := check.ParseISODuration(p.MaxSessionDuration)
	r := &AuditRole{}
	constructs.NewConstruct_Override(r, scope, jsii.String(id))
	var managed []awsiam.IManagedPolicy
	for _, name := range p.Access.policies() {
		managed = append(managed, awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(name)))
	}
	r.Role = awsiam.NewRole(r.Construct, jsii.String(idResource), &awsiam.RoleProps{
		RoleName:    jsii.String(p.RoleName),
		Description: jsii.String("Third-party audit: security configuration and resource metadata, assumed with an external ID"),
		// ExternalIds adds the sts:ExternalId condition to the trust policy, the guard
		// against the confused deputy: the auditor sends this customer's ID only when
		// acting for this customer.
		AssumedBy:          trustee{p.TrustedAccount, p.TrustedPrincipalArn}.principal(nil),
		ExternalIds:        jsii.Strings(p.ExternalID),
		ManagedPolicies:    &managed,
		MaxSessionDuration: awscdk.Duration_Seconds(jsii.Number(session.Seconds())),
	})
	suppressManagedPolicies(r.Role, p.Access.policies(),
		"an auditor needs read access to every service; the AWS-maintained SecurityAudit and view-only or read-only policies follow new services, a hand-written list would not")
	return r, nil
}

// RoleArn is the role's ARN, the same as AuditRoleArn gives for the default name.
//
// The pointer receiver also lets jsii register the struct as the construct itself.
func (r *AuditRole) RoleArn() *string { return r.Role.RoleArn() }
