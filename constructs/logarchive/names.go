package logarchive

import (
	"strings"
)

// Physical names other accounts and regions use to find the log archive. They are
// fixed so that a workload stack can compute the destination's ARN without a
// CloudFormation export.
const (
	// DefaultDestinationName names the CloudWatch Logs destination in every governed
	// region.
	DefaultDestinationName = "landingzone-log-archive"
	// DefaultDeliveryStreamName names the Firehose stream in the home region.
	DefaultDeliveryStreamName = "landingzone-log-archive"
)

// Key layout under the bucket, after LogArchiveProps.KeyPrefix.
const (
	// DataKeyPrefix holds the delivered log events, partitioned by account and log group.
	DataKeyPrefix = "cwlogs/"
	// ErrorKeyPrefix holds the records Firehose could not process or deliver.
	ErrorKeyPrefix = "cwlogs-errors/"
)

// ControlPartition is the account and log group partition of the control messages
// CloudWatch Logs sends to check that a destination is reachable.
const ControlPartition = "control"

// Partition returns the AWS partition of region: "aws-cn" for the China regions,
// "aws-us-gov" for AWS GovCloud (US), and "aws" for the others.
func Partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	}
	return "aws"
}

// DestinationArn returns the ARN of the CloudWatch Logs destination named name in the
// log archive account in region, which workload accounts of that region subscribe to.
func DestinationArn(region, logArchiveAccount, name string) string {
	return "arn:" + Partition(region) + ":logs:" + region + ":" + logArchiveAccount + ":destination:" + name
}

// DeliveryStreamArn returns the ARN of the Firehose stream named name in the log
// archive account in the home region, which NewLogDestination targets.
func DeliveryStreamArn(homeRegion, logArchiveAccount, name string) string {
	return "arn:" + Partition(homeRegion) + ":firehose:" + homeRegion + ":" + logArchiveAccount + ":deliverystream/" + name
}

// ErrorLogGroupName returns the name of the log group in which the Firehose stream
// named deliveryStreamName reports its delivery errors. Subscriptions must exclude it.
func ErrorLogGroupName(deliveryStreamName string) string {
	return "/aws/kinesisfirehose/" + deliveryStreamName
}

// LogGroupKeyPrefix returns the key prefix under which the events of logGroup in
// account land, for a log archive with keyPrefix (LogArchiveProps.KeyPrefix):
// "cwlogs/account=111111111111/logGroup=aws/lambda/payments/". Below it, objects are
// grouped by day of arrival ("2025/03/14/").
func LogGroupKeyPrefix(keyPrefix, account, logGroup string) string {
	return normalizeKeyPrefix(keyPrefix) + DataKeyPrefix + "account=" + account + "/logGroup=" + strings.TrimPrefix(logGroup, "/") + "/"
}

// normalizeKeyPrefix ends a non-empty prefix with exactly one slash.
func normalizeKeyPrefix(prefix string) string {
	if prefix == "" {
		return ""
	}
	return strings.TrimRight(prefix, "/") + "/"
}
