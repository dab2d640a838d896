package alerting

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/interfaces/interfacesawsevents"
)

// EventTarget returns an EventBridge rule target that publishes matched events,
// unchanged, to topic. Unlike the CDK's events-targets SnsTopic it adds no statement to
// the topic's or its key's policy, which would admit EventBridge without conditions: the
// topic must already admit EventBridge rules of its account, as an AlertTopic does. The
// rule and the topic must be in the same account and region; findings of other
// accounts reach the topic through their delegated administrator's rules.
func EventTarget(topic awssns.ITopic) awsevents.IRuleTarget {
	return &topicTarget{topic: topic}
}

// topicTarget is a rule target implemented in Go; jsii calls Bind when the rule adds it.
type topicTarget struct {
	topic awssns.ITopic
}

// Bind returns the target's configuration: the topic's ARN and nothing to grant.
func (t *topicTarget) Bind(_ interfacesawsevents.IRuleRef, _ *string) *awsevents.RuleTargetConfig {
	return &awsevents.RuleTargetConfig{Arn: t.topic.TopicArn()}
}
