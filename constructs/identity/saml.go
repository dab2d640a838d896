package identity

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// SamlFederationProps configures NewSamlFederation. MetadataDocument is required.
type SamlFederationProps struct {
	// ProviderName is the SAML provider's physical name, which the identity provider
	// sends in its assertions: 1-128 letters, digits and +=,.@_-. Empty means
	// DefaultSamlProviderName.
	ProviderName string
	// MetadataDocument is the identity provider's SAML 2.0 metadata, as XML: an
	// EntityDescriptor with an IDPSSODescriptor, 1,000 to 10,000,000 characters.
	// Required.
	MetadataDocument string
	// Roles are the roles the identity provider may sign its users into. Empty means
	// none: the provider alone.
	Roles []SamlRole
}

// SamlRole is an IAM role for users of an external identity provider, with a persona's
// permissions. Name and Persona are required.
type SamlRole struct {
	// Name is the role's physical name, which the identity provider pairs with the
	// provider's ARN in the https://aws.amazon.com/SAML/Attributes/Role attribute: 1-64
	// letters, digits and +=,.@_-. Required and unique.
	Name string
	// Persona picks the permissions. Required.
	Persona Persona
	// MaxSessionDuration is the longest session, PT1H to PT12H. Empty means
	// DefaultSessionDuration.
	MaxSessionDuration string
	// BoundaryPolicyName makes the customer-managed policy of that name in this
	// account, "Name" or "/path/Name", the permissions boundary. Empty means none.
	BoundaryPolicyName string
	// BoundaryManagedPolicy makes the AWS managed policy of that name the permissions
	// boundary. Empty means none. At most one of the two.
	BoundaryManagedPolicy string
	// ContentTagKey and ContentTagValue are the bucket tag that admits
	// PersonaContentEditor. Empty means DefaultContentTagKey and DefaultContentTagValue.
	ContentTagKey   string
	ContentTagValue string
}

func (r SamlRole) access() access {
	return access{r.Persona, r.BoundaryPolicyName, r.BoundaryManagedPolicy, r.ContentTagKey, r.ContentTagValue}
}

// Validate reports every problem in p, with fields named as in SamlFederationProps.
func (p SamlFederationProps) Validate() error {
	_, err := p.validate()
	return err
}

func (p SamlFederationProps) validate() (SamlFederationProps, error) {
	var l check.List
	if p.ProviderName == "" {
		p.ProviderName = DefaultSamlProviderName
	}
	if !samlProviderNamePattern.MatchString(p.ProviderName) {
		l.Addf("SamlFederationProps.ProviderName", p.ProviderName, "not a SAML provider name: 1-128 letters, digits and +=,.@_-")
	}
	samlMetadata(&l, "SamlFederationProps.MetadataDocument", p.MetadataDocument)
	names := make([]string, len(p.Roles))
	for i, r := range p.Roles {
		prefix := fmt.Sprintf("SamlFederationProps.Roles[%d].", i)
		roleName(&l, prefix+"Name", r.Name)
		r.access().validate(&l, prefix)
		sessionDuration(&l, prefix+"MaxSessionDuration", r.MaxSessionDuration)
		names[i] = r.Name
	}
	check.Duplicates(&l, "SamlFederationProps.Roles[%d].Name", names)
	return p, l.Err("identity")
}

// SamlFederation is an IAM SAML provider and the roles its users may assume.
type SamlFederation struct {
	constructs.Construct
	// Provider is the SAML provider.
	Provider awsiam.SamlProvider
	// Roles are the roles of SamlFederationProps.Roles, in the same order.
	Roles []awsiam.Role
	names []string
}

// Construct IDs inside a SamlFederation; each role takes its name as its ID.
const idProvider = "Provider"

// NewSamlFederation validates props, then creates the provider and the roles. On error
// nothing is added to scope.
//
// Each role trusts the provider for console sign-in: sts:AssumeRoleWithSAML on the
// condition that the assertion's audience (SAML:aud) is the AWS sign-in endpoint.
func NewSamlFederation(scope constructs.Construct, id string, props SamlFederationProps) (*SamlFederation, error) {
	if err := scopecheck.Check("identity", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	p, err := props.validate()
	if err != nil {
		return nil, err
	}
	f := &SamlFederation{}
	constructs.NewConstruct_Override(f, scope, jsii.String(id))
	f.Provider = awsiam.NewSamlProvider(f.Construct, jsii.String(idProvider), &awsiam.SamlProviderProps{
		Name:             jsii.String(p.ProviderName),
		MetadataDocument: awsiam.SamlMetadataDocument_FromXml(jsii.String(p.MetadataDocument)),
	})
	partition, shown := rolePartition(f.Construct)
	for _, spec := range p.Roles {
		f.Roles = append(f.Roles, f.newRole(spec, partition, shown))
		f.names = append(f.names, spec.Name)
	}
	return f, nil
}

// newRole creates the role of spec.
func (f *SamlFederation) newRole(spec SamlRole, partition, shown string) awsiam.Role {
	a := spec.access()
	session, _ := check.ParseISODuration(orDefault(spec.MaxSessionDuration, DefaultSessionDuration))
	props := &awsiam.RoleProps{
		RoleName:           jsii.String(spec.Name),
		Description:        jsii.String(personaSpecs[spec.Persona].description + ", for users of the external identity provider"),
		AssumedBy:          awsiam.NewSamlConsolePrincipal(f.Provider, nil),
		MaxSessionDuration: awscdk.Duration_Seconds(jsii.Number(session.Seconds())),
	}
	var managed []awsiam.IManagedPolicy
	for _, name := range a.managedPolicies() {
		managed = append(managed, awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(name)))
	}
	if len(managed) > 0 {
		props.ManagedPolicies = &managed
	}
	if doc := policyDocument(a.statements(partition)); doc != nil {
		props.InlinePolicies = &map[string]awsiam.PolicyDocument{string(spec.Persona): awsiam.PolicyDocument_FromJson(doc)}
	}
	switch {
	case a.boundaryPolicyName != "":
		path, name := splitPolicyPath(a.boundaryPolicyName)
		stack := awscdk.Stack_Of(f.Construct)
		arn := "arn:" + partition + ":iam::" + *stack.Account() + ":policy" + path + name
		props.PermissionsBoundary = awsiam.ManagedPolicy_FromManagedPolicyArn(f.Construct, jsii.String("Boundary:"+spec.Name), jsii.String(arn))
	case a.boundaryManagedPolicy != "":
		props.PermissionsBoundary = awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(a.boundaryManagedPolicy))
	}
	role := awsiam.NewRole(f.Construct, jsii.String(spec.Name), props)
	suppressManagedPolicies(role, a.managedPolicies(),
		"the persona "+string(spec.Persona)+" is defined by AWS-maintained policies, which follow new services; its permissions are listed in the identity package documentation")
	suppressWildcards(role, a.statements(shown), personaSpecs[spec.Persona].wildcards)
	return role
}

// Role returns the role named name, or nil.
//
// The pointer receiver also lets jsii register the struct as the construct itself.
func (f *SamlFederation) Role(name string) awsiam.Role {
	for i, n := range f.names {
		if n == name {
			return f.Roles[i]
		}
	}
	return nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
