package logbucket_test

import (
	"errors"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logbucket"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

const (
	bucketName  = "lz-logs-123456789012-eu-west-1"
	bucketArn   = "arn:aws:s3:::" + bucketName
	deployRole  = "arn:aws:iam::123456789012:role/cdk-lzadmin-cfn-exec-role-123456789012-eu-west-1"
	breakGlass  = "arn:aws:iam::123456789012:role/LogArchiveBreakGlass"
	trailArn    = "arn:aws:cloudtrail:eu-west-1:111111111111:trail/lz-organization-trail"
	orgID       = "o-a1b2c3d4e5"
	auditAcount = "333333333333"
)

// synthBucket builds one bucket in the test stack, lets extra add to it, and returns it
// with its template.
func synthBucket(t *testing.T, props logbucket.ImmutableBucketProps, extra func(awscdk.Stack, *logbucket.ImmutableBucket)) (*logbucket.ImmutableBucket, *lztest.Template) {
	t.Helper()
	var b *logbucket.ImmutableBucket
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if b, err = logbucket.NewImmutableBucket(s, "Logs", props); err != nil {
			t.Fatalf("NewImmutableBucket: %v", err)
		}
		if extra != nil {
			extra(s, b)
		}
	})
	return b, tpl
}

func TestImmutableBucketDefaults(t *testing.T) {
	b, tpl := synthBucket(t, logbucket.ImmutableBucketProps{}, nil)

	if b.BucketName != bucketName || b.BucketArn != bucketArn || b.Adopted {
		t.Errorf("BucketName %q, BucketArn %q, Adopted %v", b.BucketName, b.BucketArn, b.Adopted)
	}
	tpl.ResourceCountIs("AWS::S3::Bucket", 2)
	tpl.HasResource("AWS::S3::Bucket", map[string]any{
		"Properties": map[string]any{
			"BucketName":        bucketName,
			"ObjectLockEnabled": true,
			"ObjectLockConfiguration": map[string]any{
				"ObjectLockEnabled": "Enabled",
				"Rule":              map[string]any{"DefaultRetention": map[string]any{"Mode": "COMPLIANCE", "Days": 365}},
			},
			"VersioningConfiguration": map[string]any{"Status": "Enabled"},
			"BucketEncryption": map[string]any{"ServerSideEncryptionConfiguration": []any{map[string]any{
				"BucketKeyEnabled":              true,
				"ServerSideEncryptionByDefault": map[string]any{"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^LogsKey")), "Arn"}}},
			}}},
			"OwnershipControls": map[string]any{"Rules": []any{map[string]any{"ObjectOwnership": "BucketOwnerEnforced"}}},
			"LoggingConfiguration": map[string]any{
				"DestinationBucketName": map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^LogsAccessLogs"))},
			},
		},
		"DeletionPolicy": "Retain",
	})
	assertPublicAccessBlocked(tpl)
	tpl.HasResource("AWS::KMS::Key", map[string]any{"Properties": map[string]any{"EnableKeyRotation": true}, "DeletionPolicy": "Retain"})
	assertTLSOnly(tpl)
	// Deletion is denied to every principal; configuration changes to all but the
	// CDK's CloudFormation execution role.
	tpl.StatementIs("AWS::S3::BucketPolicy", "DenyDeletion", `{"Effect": "Deny", "Principal": {"AWS": "*"},
		"Action": ["s3:BypassGovernanceRetention", "s3:DeleteBucket", "s3:DeleteObject", "s3:DeleteObjectVersion"],
		"Resource": ["`+bucketArn+`", "`+bucketArn+`/*"]}`)
	tpl.StatementIs("AWS::S3::BucketPolicy", "DenyProtectionChanges", `{"Effect": "Deny", "Principal": {"AWS": "*"},
		"Action": ["s3:DeleteBucketPolicy", "s3:PutBucketObjectLockConfiguration", "s3:PutBucketOwnershipControls", "s3:PutBucketPolicy",
			"s3:PutBucketPublicAccessBlock", "s3:PutBucketVersioning", "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration"],
		"Resource": "`+bucketArn+`",
		"Condition": {"ArnNotEquals": {"aws:PrincipalArn": ["`+deployRole+`"]}}}`)
	tpl.HasResource("AWS::S3::BucketPolicy", map[string]any{
		"Properties":     map[string]any{"Bucket": map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Logs[0-9A-F]+$"))}},
		"DeletionPolicy": "Retain",
	})
	// The access-log bucket: SSE-S3, versioned, expiring, and without a default
	// retention, which would stop S3 from delivering access logs to it.
	tpl.HasResource("AWS::S3::Bucket", map[string]any{
		"Properties": map[string]any{
			"BucketEncryption":        map[string]any{"ServerSideEncryptionConfiguration": []any{map[string]any{"ServerSideEncryptionByDefault": map[string]any{"SSEAlgorithm": "AES256"}}}},
			"VersioningConfiguration": map[string]any{"Status": "Enabled"},
			"ObjectLockEnabled":       assertions.Match_Absent(),
			"ObjectLockConfiguration": assertions.Match_Absent(),
			"LifecycleConfiguration": map[string]any{"Rules": assertions.Match_ArrayWith(&[]any{
				assertions.Match_ObjectLike(&map[string]any{"Id": "Expire", "ExpirationInDays": 365}),
			})},
		},
		"DeletionPolicy": "Retain",
	})
	tpl.HasResourceProperties("AWS::S3::BucketPolicy", map[string]any{"PolicyDocument": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{assertions.Match_ObjectLike(&map[string]any{
		"Effect": "Allow", "Principal": map[string]any{"Service": "logging.s3.amazonaws.com"}, "Action": "s3:PutObject",
		"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": "123456789012"}, "ArnLike": assertions.Match_AnyValue()},
	})})}})
	lztest.Golden(t, tpl)
}

// For AWS Config, which refuses to deliver to a bucket with Object Lock: versioning
// and the deletion denial remain.
func TestImmutableBucketWithoutObjectLock(t *testing.T) {
	b, tpl := synthBucket(t, logbucket.ImmutableBucketProps{NamePrefix: "lz-config", ObjectLockMode: logbucket.ObjectLockNone}, nil)
	if b.BucketName != "lz-config-logs-123456789012-eu-west-1" {
		t.Errorf("BucketName %q", b.BucketName)
	}
	tpl.HasResourceProperties("AWS::S3::Bucket", map[string]any{
		"BucketName":              b.BucketName,
		"ObjectLockEnabled":       false,
		"ObjectLockConfiguration": assertions.Match_Absent(),
		"VersioningConfiguration": map[string]any{"Status": "Enabled"},
	})
	arn := "arn:aws:s3:::" + b.BucketName
	tpl.StatementIs("AWS::S3::BucketPolicy", "DenyDeletion", `{"Effect": "Deny", "Principal": {"AWS": "*"},
		"Action": ["s3:BypassGovernanceRetention", "s3:DeleteBucket", "s3:DeleteObject", "s3:DeleteObjectVersion"],
		"Resource": ["`+arn+`", "`+arn+`/*"]}`)
	assertTLSOnly(tpl)
}

// A fully configured bucket admits every producer.
func TestImmutableBucketConfigured(t *testing.T) {
	_, tpl := synthBucket(t, logbucket.ImmutableBucketProps{
		NamePrefix: "acme", ObjectLockMode: logbucket.ObjectLockGovernance, RetentionDays: 730,
		BreakGlassRoleArn: breakGlass, DeployRoleArn: "arn:aws:iam::123456789012:role/Deployer",
		InfrequentAccessAfterDays: 30, GlacierAfterDays: 180, ExpireAfterDays: 2555, AccessLogExpireAfterDays: 90,
	}, func(s awscdk.Stack, b *logbucket.ImmutableBucket) {
		firehose := awsiam.NewRole(s, jsii.String("FirehoseRole"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("firehose.amazonaws.com"), nil)})
		for _, err := range []error{
			b.AllowCloudTrail(logbucket.CloudTrailSource{TrailArn: trailArn, OrganizationID: orgID}),
			b.AllowConfig(logbucket.ConfigSource{OrganizationID: orgID}),
			b.AllowGuardDuty(logbucket.GuardDutySource{AdminAccount: auditAcount}),
			b.AllowFirehose(logbucket.FirehoseSource{Role: firehose, KeyPrefix: "cwlogs/archive"}),
		} {
			if err != nil {
				t.Error(err)
			}
		}
	})
	const arn = "arn:aws:s3:::acme-logs-123456789012-eu-west-1"

	tpl.HasResourceProperties("AWS::S3::Bucket", map[string]any{
		"BucketName":              "acme-logs-123456789012-eu-west-1",
		"ObjectLockConfiguration": map[string]any{"Rule": map[string]any{"DefaultRetention": map[string]any{"Mode": "GOVERNANCE", "Days": 730}}},
		"LifecycleConfiguration": map[string]any{"Rules": assertions.Match_ArrayWith(&[]any{assertions.Match_ObjectLike(&map[string]any{
			"Id": "Archive", "ExpirationInDays": 2555,
			"Transitions": []any{map[string]any{"StorageClass": "STANDARD_IA", "TransitionInDays": 30}, map[string]any{"StorageClass": "GLACIER", "TransitionInDays": 180}},
		})})},
	})
	// The break-glass role alone may delete; it and the deployer may reconfigure.
	tpl.StatementIs("AWS::S3::BucketPolicy", "DenyDeletion", `{"Effect": "Deny", "Principal": {"AWS": "*"},
		"Action": ["s3:BypassGovernanceRetention", "s3:DeleteBucket", "s3:DeleteObject", "s3:DeleteObjectVersion"],
		"Resource": ["`+arn+`", "`+arn+`/*"],
		"Condition": {"ArnNotEquals": {"aws:PrincipalArn": ["`+breakGlass+`"]}}}`)
	if c := tpl.Statements("AWS::S3::BucketPolicy")["DenyProtectionChanges"]["Condition"]; !lztest.JSONEqual(c, `{"ArnNotEquals": {"aws:PrincipalArn": ["arn:aws:iam::123456789012:role/Deployer", "`+breakGlass+`"]}}`) {
		t.Errorf("DenyProtectionChanges condition %v", c)
	}
	// CloudTrail: the organization's and the management account's paths, for this
	// trail only.
	tpl.StatementIs("AWS::S3::BucketPolicy", "CloudTrailAclCheck", `{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
		"Action": "s3:GetBucketAcl", "Resource": "`+arn+`", "Condition": {"StringEquals": {"aws:SourceArn": "`+trailArn+`"}}}`)
	tpl.StatementIs("AWS::S3::BucketPolicy", "CloudTrailWrite", `{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
		"Action": "s3:PutObject",
		"Resource": ["`+arn+`/cloudtrail/AWSLogs/111111111111/*", "`+arn+`/cloudtrail/AWSLogs/`+orgID+`/*"],
		"Condition": {"StringEquals": {"aws:SourceArn": "`+trailArn+`", "s3:x-amz-acl": "bucket-owner-full-control"}}}`)
	// Config: the organization's accounts only, and the key only through S3 for this
	// bucket.
	tpl.StatementIs("AWS::S3::BucketPolicy", "ConfigWrite", `{"Effect": "Allow", "Principal": {"Service": "config.amazonaws.com"},
		"Action": "s3:PutObject", "Resource": "`+arn+`/config/AWSLogs/*/Config/*",
		"Condition": {"StringEquals": {"aws:SourceOrgID": "`+orgID+`", "s3:x-amz-acl": "bucket-owner-full-control"}}}`)
	tpl.StatementIs("AWS::KMS::Key", "ConfigEncrypt", `{"Effect": "Allow", "Principal": {"Service": "config.amazonaws.com"},
		"Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*",
		"Condition": {"StringEquals": {"aws:SourceOrgID": "`+orgID+`", "kms:ViaService": "s3.eu-west-1.amazonaws.com"},
			"StringLike": {"kms:EncryptionContext:aws:s3:arn": ["`+arn+`", "`+arn+`/*"]}}}`)
	// GuardDuty: the audit account's detectors.
	detectors := `{"StringEquals": {"aws:SourceAccount": "` + auditAcount + `"}, "ArnLike": {"aws:SourceArn": "arn:aws:guardduty:*:` + auditAcount + `:detector/*"}}`
	tpl.StatementIs("AWS::S3::BucketPolicy", "GuardDutyWrite", `{"Effect": "Allow", "Principal": {"Service": "guardduty.amazonaws.com"},
		"Action": "s3:PutObject", "Resource": "`+arn+`/guardduty/*", "Condition": `+detectors+`}`)
	tpl.StatementIs("AWS::KMS::Key", "GuardDutyEncrypt", `{"Effect": "Allow", "Principal": {"Service": "guardduty.amazonaws.com"},
		"Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "*", "Condition": `+detectors+`}`)
	// Firehose: its role, its prefix.
	firehose := tpl.Statements("AWS::S3::BucketPolicy")["FirehoseWrite"]
	if !lztest.JSONEqual(firehose["Resource"], `["`+arn+`", "`+arn+`/cwlogs/archive/*"]`) {
		t.Errorf("FirehoseWrite resources %v", firehose["Resource"])
	}
	if !lztest.JSONEqual(tpl.Statements("AWS::KMS::Key")["FirehoseEncrypt"]["Condition"], `{"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com"},
		"StringLike": {"kms:EncryptionContext:aws:s3:arn": ["`+arn+`", "`+arn+`/*"]}}`) {
		t.Errorf("FirehoseEncrypt %v", tpl.Statements("AWS::KMS::Key")["FirehoseEncrypt"])
	}
	lztest.Golden(t, tpl)
}

// The deploy role follows the app's bootstrap qualifier.
func TestImmutableBucketBootstrapQualifier(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		s.Node().SetContext(jsii.String("@aws-cdk/core:bootstrapQualifier"), "acme1234")
		if _, err := logbucket.NewImmutableBucket(s, "Logs", logbucket.ImmutableBucketProps{}); err != nil {
			t.Fatal(err)
		}
	})
	want := `{"ArnNotEquals": {"aws:PrincipalArn": ["arn:aws:iam::123456789012:role/cdk-acme1234-cfn-exec-role-123456789012-eu-west-1"]}}`
	if c := tpl.Statements("AWS::S3::BucketPolicy")["DenyProtectionChanges"]["Condition"]; !lztest.JSONEqual(c, want) {
		t.Errorf("DenyProtectionChanges condition %v, want %s", c, want)
	}
}

// An adopted bucket creates nothing, exposes its names and key, and refuses producers.
func TestImmutableBucketAdopted(t *testing.T) {
	const keyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	stack := lztest.NewStack(t)
	var b *logbucket.ImmutableBucket
	var err, allowErr error
	lztest.Do(t, func() {
		b, err = logbucket.NewImmutableBucket(stack, "Logs", logbucket.ImmutableBucketProps{ExistingBucketName: "aws-controltower-logs-123456789012-eu-west-1", ExistingKeyArn: keyArn})
		if err == nil {
			allowErr = b.AllowCloudTrail(logbucket.CloudTrailSource{TrailArn: trailArn, OrganizationID: orgID})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !b.Adopted || b.BucketName != "aws-controltower-logs-123456789012-eu-west-1" || b.BucketArn != "arn:aws:s3:::aws-controltower-logs-123456789012-eu-west-1" || b.AccessLogBucket != nil {
		t.Errorf("Adopted %v, BucketName %q, BucketArn %q, AccessLogBucket %v", b.Adopted, b.BucketName, b.BucketArn, b.AccessLogBucket)
	}
	if got := *b.Bucket.BucketName(); got != b.BucketName {
		t.Errorf("Bucket.BucketName() = %q", got)
	}
	if b.Key == nil || *b.Key.KeyArn() != keyArn {
		t.Errorf("Key %v, want %s", b.Key, keyArn)
	}
	if !errors.Is(allowErr, logbucket.ErrAdopted) {
		t.Errorf("AllowCloudTrail on an adopted bucket: %v, want ErrAdopted", allowErr)
	}
	lztest.ExpectNoResources(t, b)
}

func assertPublicAccessBlocked(tpl *lztest.Template) {
	tpl.AllResourcesProperties("AWS::S3::Bucket", map[string]any{"PublicAccessBlockConfiguration": map[string]any{
		"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true,
	}})
}

// assertTLSOnly checks that every bucket policy denies plain HTTP and TLS before 1.2.
func assertTLSOnly(tpl *lztest.Template) {
	tpl.AllResourcesProperties("AWS::S3::BucketPolicy", map[string]any{"PolicyDocument": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{
		assertions.Match_ObjectLike(&map[string]any{"Effect": "Deny", "Action": "s3:*", "Principal": map[string]any{"AWS": "*"}, "Condition": map[string]any{"Bool": map[string]any{"aws:SecureTransport": "false"}}}),
		assertions.Match_ObjectLike(&map[string]any{"Effect": "Deny", "Action": "s3:*", "Principal": map[string]any{"AWS": "*"}, "Condition": map[string]any{"NumericLessThan": map[string]any{"s3:TlsVersion": 1.2}}}),
	})}})
}
