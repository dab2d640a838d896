package logbucket

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
)

const (
	// NoncurrentVersionDays is how long an overwritten or expired object version is
	// kept before lifecycle deletes it: a month to notice and restore a mistake. Object
	// Lock still keeps a locked version until its retention ends.
	NoncurrentVersionDays = 30
	// incompleteUploadDays is when lifecycle aborts multipart uploads that never
	// finished, whose parts are billed but invisible.
	incompleteUploadDays = 7
)

// archiveRules moves the log bucket's objects to colder storage classes as they age and,
// when ExpireAfterDays is set, deletes them.
//
// S3 does not transition objects smaller than 128 KB (its default since September
// 2024): for small log files the transition requests would cost more than the storage
// saved, so they stay in S3 Standard.
func archiveRules(p ImmutableBucketProps) *[]*awss3.LifecycleRule {
	archive := &awss3.LifecycleRule{
		Id: jsii.String("Archive"),
		Transitions: &[]*awss3.Transition{
			{StorageClass: awss3.StorageClass_INFREQUENT_ACCESS(), TransitionAfter: days(p.InfrequentAccessAfterDays)},
			{StorageClass: awss3.StorageClass_GLACIER(), TransitionAfter: days(p.GlacierAfterDays)},
		},
		AbortIncompleteMultipartUploadAfter: days(incompleteUploadDays),
	}
	if p.ExpireAfterDays == 0 {
		return &[]*awss3.LifecycleRule{archive}
	}
	archive.Expiration = days(p.ExpireAfterDays)
	return &[]*awss3.LifecycleRule{archive, cleanupRule()}
}

// expiryRules deletes objects expireDays after they were written, as the access-log
// bucket does.
func expiryRules(expireDays int) *[]*awss3.LifecycleRule {
	return &[]*awss3.LifecycleRule{{
		Id:                                  jsii.String("Expire"),
		Expiration:                          days(expireDays),
		AbortIncompleteMultipartUploadAfter: days(incompleteUploadDays),
	}, cleanupRule()}
}

// cleanupRule removes what expiry leaves in a versioned bucket: the noncurrent versions,
// after NoncurrentVersionDays, and then their delete markers. S3 refuses expired
// delete-marker cleanup in a rule that also expires current versions, hence a rule of
// its own.
func cleanupRule() *awss3.LifecycleRule {
	return &awss3.LifecycleRule{
		Id:                          jsii.String("Cleanup"),
		NoncurrentVersionExpiration: days(NoncurrentVersionDays),
		ExpiredObjectDeleteMarker:   jsii.Bool(true),
	}
}

func days(n int) awscdk.Duration { return awscdk.Duration_Days(jsii.Number(n)) }
