// Package alerting routes security alerts to people: an encrypted SNS topic with e-mail
// and Slack subscribers, CloudWatch alarms on log patterns, and the CIS AWS Foundations
// monitoring alarms on the organization trail's log group.
//
// # The alert topic
//
// NewAlertTopic creates one SNS topic per account and region, encrypted with a
// customer-managed KMS key. The topic policy refuses publishing without TLS and admits
// two AWS services: EventBridge rules of the topic's own account (GuardDuty, Security
// Hub and AWS Config findings) and CloudWatch alarms of the topic's account and of the
// accounts listed in AlarmAccounts (the management account's trail alarms, workload
// log-pattern alarms). The key policy lets the same two services encrypt messages, scoped
// to this topic by the encryption context SNS sets. Subscribers are e-mail addresses
// and Slack channels through AWS Chatbot, whose channels are read-only
// (ReadOnlyAccess guardrail).
//
// The topic has a physical name, so that alarms in other accounts can find it by
// TopicArn without CloudFormation exports.
//
// # Alarms
//
// NewLogPatternAlarm turns a CloudWatch Logs filter pattern into a metric, an alarm on
// it and a notification to a topic. NewTrailAlarms creates one such alarm for each of
// the CIS AWS Foundations Benchmark monitoring controls (CISAlarms), with the exact
// filter patterns that AWS Security Hub checks for controls CloudWatch.1 to 14, plus
// AWS Organizations changes (CIS 4.15).
//
// Every EventBridge rule or alarm that routes to a topic of this package should use
// EventTarget or the alarm's SNS action: neither adds a policy statement, because the
// topic and key policies already admit exactly those publishers. (The CDK's own
// events-targets SnsTopic would add an unconditioned statement for EventBridge to both
// policies.)
//
// # Cost
//
// From the AWS price lists (us-east-1, https://aws.amazon.com/cloudwatch/pricing/,
// https://aws.amazon.com/sns/pricing/, https://aws.amazon.com/kms/pricing/): each
// alarm is USD 0.10 a month and each metric of a metric filter USD 0.30, so
// NewTrailAlarms costs about USD 6 a month per region (15 alarms and metrics); the
// topic's KMS key is USD 1 a month plus USD 0.03 per 10,000 requests; SNS e-mail is
// free for the first 1,000 notifications a month, then USD 2 per 100,000; AWS Chatbot
// costs nothing beyond the SNS delivery.
package alerting

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
