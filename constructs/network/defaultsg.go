package network

import (
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsconfig"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
)

// DefaultSecurityGroupMode selects how the VPC's default security group loses its
// rules. Either way it ends with none, so that nothing placed in it by accident can
// talk to anything. The zero value is DefaultSecurityGroupCustomResource.
type DefaultSecurityGroupMode string

const (
	// DefaultSecurityGroupCustomResource removes the rules at deploy time with the
	// CDK's own custom resource (a Lambda function). Immediate, but the stack then
	// holds an asset and a custom resource.
	DefaultSecurityGroupCustomResource DefaultSecurityGroupMode = "custom-resource"
	// DefaultSecurityGroupConfigRemediation adds the AWS Config rule
	// vpc-default-security-group-closed for this group, with automatic remediation by
	// the AWS-managed SSM document AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules.
	// No asset and no custom resource, so it suits StackSets; it needs an AWS Config
	// recorder in the account and acts minutes after the VPC exists, not at once.
	DefaultSecurityGroupConfigRemediation DefaultSecurityGroupMode = "config-remediation"
)

// DefaultSecurityGroupModes returns the modes, the default first, in a new slice at each
// call.
func DefaultSecurityGroupModes() []DefaultSecurityGroupMode {
	return []DefaultSecurityGroupMode{DefaultSecurityGroupCustomResource, DefaultSecurityGroupConfigRemediation}
}

// Valid reports whether m is a known mode or the zero value.
func (m DefaultSecurityGroupMode) Valid() bool {
	return m == "" || slices.Contains(DefaultSecurityGroupModes(), m)
}

func (m DefaultSecurityGroupMode) orDefault() DefaultSecurityGroupMode {
	if m == "" {
		return DefaultSecurityGroupCustomResource
	}
	return m
}

// DefaultSecurityGroupRuleID is the construct ID, under the Vpc, of the Config rule
// of DefaultSecurityGroupConfigRemediation. A stack that also creates the account's
// Config recorder makes the rule depend on it.
const DefaultSecurityGroupRuleID = "DefaultSecurityGroupClosed"

// remediationDocument is the AWS-managed automation that revokes every rule of a
// security group given by ID.
const remediationDocument = "AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules"

// remediationAttempts and remediationRetrySeconds bound the automatic remediation.
const (
	remediationAttempts     = 5
	remediationRetrySeconds = 60
)

// closeWithConfig adds the Config rule and automatic remediation that empty the
// default security group of vpc.
func closeWithConfig(scope constructs.Construct, vpc awsec2.Vpc) {
	stack := awscdk.Stack_Of(scope)
	groupID := vpc.VpcDefaultSecurityGroup()
	groupArn := "arn:" + *stack.Partition() + ":ec2:" + *stack.Region() + ":" + *stack.Account() + ":security-group/" + *groupID

	rule := awsconfig.NewManagedRule(scope, jsii.String(DefaultSecurityGroupRuleID), &awsconfig.ManagedRuleProps{
		Identifier:  awsconfig.ManagedRuleIdentifiers_VPC_DEFAULT_SECURITY_GROUP_CLOSED(),
		Description: jsii.String("The default security group of " + *vpc.Node().Path() + " has no rules"),
		RuleScope:   awsconfig.RuleScope_FromResource(awsconfig.ResourceType_EC2_SECURITY_GROUP(), groupID),
	})

	role := awsiam.NewRole(scope, jsii.String("DefaultSecurityGroupRemediationRole"), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("ssm.amazonaws.com"), nil).WithConditions(&map[string]interface{}{
			"StringEquals": map[string]interface{}{"aws:SourceAccount": *stack.Account()},
		}),
		Description: jsii.String("Lets SSM Automation revoke the rules of one default security group"),
	})
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress"),
		Resources: jsii.Strings(groupArn),
	}))
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("ec2:DescribeSecurityGroups"),
		Resources: jsii.Strings("*"),
	}))
	nag.Suppress(role, true, nag.Rule{
		ID: "AwsSolutions-IAM5", Reason: "ec2:DescribeSecurityGroups has no resource-level permissions; the revoke actions are limited to the one default security group",
		AppliesTo: []string{"Resource::*"},
	})

	awsconfig.NewCfnRemediationConfiguration(scope, jsii.String("DefaultSecurityGroupRemediation"), &awsconfig.CfnRemediationConfigurationProps{
		ConfigRuleName:           rule.ConfigRuleName(),
		TargetType:               jsii.String("SSM_DOCUMENT"),
		TargetId:                 jsii.String(remediationDocument),
		Automatic:                jsii.Bool(true),
		MaximumAutomaticAttempts: jsii.Number(remediationAttempts),
		RetryAttemptSeconds:      jsii.Number(remediationRetrySeconds),
		Parameters: map[string]interface{}{
			"AutomationAssumeRole": map[string]interface{}{"StaticValue": map[string]interface{}{"Values": []string{*role.RoleArn()}}},
			"GroupId":              map[string]interface{}{"ResourceValue": map[string]interface{}{"Value": "RESOURCE_ID"}},
		},
	})
}
