package identity

import (
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// TimeBoxedRoleProps configures NewTimeBoxedRole. RoleName, Grant and one of
// TrustedAccount and TrustedPrincipalArn are required.
type TimeBoxedRoleProps struct {
	// RoleName is the role's physical name, which the people granted access assume it
	// by: 1-64 letters, digits and +=,.@_-. Required.
	RoleName string
	// TrustedAccount is the 12-digit account whose principals may assume the role, as
	// far as that account's own IAM policies let them. Exactly one of TrustedAccount
	// and TrustedPrincipalArn.
	TrustedAccount string
	// TrustedPrincipalArn is the one IAM role or user that may assume the role.
	TrustedPrincipalArn string
	// MaxSessionDuration is the longest session, PT1H to PT12H. Empty means
	// DefaultSessionDuration.
	MaxSessionDuration string
	// Grant is what the role allows, and until when. Required.
	Grant Grant
	// Now tells validation the time. Nil means time.Now; tests pin it.
	Now func() time.Time
}

// Validate reports every problem in p, with fields named as in TimeBoxedRoleProps.
func (p TimeBoxedRoleProps) Validate() error {
	_, _, err := p.validate()
	return err
}

func (p TimeBoxedRoleProps) validate() (Grant, time.Duration, error) {
	var l check.List
	roleName(&l, "TimeBoxedRoleProps.RoleName", p.RoleName)
	trustee{p.TrustedAccount, p.TrustedPrincipalArn}.validate(&l, "TimeBoxedRoleProps.")
	session := sessionDuration(&l, "TimeBoxedRoleProps.MaxSessionDuration", p.MaxSessionDuration)
	g := p.Grant.validate(&l, "TimeBoxedRoleProps.Grant.", nowOr(p.Now))
	return g, session, l.Err("identity")
}

// TimeBoxedRole is an IAM role that can be assumed, and whose inline policy allows its
// grant, only until the grant expires.
type TimeBoxedRole struct {
	constructs.Construct
	// Role is the role.
	Role awsiam.Role
	// ExpiresAt is when the access ends, in UTC.
	ExpiresAt time.Time
}

// idPolicy names the time-boxed inline policy inside the role.
const idPolicy = "TimeBoxedAccess"

// NewTimeBoxedRole validates props, then creates the role. On error nothing is added
// to scope.
func NewTimeBoxedRole(scope constructs.Construct, id string, props TimeBoxedRoleProps) (*TimeBoxedRole, error) {
	if err := scopecheck.Check("identity", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	g, session, err := props.validate()
	if err != nil {
		return nil, err
	}
	r := &TimeBoxedRole{ExpiresAt: g.ExpiresAt}
	constructs.NewConstruct_Override(r, scope, jsii.String(id))
	// The trust policy ends with the grant too, so that no new session starts after it.
	trust := map[string]any{}
	for op, kv := range g.beforeExpiry() {
		trust[op] = kv
	}
	r.Role = awsiam.NewRole(r.Construct, jsii.String(idResource), &awsiam.RoleProps{
		RoleName:           jsii.String(props.RoleName),
		Description:        jsii.String("Time-boxed access until " + g.expiry()),
		AssumedBy:          trustee{props.TrustedAccount, props.TrustedPrincipalArn}.principal(trust),
		MaxSessionDuration: awscdk.Duration_Seconds(jsii.Number(session.Seconds())),
		InlinePolicies: &map[string]awsiam.PolicyDocument{
			idPolicy: awsiam.PolicyDocument_FromJson(policyDocument([]statement{g.statement()})),
		},
	})
	suppressWildcards(r.Role, []statement{g.statement()},
		"the time-boxed grant's actions and resources are the caller's explicit choice, and its aws:CurrentTime condition ends them at "+g.expiry())
	return r, nil
}

// RoleArn is the role's ARN.
//
// The pointer receiver also lets jsii register the struct as the construct itself.
func (r *TimeBoxedRole) RoleArn() *string { return r.Role.RoleArn() }
