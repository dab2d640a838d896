package secure

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
)

// NotifyEventBridge sends the object events of bucket, which this stack creates, to
// the account's default event bus, where detection rules can watch them (and without a
// rule they cost nothing). AWS Control Tower's proactive control CT.S3.PR.4 requires a
// bucket to have event notifications
// (https://docs.aws.amazon.com/controltower/latest/controlreference/s3-rules.html).
//
// It sets the CloudFormation property rather than the L2's EventBridgeEnabled, which
// the CDK implements with a custom resource and its Lambda function: an asset that a
// StackSet cannot deploy and a function that would need controls of its own.
func NotifyEventBridge(bucket awss3.IBucket) {
	bucket.Node().DefaultChild().(awss3.CfnBucket).SetNotificationConfiguration(&awss3.CfnBucket_NotificationConfigurationProperty{
		EventBridgeConfiguration: &awss3.CfnBucket_EventBridgeConfigurationProperty{EventBridgeEnabled: jsii.Bool(true)},
	})
}
