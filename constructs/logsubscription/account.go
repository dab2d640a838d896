package logsubscription

import (
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Construct IDs are part of the public API: changing one replaces the resource.
const idResource = "Resource"

// AccountSubscription is the account-level subscription filter policy that streams the
// account's log groups in this region to the log archive.
type AccountSubscription struct {
	constructs.Construct
	// Policy is the AWS::Logs::AccountPolicy. CloudFormation has no L2 for it.
	Policy awslogs.CfnAccountPolicy
	// Role is what CloudWatch Logs assumes to check this account's right to send; pass
	// it to NewLogGroupSubscription to share it.
	Role awsiam.Role
	// Excluded lists the log groups the policy leaves out, the log archive's Firehose
	// error log group first.
	Excluded []string
	// SelectionCriteria is the policy's selection, as CloudWatch Logs stores it.
	SelectionCriteria string
}

// NewAccountSubscription validates props, then sets the account's subscription filter
// policy for the stack's region. On error nothing is added to scope.
func NewAccountSubscription(scope constructs.Construct, id string, props AccountSubscriptionProps) (*AccountSubscription, error) {
	if err := scopecheck.Check("logsubscription", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	stack := awscdk.Stack_Of(scope)
	err := props.validate(stackRegion(stack))
	var once check.List
	// PutAccountPolicy (CloudWatch Logs API Reference): an account holds one
	// account-level subscription filter policy per region.
	scopecheck.OnePerStack(&once, "AccountSubscriptionProps", scope, "AccountSubscription", "CloudWatch Logs keeps one account-level subscription filter policy per account and region")
	once.Merge("", err)
	if err := once.Err("logsubscription"); err != nil {
		return nil, err
	}
	p := props.withDefaults()
	s := &AccountSubscription{Excluded: excluded(logarchive.ErrorLogGroupName(p.DeliveryStreamName), p.ExcludeLogGroups)}
	s.SelectionCriteria = selectionCriteria(s.Excluded)
	// Registering s itself as the construct lets callers pass *AccountSubscription
	// wherever the CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(s, scope, jsii.String(id))
	scopecheck.Claim(scope, "AccountSubscription")

	s.Role = newSenderRole(s.Construct, p.DestinationArn)
	s.Policy = awslogs.NewCfnAccountPolicy(s.Construct, jsii.String(idResource), &awslogs.CfnAccountPolicyProps{
		PolicyName: jsii.String(p.PolicyName),
		PolicyType: jsii.String("SUBSCRIPTION_FILTER_POLICY"),
		Scope:      jsii.String("ALL"),
		PolicyDocument: stack.ToJsonString(map[string]interface{}{
			"DestinationArn": p.DestinationArn,
			"RoleArn":        s.Role.RoleArn(),
			"FilterPattern":  p.FilterPattern,
		}, nil),
		SelectionCriteria: jsii.String(s.SelectionCriteria),
	})
	// CloudWatch Logs assumes the role when the policy is put.
	s.Policy.Node().AddDependency(s.Role)
	return s, nil
}

// Covers reports whether the policy streams the log group named logGroupName, that is
// whether it is not excluded.
//
// Like every construct type of this module, AccountSubscription has a method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (s *AccountSubscription) Covers(logGroupName string) bool {
	return !slices.Contains(s.Excluded, logGroupName)
}
