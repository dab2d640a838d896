package alerting_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

const (
	managementAccount = "111111111111"
	workloadAccount   = "222222222222"
	topicArn          = "arn:aws:sns:eu-west-1:123456789012:landingzone-alerts"
)

// synthTopic builds one alert topic in the test stack, with extra wiring from more.
func synthTopic(t *testing.T, props alerting.AlertTopicProps, more func(s awscdk.Stack, a *alerting.AlertTopic)) (*alerting.AlertTopic, *lztest.Template) {
	t.Helper()
	var topic *alerting.AlertTopic
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if topic, err = alerting.NewAlertTopic(s, "Alerts", props); err != nil {
			t.Fatalf("NewAlertTopic: %v", err)
		}
		if more != nil {
			more(s, topic)
		}
	})
	return topic, tpl
}

func TestAlertTopic(t *testing.T) {
	topic, tpl := synthTopic(t, alerting.AlertTopicProps{
		Emails:        []string{"security@example.com", "oncall@example.com"},
		Slack:         []alerting.SlackChannel{{WorkspaceID: "T07EA123LEP", ChannelID: "C07EZ1ABC23", LoggingLevel: alerting.LoggingInfo}},
		AlarmAccounts: []string{managementAccount, workloadAccount},
	}, func(s awscdk.Stack, a *alerting.AlertTopic) {
		// A rule routed with EventTarget must not add to either policy.
		awsevents.NewRule(s, jsii.String("Findings"), &awsevents.RuleProps{
			EventPattern: &awsevents.EventPattern{Source: jsii.Strings("aws.guardduty")},
			Targets:      &[]awsevents.IRuleTarget{a.EventTarget()},
		})
	})
	if topic.Name != alerting.DefaultTopicName {
		t.Errorf("Name = %q, want %q", topic.Name, alerting.DefaultTopicName)
	}

	// Encrypted with its own rotating, retained key.
	tpl.HasResourceProperties("AWS::SNS::Topic", map[string]any{
		"TopicName":        "landingzone-alerts",
		"KmsMasterKeyId":   map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^AlertsKey")), "Arn"}},
		"SignatureVersion": "2",
	})
	tpl.HasResource("AWS::KMS::Key", map[string]any{
		"Properties":     map[string]any{"EnableKeyRotation": true},
		"DeletionPolicy": "Retain",
	})
	assertKeyAdmitsPublishers(t, tpl, managementAccount, workloadAccount)
	assertTopicPolicy(t, tpl, managementAccount, workloadAccount)

	// E-mail and Slack subscribers.
	for _, e := range []string{"security@example.com", "oncall@example.com"} {
		tpl.HasResourceProperties("AWS::SNS::Subscription", map[string]any{"Protocol": "email", "Endpoint": e, "TopicArn": map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Alerts"))}})
	}
	tpl.HasResourceProperties("AWS::Chatbot::SlackChannelConfiguration", map[string]any{
		"ConfigurationName": "landingzone-alerts-C07EZ1ABC23",
		"SlackWorkspaceId":  "T07EA123LEP",
		"SlackChannelId":    "C07EZ1ABC23",
		"LoggingLevel":      "INFO",
		"SnsTopicArns":      []any{map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Alerts"))}},
		"GuardrailPolicies": []any{map[string]any{"Fn::Join": []any{"", []any{"arn:", map[string]any{"Ref": "AWS::Partition"}, ":iam::aws:policy/ReadOnlyAccess"}}}},
	})
	// The channel's role has no permissions: notifications need none, and the
	// guardrail caps what channel members could do.
	tpl.ResourceCountIs("AWS::IAM::Policy", 0)
	tpl.AllResourcesProperties("AWS::IAM::Role", map[string]any{"ManagedPolicyArns": assertions.Match_Absent()})

	tpl.HasResourceProperties("AWS::Events::Rule", map[string]any{
		"Targets": []any{map[string]any{"Arn": map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Alerts"))}, "Id": "Target0"}},
	})
	lztest.Golden(t, tpl)
}

// assertKeyAdmitsPublishers checks that the topic key lets EventBridge and CloudWatch
// encrypt for this topic only, and CloudWatch only for the listed accounts.
func assertKeyAdmitsPublishers(t *testing.T, tpl *lztest.Template, alarmAccounts ...string) {
	t.Helper()
	context := map[string]any{"kms:EncryptionContext:aws:sns:topicArn": topicArn}
	sourceAccounts := append([]any{lztest.Account}, anys(alarmAccounts)...)
	tpl.HasResourceProperties("AWS::KMS::Key", map[string]any{
		"KeyPolicy": map[string]any{"Statement": []any{
			map[string]any{"Action": "kms:*", "Effect": "Allow", "Principal": map[string]any{"AWS": "arn:aws:iam::123456789012:root"}, "Resource": "*"},
			map[string]any{
				"Sid": "DenyGrantsExceptForAWSServices", "Effect": "Deny", "Principal": map[string]any{"AWS": "*"},
				"Action": "kms:CreateGrant", "Resource": "*",
				"Condition": map[string]any{"BoolIfExists": map[string]any{"kms:GrantIsForAWSResource": "false", "aws:PrincipalIsAWSService": "false"}},
			},
			map[string]any{
				"Sid": "AllowEventBridgeToEncryptAlerts", "Effect": "Allow",
				"Principal": map[string]any{"Service": "events.amazonaws.com"},
				"Action":    []any{"kms:Decrypt", "kms:GenerateDataKey*"}, "Resource": "*",
				"Condition": map[string]any{"StringEquals": context},
			},
			map[string]any{
				"Sid": "AllowCloudWatchAlarmsToEncryptAlerts", "Effect": "Allow",
				"Principal": map[string]any{"Service": "cloudwatch.amazonaws.com"},
				"Action":    []any{"kms:Decrypt", "kms:GenerateDataKey*"}, "Resource": "*",
				"Condition": map[string]any{"StringEquals": map[string]any{
					"kms:EncryptionContext:aws:sns:topicArn": topicArn, "aws:SourceAccount": sourceAccounts,
				}},
			},
		}},
	})
}

// assertTopicPolicy checks the whole topic policy: TLS only, EventBridge of this
// account, CloudWatch alarms of this account and alarmAccounts, nothing else.
func assertTopicPolicy(t *testing.T, tpl *lztest.Template, alarmAccounts ...string) {
	t.Helper()
	topicRef := map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Alerts"))}
	sourceAccounts := any(lztest.Account)
	if len(alarmAccounts) > 0 {
		sourceAccounts = append([]any{lztest.Account}, anys(alarmAccounts)...)
	}
	tpl.ResourceCountIs("AWS::SNS::TopicPolicy", 1)
	tpl.HasResourceProperties("AWS::SNS::TopicPolicy", map[string]any{
		"PolicyDocument": map[string]any{"Statement": []any{
			map[string]any{
				"Sid": "AllowPublishThroughSSLOnly", "Effect": "Deny", "Principal": "*", "Action": "sns:Publish", "Resource": topicRef,
				"Condition": map[string]any{"Bool": map[string]any{"aws:SecureTransport": "false"}},
			},
			map[string]any{
				"Sid": "AllowEventBridgeRulesOfThisAccount", "Effect": "Allow", "Principal": map[string]any{"Service": "events.amazonaws.com"},
				"Action": "sns:Publish", "Resource": topicRef,
				"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": lztest.Account}},
			},
			map[string]any{
				"Sid": "AllowCloudWatchAlarms", "Effect": "Allow", "Principal": map[string]any{"Service": "cloudwatch.amazonaws.com"},
				"Action": "sns:Publish", "Resource": topicRef,
				"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": sourceAccounts}},
			},
		}},
	})
}

func anys(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// The zero value: a named, encrypted, TLS-only topic with no subscribers.
func TestAlertTopicDefaults(t *testing.T) {
	_, tpl := synthTopic(t, alerting.AlertTopicProps{}, nil)
	tpl.ResourceCountIs("AWS::SNS::Subscription", 0)
	tpl.ResourceCountIs("AWS::Chatbot::SlackChannelConfiguration", 0)
	tpl.HasResourceProperties("AWS::SNS::Topic", map[string]any{"TopicName": "landingzone-alerts", "DisplayName": "Landing zone alerts"})
	assertTopicPolicy(t, tpl)
	lztest.Golden(t, tpl)
}

// A key passed in is used as it is: the construct neither creates one nor edits it.
func TestAlertTopicWithOwnKey(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		key := awskms.Key_FromKeyArn(s, jsii.String("Shared"), jsii.String("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
		if _, err := alerting.NewAlertTopic(s, "Alerts", alerting.AlertTopicProps{Name: "security", Key: key}); err != nil {
			t.Fatal(err)
		}
	})
	tpl.ResourceCountIs("AWS::KMS::Key", 0)
	tpl.HasResourceProperties("AWS::SNS::Topic", map[string]any{
		"TopicName":      "security",
		"KmsMasterKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	})
}

func TestTopicArn(t *testing.T) {
	if got := alerting.TopicArn("123456789012", "eu-west-1", alerting.DefaultTopicName); got != topicArn {
		t.Errorf("TopicArn = %q, want %q", got, topicArn)
	}
}
