package logbucket

import "strings"

// Key prefixes of the log bucket's layout: one top-level prefix per log producer, so
// that an auditor, a lifecycle rule or an Athena table can address each on its own.
const (
	// CloudTrailPrefix holds the organization trail's log files, digest files and
	// Insights events (see CloudTrailPath).
	CloudTrailPrefix = "cloudtrail"
	// ConfigPrefix holds AWS Config's configuration history and snapshots.
	ConfigPrefix = "config"
	// GuardDutyPrefix holds exported GuardDuty findings.
	GuardDutyPrefix = "guardduty"
	// FirehosePrefix holds the CloudWatch Logs events that the log archive's Firehose
	// stream writes.
	FirehosePrefix = "cwlogs"
)

// BucketName is the log bucket's deterministic name, "<prefix>-logs-<account>-<region>",
// so that stacks in other accounts find it without CloudFormation exports. An empty
// prefix means DefaultNamePrefix.
func BucketName(prefix, account, region string) string {
	if prefix == "" {
		prefix = DefaultNamePrefix
	}
	return prefix + "-logs-" + account + "-" + region
}

// DefaultDeployRoleArn is the role that CloudFormation assumes to deploy a stack that the
// CDK bootstrap (with qualifier, DefaultBootstrapQualifier when empty) set up in account
// and region: "arn:<partition>:iam::<account>:role/cdk-<qualifier>-cfn-exec-role-<account>-<region>".
// An empty partition means "aws".
func DefaultDeployRoleArn(partition, qualifier, account, region string) string {
	if qualifier == "" {
		qualifier = DefaultBootstrapQualifier
	}
	return "arn:" + orAWS(partition) + ":iam::" + account + ":role/cdk-" + qualifier + "-cfn-exec-role-" + account + "-" + region
}

// CloudTrailPath is the key prefix under which an organization trail with key prefix
// keyPrefix delivers the log files of one member account and region:
// "<keyPrefix>/AWSLogs/<organizationID>/<account>/CloudTrail/<region>/", followed by
// "YYYY/MM/DD/<file>.json.gz". Digest files go to ".../CloudTrail-Digest/<region>/" and
// Insights events to ".../CloudTrail-Insight/<region>/" beside it. An empty keyPrefix
// means the bucket's root.
func CloudTrailPath(keyPrefix, organizationID, account, region string) string {
	return joinKey(keyPrefix, "AWSLogs", organizationID, account, "CloudTrail", region) + "/"
}

// joinKey joins S3 key segments with slashes, leaving out empty ones.
func joinKey(segments ...string) string {
	var kept []string
	for _, s := range segments {
		if s != "" {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, "/")
}

func orAWS(partition string) string {
	if partition == "" {
		return "aws"
	}
	return partition
}
