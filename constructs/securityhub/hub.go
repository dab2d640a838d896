package securityhub

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssecurityhub"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Construct IDs are part of the public API: changing one replaces the resource.
const (
	idFindingAggregator         = "FindingAggregator"
	idOrganizationConfiguration = "OrganizationConfiguration"
	idConfigurationPolicy       = "ConfigurationPolicy"
	idPolicyAssociation         = "PolicyAssociation"
	idAlertRule                 = "AlertRule"
	idAlertRole                 = "AlertRole"
)

// Hub is Security Hub's organization-wide configuration, run from the delegated
// administrator's home region, and the alerting of its findings.
type Hub struct {
	constructs.Construct
	// FindingAggregator brings the findings of the linked regions to this one.
	FindingAggregator awssecurityhub.CfnFindingAggregator
	// OrganizationConfiguration switches the organization to central configuration.
	OrganizationConfiguration awssecurityhub.CfnOrganizationConfiguration
	// ConfigurationPolicy turns Security Hub and its standards on.
	ConfigurationPolicy awssecurityhub.CfnConfigurationPolicy
	// PolicyAssociation applies the policy to the organization's root.
	PolicyAssociation awssecurityhub.CfnPolicyAssociation
	// AlertRule sends the findings that alert to the alert topic.
	AlertRule awsevents.Rule
	// AlertRole is the role AlertRule publishes to the alert topic with.
	AlertRole awsiam.Role

	standards []string
}

// NewHub validates props, then configures Security Hub for the organization from the
// stack's account, which must be the delegated administrator (see NewDelegatedAdmin),
// and region, which becomes the home region. On error nothing is added to scope.
func NewHub(scope constructs.Construct, id string, props HubProps) (*Hub, error) {
	if err := scopecheck.Check("securityhub", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	stack := awscdk.Stack_Of(scope)
	home := ""
	if !*awscdk.Token_IsUnresolved(stack.Region()) {
		home = *stack.Region()
	}
	l := props.validate(home)
	check.ResourceTypeRegion(l, "the stack's region", home, "AWS::SecurityHub::FindingAggregator", "the hub's finding aggregation")
	if err := l.Err("securityhub"); err != nil {
		return nil, err
	}
	h := &Hub{standards: []string{
		FoundationalStandardArn(*stack.Partition(), *stack.Region()),
		CISStandardArn(*stack.Partition(), *stack.Region(), props.CISVersion.orDefault()),
	}}
	// Registering h itself as the construct lets callers pass *Hub wherever the CDK
	// wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(h, scope, jsii.String(id))
	c := h.Construct

	aggregator := &awssecurityhub.CfnFindingAggregatorProps{RegionLinkingMode: jsii.String("ALL_REGIONS")}
	if len(props.LinkedRegions) > 0 {
		aggregator.RegionLinkingMode = jsii.String("SPECIFIED_REGIONS")
		aggregator.Regions = jsii.Strings(props.LinkedRegions...)
	}
	h.FindingAggregator = awssecurityhub.NewCfnFindingAggregator(c, jsii.String(idFindingAggregator), aggregator)

	// Central configuration replaces the auto-enable settings, which must be off, and
	// needs the finding aggregator first.
	h.OrganizationConfiguration = awssecurityhub.NewCfnOrganizationConfiguration(c, jsii.String(idOrganizationConfiguration), &awssecurityhub.CfnOrganizationConfigurationProps{
		ConfigurationType:   jsii.String("CENTRAL"),
		AutoEnable:          jsii.Bool(false),
		AutoEnableStandards: jsii.String("NONE"),
	})
	h.OrganizationConfiguration.Node().AddDependency(h.FindingAggregator)

	// Listing the disabled controls, even none, keeps every other control on,
	// including those AWS adds to the standards later.
	disabled := append([]string{}, props.DisabledControls...)
	h.ConfigurationPolicy = awssecurityhub.NewCfnConfigurationPolicy(c, jsii.String(idConfigurationPolicy), &awssecurityhub.CfnConfigurationPolicyProps{
		Name:        jsii.String(PolicyName),
		Description: jsii.String("Security Hub with AWS Foundational Security Best Practices and the CIS AWS Foundations Benchmark in every account"),
		ConfigurationPolicy: &awssecurityhub.CfnConfigurationPolicy_PolicyProperty{
			SecurityHub: &awssecurityhub.CfnConfigurationPolicy_SecurityHubPolicyProperty{
				ServiceEnabled:             jsii.Bool(true),
				EnabledStandardIdentifiers: jsii.Strings(h.standards...),
				SecurityControlsConfiguration: &awssecurityhub.CfnConfigurationPolicy_SecurityControlsConfigurationProperty{
					DisabledSecurityControlIdentifiers: jsii.Strings(disabled...),
				},
			},
		},
	})
	h.ConfigurationPolicy.Node().AddDependency(h.OrganizationConfiguration)

	h.PolicyAssociation = awssecurityhub.NewCfnPolicyAssociation(c, jsii.String(idPolicyAssociation), &awssecurityhub.CfnPolicyAssociationProps{
		ConfigurationPolicyId: h.ConfigurationPolicy.AttrId(),
		TargetType:            jsii.String("ROOT"),
		TargetId:              jsii.String(props.OrganizationRootID),
	})

	h.addAlerts(props)
	return h, nil
}

// Standards returns the ARNs of the standards the configuration policy enables. Their
// partition is a token unless the app sets the feature flag
// @aws-cdk/core:enablePartitionLiterals, as this repository's cdk.json does.
//
// Like every construct type of this module, Hub has a method with a pointer receiver:
// jsii registers such a Go struct as the construct itself.
func (h *Hub) Standards() []string { return append([]string(nil), h.standards...) }
