package logsubscription

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// LogGroupSubscription streams one log group, with its own filter pattern, to the log
// archive.
type LogGroupSubscription struct {
	constructs.Construct
	// Filter is the subscription filter. The CDK's L2 SubscriptionFilter takes a
	// destination construct, not the ARN of another account's destination.
	Filter awslogs.CfnSubscriptionFilter
	// Role is what CloudWatch Logs assumes to check this account's right to send: the
	// one passed in props, or one created here.
	Role awsiam.IRole
	// DestinationArn is the destination the log group streams to.
	DestinationArn string
}

// NewLogGroupSubscription validates props, then subscribes the log group. On error
// nothing is added to scope.
func NewLogGroupSubscription(scope constructs.Construct, id string, props LogGroupSubscriptionProps) (*LogGroupSubscription, error) {
	if err := scopecheck.Check("logsubscription", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	if err := props.validate(stackRegion(awscdk.Stack_Of(scope))); err != nil {
		return nil, err
	}
	p := props.withDefaults()
	s := &LogGroupSubscription{Role: p.Role, DestinationArn: p.DestinationArn}
	// Registering s itself as the construct lets callers pass *LogGroupSubscription
	// wherever the CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(s, scope, jsii.String(id))
	if s.Role == nil {
		s.Role = newSenderRole(s.Construct, p.DestinationArn)
	}
	s.Filter = awslogs.NewCfnSubscriptionFilter(s.Construct, jsii.String(idResource), &awslogs.CfnSubscriptionFilterProps{
		LogGroupName:   jsii.String(p.LogGroupName),
		DestinationArn: jsii.String(p.DestinationArn),
		FilterName:     jsii.String(p.FilterName),
		FilterPattern:  jsii.String(p.FilterPattern),
		RoleArn:        s.Role.RoleArn(),
	})
	// CloudWatch Logs assumes the role when the filter is put.
	s.Filter.Node().AddDependency(s.Role)
	return s, nil
}

// Region returns the region of the destination, which is the log group's.
//
// Like every construct type of this module, LogGroupSubscription has a method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (s *LogGroupSubscription) Region() string {
	var l check.List
	arn, _ := check.ParseARN(&l, "", s.DestinationArn, "logs", "destination:")
	return arn.Region
}
