package logsubscription

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
)

// Defaults of the props.
const (
	// DefaultPolicyName names the account-level subscription filter policy.
	DefaultPolicyName = "landingzone-log-archive"
	// DefaultFilterName names a log group's subscription filter.
	DefaultFilterName = "landingzone-log-archive"
)

// MaxSelectionCriteriaBytes is the longest selection criteria CloudWatch Logs accepts
// for an account policy (25 KB, counted in UTF-8 bytes).
const MaxSelectionCriteriaBytes = 25 * 1000

// AccountSubscriptionProps configures NewAccountSubscription. DestinationArn is
// required; the zero value of every other field streams every event of every log group
// except the log archive's Firehose error log group.
type AccountSubscriptionProps struct {
	// DestinationArn is the log archive's CloudWatch Logs destination in this stack's
	// region: logarchive.DestinationArn(region, logArchiveAccount, name). Required.
	DestinationArn string
	// ExcludeLogGroups lists further log groups, by exact name, that the policy leaves
	// out, such as log groups whose events must not leave the account. Empty excludes
	// only the Firehose error log group, which is always excluded.
	ExcludeLogGroups []string
	// FilterPattern selects the events to stream, in CloudWatch Logs filter pattern
	// syntax. Empty streams every event.
	FilterPattern string
	// DeliveryStreamName is the log archive's Firehose stream, whose error log group
	// (logarchive.ErrorLogGroupName) is excluded. Empty means
	// logarchive.DefaultDeliveryStreamName.
	DeliveryStreamName string
	// PolicyName names the account policy, unique in the account and region; it cannot
	// start with "aws/". Empty means DefaultPolicyName.
	PolicyName string
}

func (p AccountSubscriptionProps) withDefaults() AccountSubscriptionProps {
	p.DeliveryStreamName = orDefault(p.DeliveryStreamName, logarchive.DefaultDeliveryStreamName)
	p.PolicyName = orDefault(p.PolicyName, DefaultPolicyName)
	return p
}

// LogGroupSubscriptionProps configures NewLogGroupSubscription. LogGroupName and
// DestinationArn are required.
type LogGroupSubscriptionProps struct {
	// LogGroupName is the log group to subscribe, in this stack's account and region.
	// It may be a token (*logGroup.LogGroupName()), which also orders the deployment.
	// Required; the log archive's Firehose error log group is refused.
	LogGroupName string
	// DestinationArn is the log archive's CloudWatch Logs destination in this stack's
	// region: logarchive.DestinationArn(region, logArchiveAccount, name). Required.
	DestinationArn string
	// FilterPattern selects the events to stream, in CloudWatch Logs filter pattern
	// syntax. Empty streams every event.
	FilterPattern string
	// FilterName names the subscription filter, unique per log group. Empty means
	// DefaultFilterName.
	FilterName string
	// DeliveryStreamName is the log archive's Firehose stream, whose error log group
	// (logarchive.ErrorLogGroupName) must not be subscribed. Empty means
	// logarchive.DefaultDeliveryStreamName.
	DeliveryStreamName string
	// Role is what CloudWatch Logs assumes to check this account's right to send to
	// the destination, such as AccountSubscription.Role. Nil creates one.
	Role awsiam.IRole
}

func (p LogGroupSubscriptionProps) withDefaults() LogGroupSubscriptionProps {
	p.DeliveryStreamName = orDefault(p.DeliveryStreamName, logarchive.DefaultDeliveryStreamName)
	p.FilterName = orDefault(p.FilterName, DefaultFilterName)
	return p
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
