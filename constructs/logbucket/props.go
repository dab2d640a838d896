package logbucket

import "github.com/aws/aws-cdk-go/awscdk/v2/awskms"

// Defaults of ImmutableBucketProps.
const (
	// DefaultNamePrefix starts the bucket's name: "lz-logs-<account>-<region>".
	DefaultNamePrefix = "lz"
	// DefaultRetentionDays is how long Object Lock keeps every new object version from
	// being deleted or overwritten: one year, what most audit frameworks ask for.
	DefaultRetentionDays = 365
	// DefaultInfrequentAccessAfterDays moves objects to S3 Standard-IA after three
	// months, when logs are rarely read any more.
	DefaultInfrequentAccessAfterDays = 90
	// DefaultGlacierAfterDays moves objects to S3 Glacier Flexible Retrieval after a
	// year; reading them back then takes minutes to hours.
	DefaultGlacierAfterDays = 365
	// DefaultAccessLogExpireAfterDays is how long the access-log bucket keeps S3 server
	// access logs.
	DefaultAccessLogExpireAfterDays = 365
	// DefaultBootstrapQualifier is the qualifier of the CDK bootstrap stack that
	// DefaultDeployRoleArn names when the app's context sets none
	// ("@aws-cdk/core:bootstrapQualifier").
	DefaultBootstrapQualifier = "hnb659fds"
)

// Limits of ImmutableBucketProps.
const (
	// MaxRetentionDays is the longest default retention S3 Object Lock accepts: 100
	// years.
	MaxRetentionDays = 36500
	// MinInfrequentAccessAfterDays is the earliest S3 moves objects to Standard-IA.
	MinInfrequentAccessAfterDays = 30
	// MaxNamePrefixLength keeps BucketName within S3's 63 characters in every region.
	MaxNamePrefixLength = 29
)

// ObjectLockMode is how strictly Object Lock holds objects during their retention.
type ObjectLockMode string

const (
	// ObjectLockCompliance: no one, not even the account's root user, can delete or
	// overwrite a locked object version or shorten its retention until it expires.
	ObjectLockCompliance ObjectLockMode = "COMPLIANCE"
	// ObjectLockGovernance: principals allowed s3:BypassGovernanceRetention can delete
	// locked versions early. The bucket policy denies that permission to everyone but
	// the break-glass role, so only that role can.
	ObjectLockGovernance ObjectLockMode = "GOVERNANCE"
	// ObjectLockNone creates the bucket without Object Lock, for producers that refuse
	// to deliver to a bucket that has it: AWS Config's delivery channel does. Versioning
	// keeps every overwritten object and the bucket policy still denies deletion to all
	// but the break-glass role, but a principal allowed to change that policy (the
	// deploy role) could lift the denial; Object Lock would not let it.
	ObjectLockNone ObjectLockMode = "NONE"
)

// ObjectLockModes returns the valid modes in a new slice at each call.
func ObjectLockModes() []ObjectLockMode {
	return []ObjectLockMode{ObjectLockCompliance, ObjectLockGovernance, ObjectLockNone}
}

// ImmutableBucketProps configures NewImmutableBucket. The zero value is a bucket named
// BucketName(DefaultNamePrefix, account, region) whose objects Object Lock keeps in
// COMPLIANCE mode for 365 days, encrypted with a new customer-managed key, moved to
// Standard-IA after 90 days and to Glacier Flexible Retrieval after 365, never
// expired, with server access logs in a separate bucket kept for 365 days.
type ImmutableBucketProps struct {
	// NamePrefix starts the bucket's name, BucketName(NamePrefix, account, region):
	// lower-case letters, digits and hyphens, at most MaxNamePrefixLength characters.
	// Empty means DefaultNamePrefix.
	NamePrefix string

	// ObjectLockMode is the mode of the default retention. Empty means
	// ObjectLockCompliance.
	ObjectLockMode ObjectLockMode
	// RetentionDays is the default retention of every new object version, 1 to
	// MaxRetentionDays. Zero means DefaultRetentionDays. In COMPLIANCE mode it can be
	// raised later but lowering it does not shorten the retention of objects already
	// written.
	RetentionDays int

	// Key encrypts the bucket (SSE-KMS with S3 Bucket Keys). Nil creates a key with
	// rotation whose policy the Allow methods extend for the log producers. A key
	// passed in is used as is when the CDK cannot change its policy (an imported
	// key): its policy must then admit the producers itself.
	Key awskms.IKey

	// BreakGlassRoleArn names the one IAM role, in the bucket's account, exempt from
	// the bucket policy's denials: it alone may delete object versions whose
	// retention has expired (or, in GOVERNANCE mode, bypass the retention) and change
	// versioning, Object Lock, encryption, lifecycle and the bucket policy. Empty
	// means no role: object deletion is denied to every principal, configuration
	// changes to every principal but DeployRoleArn.
	BreakGlassRoleArn string
	// DeployRoleArn is the role CloudFormation uses to deploy the stack, exempt from
	// the denial of configuration changes so that the stack stays updatable. Empty
	// means DefaultDeployRoleArn of the stack's account and region, with the app's
	// bootstrap qualifier. It is never exempt from the denial of object deletion.
	DeployRoleArn string

	// InfrequentAccessAfterDays is the age at which objects move to S3 Standard-IA,
	// at least MinInfrequentAccessAfterDays. Zero means
	// DefaultInfrequentAccessAfterDays.
	InfrequentAccessAfterDays int
	// GlacierAfterDays is the age at which objects move to S3 Glacier Flexible
	// Retrieval, after InfrequentAccessAfterDays. Zero means DefaultGlacierAfterDays.
	GlacierAfterDays int
	// ExpireAfterDays is the age at which objects are deleted, no earlier than the
	// retention ends and after GlacierAfterDays. Zero keeps them forever.
	ExpireAfterDays int

	// AccessLogExpireAfterDays is how long the access-log bucket keeps server access
	// logs, 1 to MaxRetentionDays. Zero means DefaultAccessLogExpireAfterDays.
	AccessLogExpireAfterDays int

	// ExistingBucketName adopts a log bucket that already exists, such as the one AWS
	// Control Tower owns ("aws-controltower-logs-<account>-<region>"), instead of
	// creating one. Nothing is created; the library then guarantees none of the above
	// and cannot change the bucket's policy, so the Allow methods return errors. Every
	// other field but ExistingKeyArn must be left empty. Empty creates the bucket.
	ExistingBucketName string
	// ExistingKeyArn is the KMS key that encrypts the adopted bucket, exposed as Key.
	// Empty means the adopted bucket uses no customer-managed key (Key is nil). Needs
	// ExistingBucketName.
	ExistingKeyArn string
}

// adopts reports whether p adopts an existing bucket.
func (p ImmutableBucketProps) adopts() bool { return p.ExistingBucketName != "" }

// withDefaults returns a copy of p with every zero field resolved.
func (p ImmutableBucketProps) withDefaults() ImmutableBucketProps {
	if p.adopts() {
		return p
	}
	if p.NamePrefix == "" {
		p.NamePrefix = DefaultNamePrefix
	}
	if p.ObjectLockMode == "" {
		p.ObjectLockMode = ObjectLockCompliance
	}
	if p.ObjectLockMode != ObjectLockNone {
		p.RetentionDays = orDefault(p.RetentionDays, DefaultRetentionDays)
	}
	p.InfrequentAccessAfterDays = orDefault(p.InfrequentAccessAfterDays, DefaultInfrequentAccessAfterDays)
	p.GlacierAfterDays = orDefault(p.GlacierAfterDays, DefaultGlacierAfterDays)
	p.AccessLogExpireAfterDays = orDefault(p.AccessLogExpireAfterDays, DefaultAccessLogExpireAfterDays)
	return p
}

func orDefault(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}
