package alerting

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awschatbot"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssnssubscriptions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// Construct IDs are part of the public API: changing one replaces the resource.
const (
	idResource = "Resource"
	idKey      = "Key"
	// idSlack prefixes the ID of each Chatbot channel configuration, followed by the
	// workspace and channel IDs.
	idSlack = "Slack"
)

// chatbotGuardrail is the AWS-managed policy that bounds what anyone can do through
// the Slack channels: read-only, whatever role a channel member would use.
const chatbotGuardrail = "ReadOnlyAccess"

// snsSignatureVersion makes SNS sign its messages with SHA256 instead of SHA1.
const snsSignatureVersion = "2"

// AlertTopic is the encrypted SNS topic that security findings and alarms publish to,
// with its subscribers.
type AlertTopic struct {
	constructs.Construct
	// Topic is the SNS topic.
	Topic awssns.Topic
	// Key encrypts the topic's messages.
	Key awskms.IKey
	// Name is the topic's physical name.
	Name string
	// Slack holds the AWS Chatbot configuration of each Slack channel, in the order of
	// AlertTopicProps.Slack.
	Slack []awschatbot.SlackChannelConfiguration
}

// TopicArn is the ARN of the alert topic named name in account and region, in the
// commercial partition: what an alarm in another account of the organization uses as
// its action.
func TopicArn(account, region, name string) string {
	return "arn:aws:sns:" + region + ":" + account + ":" + name
}

// NewAlertTopic validates props, then builds the topic, its key and its subscriptions.
// On error nothing is added to scope.
func NewAlertTopic(scope constructs.Construct, id string, props AlertTopicProps) (*AlertTopic, error) {
	if err := scopecheck.Check("alerting", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	stack := awscdk.Stack_Of(scope)
	p, err := props.validate(concreteAccount(stack))
	if err == nil && len(props.Slack) > 0 && !*awscdk.Token_IsUnresolved(stack.Region()) {
		var l check.List
		check.ResourceTypeRegion(&l, "the stack's region", *stack.Region(), "AWS::Chatbot::SlackChannelConfiguration", "AlertTopicProps.Slack")
		err = l.Err("alerting")
	}
	if err != nil {
		return nil, err
	}
	a := &AlertTopic{Name: p.Name}
	// Registering a itself as the construct lets callers pass *AlertTopic wherever the
	// CDK wants a construct.
	constructs.NewConstruct_Override(a, scope, jsii.String(id))
	c := a.Construct

	account := *stack.Account()
	arn := "arn:" + *stack.Partition() + ":sns:" + *stack.Region() + ":" + account + ":" + p.Name
	alarmAccounts := append([]string{account}, p.AlarmAccounts...)
	a.Key = p.Key
	if a.Key == nil {
		key := secure.NewKey(c, idKey, "Encrypts the landing zone alert topic "+p.Name)
		allowPublishersOnKey(key, arn, alarmAccounts)
		a.Key = key
	}
	a.Topic = awssns.NewTopic(c, jsii.String(idResource), &awssns.TopicProps{
		TopicName:        jsii.String(p.Name),
		DisplayName:      jsii.String(p.DisplayName),
		MasterKey:        a.Key,
		EnforceSSL:       jsii.Bool(true),
		SignatureVersion: jsii.String(snsSignatureVersion),
	})
	admitPublishers(a.Topic, account, alarmAccounts)

	for _, e := range p.Emails {
		a.Topic.AddSubscription(awssnssubscriptions.NewEmailSubscription(jsii.String(e), nil))
	}
	guardrails := []awsiam.IManagedPolicy{awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(chatbotGuardrail))}
	for _, s := range p.Slack {
		a.Slack = append(a.Slack, awschatbot.NewSlackChannelConfiguration(c, jsii.String(idSlack+s.WorkspaceID+s.ChannelID), &awschatbot.SlackChannelConfigurationProps{
			SlackChannelConfigurationName: jsii.String(s.Name),
			SlackWorkspaceId:              jsii.String(s.WorkspaceID),
			SlackChannelId:                jsii.String(s.ChannelID),
			NotificationTopics:            &[]awssns.ITopic{a.Topic},
			GuardrailPolicies:             &guardrails,
			LoggingLevel:                  awschatbot.LoggingLevel(s.LoggingLevel),
		}))
	}
	return a, nil
}

// EventTarget returns an EventBridge rule target that publishes matched events,
// unchanged, to the topic; AWS Chatbot formats GuardDuty, Security Hub and Config
// events only when they arrive unchanged.
//
// Like every construct type of this module, AlertTopic has at least one method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (a *AlertTopic) EventTarget() awsevents.IRuleTarget {
	return EventTarget(a.Topic)
}

// concreteAccount is the stack's account, or empty for an environment-agnostic stack.
func concreteAccount(stack awscdk.Stack) string {
	if *awscdk.Token_IsUnresolved(stack.Account()) {
		return ""
	}
	return *stack.Account()
}
