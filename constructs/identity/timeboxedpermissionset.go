package identity

import (
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2/awssso"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// TimeBoxedPermissionSetProps configures NewTimeBoxedPermissionSet. InstanceArn, Name
// and Grant are required.
type TimeBoxedPermissionSetProps struct {
	// InstanceArn is the IAM Identity Center instance. Required.
	InstanceArn string
	// Name is the permission set's name, 1-32 letters, digits and +=,.@_-, such as
	// "BreakGlass-INC1234". Required: elevated access says what it is for.
	Name string
	// Description is shown in the access portal. Empty means one that states the
	// expiry.
	Description string
	// SessionDuration is how long a session lasts, PT1H to PT12H. Empty means
	// DefaultSessionDuration. Sessions end with the grant anyway: the condition is
	// checked on every request.
	SessionDuration string
	// Grant is what the permission set allows, and until when. Required.
	Grant Grant
	// Now tells validation the time, so that an expiry in the past is refused. Nil
	// means time.Now; tests pin it.
	Now func() time.Time
}

// Validate reports every problem in p, with fields named as in
// TimeBoxedPermissionSetProps.
func (p TimeBoxedPermissionSetProps) Validate() error {
	_, _, err := p.validate()
	return err
}

func (p TimeBoxedPermissionSetProps) validate() (Grant, time.Duration, error) {
	var l check.List
	instanceArn(&l, "TimeBoxedPermissionSetProps.InstanceArn", p.InstanceArn)
	permissionSetName(&l, "TimeBoxedPermissionSetProps.Name", p.Name)
	description(&l, "TimeBoxedPermissionSetProps.Description", p.Description)
	session := sessionDuration(&l, "TimeBoxedPermissionSetProps.SessionDuration", p.SessionDuration)
	g := p.Grant.validate(&l, "TimeBoxedPermissionSetProps.Grant.", nowOr(p.Now))
	return g, session, l.Err("identity")
}

// TimeBoxedPermissionSet is a permission set whose inline policy allows its grant only
// until the grant expires. It holds no managed policy, which could not be time-boxed.
type TimeBoxedPermissionSet struct {
	constructs.Construct
	// Resource is the permission set.
	Resource awssso.CfnPermissionSet
	// Name is the permission set's name, which assignments refer to.
	Name string
	// ExpiresAt is when the access ends, in UTC.
	ExpiresAt time.Time
}

// NewTimeBoxedPermissionSet validates props, then creates the permission set. On error
// nothing is added to scope.
func NewTimeBoxedPermissionSet(scope constructs.Construct, id string, props TimeBoxedPermissionSetProps) (*TimeBoxedPermissionSet, error) {
	if err := scopecheck.Check("identity", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	g, session, err := props.validate()
	if err != nil {
		return nil, err
	}
	desc := props.Description
	if desc == "" {
		desc = "Time-boxed access until " + g.expiry()
	}
	ps := &TimeBoxedPermissionSet{Name: props.Name, ExpiresAt: g.ExpiresAt}
	constructs.NewConstruct_Override(ps, scope, jsii.String(id))
	ps.Resource = awssso.NewCfnPermissionSet(ps.Construct, jsii.String(idResource), &awssso.CfnPermissionSetProps{
		InstanceArn:     jsii.String(props.InstanceArn),
		Name:            jsii.String(props.Name),
		Description:     jsii.String(desc),
		SessionDuration: jsii.String(check.FormatISODuration(session)),
		InlinePolicy:    policyDocument([]statement{g.statement()}),
	})
	return ps, nil
}

// PermissionSetName is the name that assignments use to refer to the permission set.
//
// The pointer receiver also lets jsii register the struct as the construct itself.
func (ps *TimeBoxedPermissionSet) PermissionSetName() string { return ps.Name }

// PermissionSetArn is the permission set's ARN, known at deploy time.
func (ps *TimeBoxedPermissionSet) PermissionSetArn() *string {
	return ps.Resource.AttrPermissionSetArn()
}
