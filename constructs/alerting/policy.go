package alerting

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"
)

// The service principals that publish alerts.
const (
	eventsPrincipal     = "events.amazonaws.com"
	cloudwatchPrincipal = "cloudwatch.amazonaws.com"
)

// publishKeyActions are what a publisher to an encrypted topic needs of its key.
var publishKeyActions = []string{"kms:GenerateDataKey*", "kms:Decrypt"}

// topicArnContext is the encryption context SNS sets on the data keys of a topic.
const topicArnContext = "kms:EncryptionContext:aws:sns:topicArn"

// allowPublishersOnKey adds the key-policy statements that let EventBridge and
// CloudWatch encrypt messages for the topic arn, and nothing else.
//
// The EventBridge statement is scoped by the encryption context alone: the SNS
// developer guide states that aws:SourceAccount and aws:SourceArn are not supported in
// a key policy for EventBridge-to-encrypted-topic delivery, and with either condition
// every event would be dropped without an error. The topic policy still limits
// EventBridge to rules of this account.
func allowPublishersOnKey(key awskms.Key, arn string, alarmAccounts []string) {
	key.AddToResourcePolicy(allowService("AllowEventBridgeToEncryptAlerts", eventsPrincipal, publishKeyActions, "*",
		map[string]interface{}{topicArnContext: arn}), nil)
	key.AddToResourcePolicy(allowService("AllowCloudWatchAlarmsToEncryptAlerts", cloudwatchPrincipal, publishKeyActions, "*",
		map[string]interface{}{topicArnContext: arn, "aws:SourceAccount": oneOrMany(alarmAccounts)}), nil)
}

// admitPublishers adds the topic-policy statements that let EventBridge rules of the
// topic's account and CloudWatch alarms of alarmAccounts publish. The CDK's EnforceSSL
// adds the statement that denies publishing without TLS.
func admitPublishers(topic awssns.Topic, account string, alarmAccounts []string) {
	publish := []string{"sns:Publish"}
	topic.AddToResourcePolicy(allowService("AllowEventBridgeRulesOfThisAccount", eventsPrincipal, publish, *topic.TopicArn(),
		map[string]interface{}{"aws:SourceAccount": account}))
	topic.AddToResourcePolicy(allowService("AllowCloudWatchAlarms", cloudwatchPrincipal, publish, *topic.TopicArn(),
		map[string]interface{}{"aws:SourceAccount": oneOrMany(alarmAccounts)}))
}

// allowService is a statement that lets an AWS service principal take actions on
// resource when every StringEquals condition holds.
func allowService(sid, principal string, actions []string, resource string, equals map[string]interface{}) awsiam.PolicyStatement {
	return awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String(sid),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String(principal), nil)},
		Actions:    jsii.Strings(actions...),
		Resources:  jsii.Strings(resource),
		Conditions: &map[string]interface{}{"StringEquals": equals},
	})
}

// oneOrMany is a condition value: a string for one value, as policies are usually
// written, a list for several.
func oneOrMany(values []string) interface{} {
	if len(values) == 1 {
		return values[0]
	}
	return values
}
