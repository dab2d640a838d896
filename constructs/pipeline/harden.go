package pipeline

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// Lifetimes of the pipeline's S3 objects.
const (
	// artifactExpiryDays removes artifacts long after any execution that wrote them has
	// finished: CodePipeline writes each execution's artifacts under new keys and reads
	// them only during that execution.
	artifactExpiryDays = 90
	// noncurrentExpiryDays removes overwritten or deleted object versions.
	noncurrentExpiryDays = 30
	// accessLogExpiryDays keeps the artifact bucket's access logs a year, the log
	// retention of the landing zone.
	accessLogExpiryDays = 365
	// incompleteUploadDays aborts multipart uploads that never finished.
	incompleteUploadDays = 7
)

// lifecycle expires current objects after days, noncurrent versions after
// noncurrentExpiryDays, and unfinished uploads.
func lifecycle(days int) *awss3.CfnBucket_LifecycleConfigurationProperty {
	return &awss3.CfnBucket_LifecycleConfigurationProperty{Rules: &[]interface{}{
		&awss3.CfnBucket_RuleProperty{
			Id:                             jsii.String("Expire"),
			Status:                         jsii.String("Enabled"),
			ExpirationInDays:               jsii.Number(days),
			NoncurrentVersionExpiration:    &awss3.CfnBucket_NoncurrentVersionExpirationProperty{NoncurrentDays: jsii.Number(noncurrentExpiryDays)},
			AbortIncompleteMultipartUpload: &awss3.CfnBucket_AbortIncompleteMultipartUploadProperty{DaysAfterInitiation: jsii.Number(incompleteUploadDays)},
		},
	}}
}

// hardenArtifacts adds to the artifact bucket that CDK Pipelines creates what its
// options do not offer: versioning, so that an overwritten artifact can be recovered;
// expiry; event notifications; and the statement on its key that limits grants to AWS
// services.
func hardenArtifacts(bucket awss3.IBucket) {
	cfn := bucket.Node().DefaultChild().(awss3.CfnBucket)
	cfn.SetVersioningConfiguration(&awss3.CfnBucket_VersioningConfigurationProperty{Status: jsii.String("Enabled")})
	cfn.SetLifecycleConfiguration(lifecycle(artifactExpiryDays))
	secure.NotifyEventBridge(bucket)
	if key := bucket.EncryptionKey(); key != nil {
		secure.DenyDirectGrants(key)
	}
	nag.SuppressControls(bucket, true, nag.Rule{
		ID: "CT.S3.PR.9",
		Reason: "pipeline artifacts are build outputs that the pipeline recreates from the repository on every run and that expire after " +
			"90 days; Object Lock would keep nothing worth keeping, and the repository and the deployed stacks are the record",
	})
}

// hardenAccessLogs gives the bucket of the artifact bucket's access logs its expiry and
// event notifications and records why the controls it cannot meet do not apply.
func hardenAccessLogs(logs awss3.Bucket) {
	cfn := logs.Node().DefaultChild().(awss3.CfnBucket)
	cfn.SetLifecycleConfiguration(lifecycle(accessLogExpiryDays))
	secure.NotifyEventBridge(logs)
	nag.SuppressControls(logs, true, nag.AccessLogBucketControls()...)
}
