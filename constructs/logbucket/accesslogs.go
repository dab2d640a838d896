package logbucket

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// minimumTLSVersion is the oldest TLS version the buckets accept.
const minimumTLSVersion = 1.2

// newAccessLogBucket creates the bucket that receives the log bucket's S3 server access
// logs: versioned, TLS-only, without public access, retained, its objects expiring
// after expireDays.
//
// It differs from the log bucket where S3 leaves no choice: server access logs are
// encrypted with SSE-S3 only (S3 cannot deliver them with SSE-KMS), and the bucket has
// no Object Lock default retention, because S3 does not deliver server access logs to a
// target bucket that has one. The CDK grants the S3 logging service write access in the
// bucket policy, conditioned on the source bucket and account.
func newAccessLogBucket(scope constructs.Construct, id string, expireDays int) awss3.Bucket {
	bucket := awss3.NewBucket(scope, jsii.String(id), &awss3.BucketProps{
		Versioned:         jsii.Bool(true),
		Encryption:        awss3.BucketEncryption_S3_MANAGED,
		BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
		ObjectOwnership:   awss3.ObjectOwnership_BUCKET_OWNER_ENFORCED,
		EnforceSSL:        jsii.Bool(true),
		MinimumTLSVersion: jsii.Number(minimumTLSVersion),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
		LifecycleRules:    expiryRules(expireDays),
	})
	secure.NotifyEventBridge(bucket)
	nag.SuppressControls(bucket, true, nag.AccessLogBucketControls()...)
	nag.Suppress(bucket, false, nag.Rule{ID: "AwsSolutions-S1",
		Reason: "this bucket receives the log bucket's server access logs; logging its own access would log into itself or need a third bucket for no audit gain"})
	return bucket
}
