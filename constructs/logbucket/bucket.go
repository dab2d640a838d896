package logbucket

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
	"github.com/go-landingzone/landingzone/internal/secure"
	"github.com/go-landingzone/landingzone/internal/stackenv"
)

// Construct IDs are part of the public API: changing one replaces the resource, and
// for a log bucket that is an incident.
const (
	idResource   = "Resource"
	idKey        = "Key"
	idAccessLogs = "AccessLogs"
)

// bootstrapQualifierContext is the context key the CDK CLI and synthesizer read the
// bootstrap qualifier from.
const bootstrapQualifierContext = "@aws-cdk/core:bootstrapQualifier"

// accessLogsPolicyFlag makes the CDK grant the S3 logging service access to the
// access-log bucket in its bucket policy. Without it the CDK grants access with an ACL,
// which bucket-owner-enforced ownership forbids; the construct sets it on its own node
// so that it works whatever flags the app sets.
const accessLogsPolicyFlag = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy"

// ImmutableBucket is the log archive's bucket: Object Lock, versioning, SSE-KMS, no
// public access, a policy that denies deletion and weakening, and server access logs in
// a bucket of their own. Or, when adopted, an existing bucket imported by name.
type ImmutableBucket struct {
	constructs.Construct
	// Bucket is the log bucket: an awss3.Bucket when created, the imported bucket when
	// adopted.
	Bucket awss3.IBucket
	// Key encrypts Bucket: the created or given key, the adopted bucket's
	// ExistingKeyArn, or nil when an adopted bucket has none.
	Key awskms.IKey
	// AccessLogBucket receives Bucket's S3 server access logs; nil when adopted.
	AccessLogBucket awss3.IBucket
	// BucketName and BucketArn name Bucket as plain strings, for wiring in stacks of
	// other accounts.
	BucketName string
	BucketArn  string
	// Adopted reports a bucket adopted with ExistingBucketName.
	Adopted bool

	partition, region string
	// allowed records the producers an Allow method admitted, each at most once.
	allowed map[string]bool
}

// NewImmutableBucket validates props, then creates the log bucket, its key and its
// access-log bucket, or adopts an existing bucket. On error nothing is added to scope.
//
// The stack must have a concrete account and region, from which the bucket's name is
// derived, unless the bucket is adopted.
func NewImmutableBucket(scope constructs.Construct, id string, props ImmutableBucketProps) (*ImmutableBucket, error) {
	if err := scopecheck.Check("logbucket", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	stack := awscdk.Stack_Of(scope)
	e := stackenv.Of(stack)
	p, err := validate(props, e, false)
	if err != nil {
		return nil, err
	}
	b := &ImmutableBucket{Adopted: p.adopts(), partition: e.Partition, region: e.Region, allowed: map[string]bool{}}
	// Registering b itself as the construct lets callers pass *ImmutableBucket wherever
	// the CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(b, scope, jsii.String(id))
	b.Node().SetContext(jsii.String(accessLogsPolicyFlag), true)
	if p.adopts() {
		b.adopt(p)
		return b, nil
	}
	b.BucketName = BucketName(p.NamePrefix, e.Account, e.Region)
	b.BucketArn = b.arn("")
	b.create(p, deployRole(stack, p, e))
	return b, nil
}

// create builds the key, the access-log bucket and the log bucket with its policy.
func (b *ImmutableBucket) create(p ImmutableBucketProps, deployRoleArn string) {
	c := b.Construct
	b.Key = p.Key
	if b.Key == nil {
		b.Key = secure.NewKey(c, idKey, "Encrypts the log archive bucket "+b.BucketName)
	}
	accessLogs := newAccessLogBucket(c, idAccessLogs, p.AccessLogExpireAfterDays)
	b.AccessLogBucket = accessLogs
	bucket := awss3.NewBucket(c, jsii.String(idResource), &awss3.BucketProps{
		BucketName:                 jsii.String(b.BucketName),
		ObjectLockEnabled:          jsii.Bool(p.ObjectLockMode != ObjectLockNone),
		ObjectLockDefaultRetention: retention(p),
		Versioned:                  jsii.Bool(true),
		Encryption:                 awss3.BucketEncryption_KMS,
		EncryptionKey:              b.Key,
		BucketKeyEnabled:           jsii.Bool(true),
		BlockPublicAccess:          awss3.BlockPublicAccess_BLOCK_ALL(),
		ObjectOwnership:            awss3.ObjectOwnership_BUCKET_OWNER_ENFORCED,
		EnforceSSL:                 jsii.Bool(true),
		MinimumTLSVersion:          jsii.Number(minimumTLSVersion),
		RemovalPolicy:              awscdk.RemovalPolicy_RETAIN,
		ServerAccessLogsBucket:     accessLogs,
		// Date-partitioned keys (<account>/<region>/<bucket>/YYYY/MM/DD/...) suit
		// Athena's partition projection.
		TargetObjectKeyFormat: awss3.TargetObjectKeyFormat_PartitionedPrefix(awss3.PartitionDateSource_EVENT_TIME),
		LifecycleRules:        archiveRules(p),
	})
	secure.NotifyEventBridge(bucket)
	if p.ObjectLockMode == ObjectLockNone {
		nag.SuppressControls(bucket, true, nag.Rule{ID: "CT.S3.PR.9",
			Reason: "Object Lock is off (ObjectLockNone) for a producer that does not deliver to a bucket with it: " +
				"\"AWS Config does not support the delivery channel to an Amazon S3 bucket where object lock is enabled\" " +
				"(https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-config-deliverychannel.html); " +
				"versioning and the policy's deletion denial remain"})
	}
	b.Bucket = bucket
	b.protect(bucket, p.BreakGlassRoleArn, deployRoleArn)
}

// adopt imports an existing bucket and its key by name and ARN; it creates nothing.
func (b *ImmutableBucket) adopt(p ImmutableBucketProps) {
	c := b.Construct
	b.BucketName = p.ExistingBucketName
	b.BucketArn = b.arn("")
	b.Bucket = awss3.Bucket_FromBucketName(c, jsii.String(idResource), jsii.String(p.ExistingBucketName))
	if p.ExistingKeyArn != "" {
		b.Key = awskms.Key_FromKeyArn(c, jsii.String(idKey), jsii.String(p.ExistingKeyArn))
	}
}

// retention is the Object Lock default retention of p; nil without Object Lock.
func retention(p ImmutableBucketProps) awss3.ObjectLockRetention {
	if p.ObjectLockMode == ObjectLockNone {
		return nil
	}
	days := awscdk.Duration_Days(jsii.Number(p.RetentionDays))
	if p.ObjectLockMode == ObjectLockGovernance {
		return awss3.ObjectLockRetention_Governance(days)
	}
	return awss3.ObjectLockRetention_Compliance(days)
}

// arn is the literal ARN of the bucket, or of the objects under keyPattern when it is
// not empty. Literals, unlike the bucket's Fn::GetAtt, let cdk-nag read the policies.
func (b *ImmutableBucket) arn(keyPattern string) string {
	a := "arn:" + b.partition + ":s3:::" + b.BucketName
	if keyPattern != "" {
		a += "/" + keyPattern
	}
	return a
}

// deployRole resolves DeployRoleArn: the one given, or the CDK bootstrap's execution
// role with the app's qualifier.
func deployRole(stack awscdk.Stack, p ImmutableBucketProps, e stackenv.Env) string {
	if p.DeployRoleArn != "" {
		return p.DeployRoleArn
	}
	qualifier, _ := stack.Node().TryGetContext(jsii.String(bootstrapQualifierContext)).(string)
	return DefaultDeployRoleArn(e.Partition, qualifier, e.Account, e.Region)
}
