package configrules

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsconfig"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// organizationsRolePolicy is the AWS managed policy that lets AWS Config list the
// organization's accounts for an organization aggregator.
const organizationsRolePolicy = "service-role/AWSConfigRoleForOrganizations"

// OrganizationAggregatorProps configures NewOrganizationAggregator. The zero value
// aggregates every account of the organization in every region, including regions
// AWS adds later.
type OrganizationAggregatorProps struct {
	// Regions limits aggregation to these regions, such as "eu-west-1". Empty means
	// all regions, present and future.
	Regions []string
	// Role is the role the aggregator reads the organization with. Nil creates one
	// with the AWS managed policy AWSConfigRoleForOrganizations that only this
	// account's AWS Config may assume.
	Role awsiam.IRole
}

// Validate reports every problem in p, with fields named as in
// OrganizationAggregatorProps.
func (p OrganizationAggregatorProps) Validate() error {
	var l check.List
	for i, region := range p.Regions {
		check.Region(&l, check.Index("OrganizationAggregatorProps.Regions", i), region)
	}
	check.Duplicates(&l, "OrganizationAggregatorProps.Regions[%d]", p.Regions)
	return l.Err("configrules")
}

// OrganizationAggregator collects the configuration and compliance data of every
// account of the organization into the account it is deployed to, the audit account.
// It works once the management account has enabled trusted access for ServicePrincipal
// and registered this account as its delegated administrator.
type OrganizationAggregator struct {
	constructs.Construct
	// Aggregator is the organization aggregator.
	Aggregator awsconfig.CfnConfigurationAggregator
	// Role is the role it reads the organization with.
	Role awsiam.IRole
}

// NewOrganizationAggregator validates props, then creates the aggregator. On error
// nothing is added to scope.
func NewOrganizationAggregator(scope constructs.Construct, id string, props OrganizationAggregatorProps) (*OrganizationAggregator, error) {
	if err := scopecheck.Check("configrules", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	if err := props.Validate(); err != nil {
		return nil, err
	}
	a := &OrganizationAggregator{Role: props.Role}
	constructs.NewConstruct_Override(a, scope, jsii.String(id))
	c := a.Construct
	if a.Role == nil {
		a.Role = newConfigRole(c, "Lets the AWS Config organization aggregator list the organization's accounts", organizationsRolePolicy,
			"AWSConfigRoleForOrganizations is the AWS-maintained policy an organization aggregator requires: read-only access to the organization's account list")
	}
	source := &awsconfig.CfnConfigurationAggregator_OrganizationAggregationSourceProperty{RoleArn: a.Role.RoleArn()}
	if len(props.Regions) == 0 {
		source.AllAwsRegions = jsii.Bool(true)
	} else {
		source.AwsRegions = jsii.Strings(props.Regions...)
	}
	a.Aggregator = awsconfig.NewCfnConfigurationAggregator(c, jsii.String(idResource), &awsconfig.CfnConfigurationAggregatorProps{
		OrganizationAggregationSource: source,
	})
	// The role's managed policy must be attached before the aggregator uses it.
	a.Aggregator.Node().AddDependency(a.Role)
	return a, nil
}

// Name returns the aggregator's name, as a CloudFormation token.
//
// OrganizationAggregator has a method with a pointer receiver so that jsii registers
// the Go struct as the construct itself.
func (a *OrganizationAggregator) Name() string { return *a.Aggregator.Ref() }
