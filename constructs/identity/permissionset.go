package identity

import (
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2/awssso"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// DefaultSessionDuration is how long a permission set's session, or a role's, lasts
// unless its props say otherwise: one hour, the Identity Center default, so that a
// forgotten browser tab does not stay signed in for a working day.
const DefaultSessionDuration = "PT1H"

// Construct IDs are part of the public API: changing one replaces the resource.
const idResource = "Resource"

// PermissionSetProps configures NewPermissionSet. InstanceArn and Persona are
// required; every other zero field means the documented default.
type PermissionSetProps struct {
	// InstanceArn is the IAM Identity Center instance, such as
	// "arn:aws:sso:::instance/ssoins-0123456789abcdef". Required.
	InstanceArn string
	// Persona picks the permissions. Required.
	Persona Persona
	// Name is the permission set's name, shown in the AWS access portal and in the
	// names of the roles Identity Center creates in each account
	// (AWSReservedSSO_<Name>_<suffix>): 1-32 letters, digits and +=,.@_-. Empty means
	// the persona's DefaultName.
	Name string
	// Description is shown in the access portal, up to 700 characters. Empty means the
	// persona's own description.
	Description string
	// SessionDuration is how long a session lasts, an ISO 8601 duration from PT1H to
	// PT12H. Empty means DefaultSessionDuration.
	SessionDuration string
	// BoundaryPolicyName makes the customer-managed policy of that name, "Name" or
	// "/path/Name", the permissions boundary. The policy must exist in every account the
	// permission set is assigned to (a StackSet can put it there). Empty means no
	// customer-managed boundary.
	BoundaryPolicyName string
	// BoundaryManagedPolicy makes the AWS managed policy of that name, such as
	// "PowerUserAccess", the permissions boundary. Empty means none. At most one of
	// BoundaryPolicyName and BoundaryManagedPolicy.
	BoundaryManagedPolicy string
	// ContentTagKey and ContentTagValue are the bucket tag that admits
	// PersonaContentEditor. Empty means DefaultContentTagKey and DefaultContentTagValue.
	// An error with any other persona.
	ContentTagKey   string
	ContentTagValue string
}

func (p PermissionSetProps) access() access {
	return access{p.Persona, p.BoundaryPolicyName, p.BoundaryManagedPolicy, p.ContentTagKey, p.ContentTagValue}
}

// Validate reports every problem in p, with fields named as in PermissionSetProps
// ("PermissionSetProps.SessionDuration"). Configuration loaders use it to report
// mistakes before building anything.
func (p PermissionSetProps) Validate() error {
	_, err := p.validate()
	return err
}

// resolvedPermissionSet is what validation makes of the props of a permission set.
type resolvedPermissionSet struct {
	partition   string
	name        string
	description string
	session     time.Duration
}

func (p PermissionSetProps) validate() (resolvedPermissionSet, error) {
	var l check.List
	r := resolvedPermissionSet{name: p.Name, description: p.Description}
	r.partition, _ = instanceArn(&l, "PermissionSetProps.InstanceArn", p.InstanceArn)
	p.access().validate(&l, "PermissionSetProps.")
	if r.name == "" {
		r.name = p.Persona.DefaultName()
	}
	if p.Name != "" || p.Persona.Valid() {
		permissionSetName(&l, "PermissionSetProps.Name", r.name)
	}
	if r.description == "" {
		r.description = personaSpecs[p.Persona].description
	}
	description(&l, "PermissionSetProps.Description", p.Description)
	r.session = sessionDuration(&l, "PermissionSetProps.SessionDuration", p.SessionDuration)
	return r, l.Err("identity")
}

// PermissionSet is an Identity Center permission set of one persona.
type PermissionSet struct {
	constructs.Construct
	// Resource is the permission set.
	Resource awssso.CfnPermissionSet
	// Name is the permission set's name, which assignments refer to.
	Name string
	// Persona is the persona it grants.
	Persona Persona
	// SessionDuration is its resolved session length.
	SessionDuration time.Duration
}

// NewPermissionSet validates props, then creates the permission set. On error nothing
// is added to scope.
func NewPermissionSet(scope constructs.Construct, id string, props PermissionSetProps) (*PermissionSet, error) {
	if err := scopecheck.Check("identity", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	r, err := props.validate()
	if err != nil {
		return nil, err
	}
	a := props.access()
	ps := &PermissionSet{Name: r.name, Persona: props.Persona, SessionDuration: r.session}
	constructs.NewConstruct_Override(ps, scope, jsii.String(id))

	cfn := &awssso.CfnPermissionSetProps{
		InstanceArn:     jsii.String(props.InstanceArn),
		Name:            jsii.String(r.name),
		Description:     jsii.String(r.description),
		SessionDuration: jsii.String(check.FormatISODuration(r.session)),
	}
	// An interface field holding a nil pointer is not nil: set it only when needed.
	if b := boundary(r.partition, a); b != nil {
		cfn.PermissionsBoundary = b
	}
	var managed []*string
	for _, name := range a.managedPolicies() {
		managed = append(managed, jsii.String(managedPolicyArn(r.partition, name)))
	}
	if len(managed) > 0 {
		cfn.ManagedPolicies = &managed
	}
	if doc := policyDocument(a.statements(r.partition)); doc != nil {
		cfn.InlinePolicy = doc
	}
	ps.Resource = awssso.NewCfnPermissionSet(ps.Construct, jsii.String(idResource), cfn)
	return ps, nil
}

// boundary is the PermissionsBoundary property for a's options, or nil for none.
func boundary(partition string, a access) *awssso.CfnPermissionSet_PermissionsBoundaryProperty {
	switch {
	case a.boundaryPolicyName != "":
		path, name := splitPolicyPath(a.boundaryPolicyName)
		return &awssso.CfnPermissionSet_PermissionsBoundaryProperty{
			CustomerManagedPolicyReference: &awssso.CfnPermissionSet_CustomerManagedPolicyReferenceProperty{Name: jsii.String(name), Path: jsii.String(path)},
		}
	case a.boundaryManagedPolicy != "":
		return &awssso.CfnPermissionSet_PermissionsBoundaryProperty{ManagedPolicyArn: jsii.String(managedPolicyArn(partition, a.boundaryManagedPolicy))}
	}
	return nil
}

// PermissionSetName is the name that assignments use to refer to the permission set.
//
// Like every construct type of this module, PermissionSet has methods with pointer
// receivers: jsii registers such a Go struct as the construct itself.
func (ps *PermissionSet) PermissionSetName() string { return ps.Name }

// PermissionSetArn is the permission set's ARN, known at deploy time.
func (ps *PermissionSet) PermissionSetArn() *string { return ps.Resource.AttrPermissionSetArn() }
