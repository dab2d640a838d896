package logbucket_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logbucket"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestImmutableBucketPropsErrors(t *testing.T) {
	type props = logbucket.ImmutableBucketProps
	for _, tc := range []struct {
		name  string
		props props
		want  []string
	}{
		{"upper-case name prefix", props{NamePrefix: "Acme"}, []string{`ImmutableBucketProps.NamePrefix "Acme": not a name prefix`}},
		{"name prefix with a dot", props{NamePrefix: "acme.corp"}, []string{`ImmutableBucketProps.NamePrefix "acme.corp": not a name prefix`}},
		{"name prefix too long", props{NamePrefix: strings.Repeat("a", 30)}, []string{`longer than 29 characters; the bucket name would exceed 63`}},
		{"unknown object lock mode", props{ObjectLockMode: "LEGAL_HOLD"}, []string{`ImmutableBucketProps.ObjectLockMode "LEGAL_HOLD": want one of ["COMPLIANCE" "GOVERNANCE" "NONE"]`}},
		{"retention without object lock", props{ObjectLockMode: logbucket.ObjectLockNone, RetentionDays: 365},
			[]string{`ImmutableBucketProps.RetentionDays 365: Object Lock mode NONE keeps no default retention`}},
		{"lower-case object lock mode", props{ObjectLockMode: "compliance"}, []string{`ImmutableBucketProps.ObjectLockMode "compliance": want one of`}},
		{"negative retention", props{RetentionDays: -1}, []string{`ImmutableBucketProps.RetentionDays -1: out of range; allowed 1-36500`}},
		{"retention beyond 100 years", props{RetentionDays: 36501}, []string{`ImmutableBucketProps.RetentionDays 36501: out of range; allowed 1-36500`}},
		{"break-glass role not an ARN", props{BreakGlassRoleArn: "BreakGlass"}, []string{`ImmutableBucketProps.BreakGlassRoleArn "BreakGlass": not an ARN`}},
		{"break-glass user", props{BreakGlassRoleArn: "arn:aws:iam::123456789012:user/admin"}, []string{`ImmutableBucketProps.BreakGlassRoleArn "arn:aws:iam::123456789012:user/admin": the resource part must start with "role/"`}},
		{"break-glass role of a short account ID", props{BreakGlassRoleArn: "arn:aws:iam::12345678901:role/BreakGlass"}, []string{`ImmutableBucketProps.BreakGlassRoleArn "arn:aws:iam::12345678901:role/BreakGlass": not an ARN`}},
		{"break-glass role of another account", props{BreakGlassRoleArn: "arn:aws:iam::999999999999:role/BreakGlass"},
			[]string{`a role of account 999999999999; the bucket's policy can exempt only roles of its own account 123456789012`}},
		{"deploy role of another service", props{DeployRoleArn: "arn:aws:sts::123456789012:assumed-role/Deployer/session"}, []string{`ImmutableBucketProps.DeployRoleArn "arn:aws:sts::123456789012:assumed-role/Deployer/session": an ARN of service sts, want iam`}},
		{"infrequent access too early", props{InfrequentAccessAfterDays: 10}, []string{`ImmutableBucketProps.InfrequentAccessAfterDays 10: out of range; allowed 30-36500`}},
		{"glacier before infrequent access", props{InfrequentAccessAfterDays: 120, GlacierAfterDays: 90},
			[]string{"ImmutableBucketProps.GlacierAfterDays 90: must come after `InfrequentAccessAfterDays` (120)"}},
		{"expiry before the retention ends", props{RetentionDays: 3650, ExpireAfterDays: 400},
			[]string{"ImmutableBucketProps.ExpireAfterDays 400: before the 3650-day Object Lock retention (`RetentionDays`) ends"}},
		{"expiry before glacier", props{GlacierAfterDays: 700, ExpireAfterDays: 500},
			[]string{"ImmutableBucketProps.ExpireAfterDays 500: must come after `GlacierAfterDays` (700)"}},
		{"negative access-log expiry", props{AccessLogExpireAfterDays: -7}, []string{`ImmutableBucketProps.AccessLogExpireAfterDays -7: out of range; allowed 1-36500`}},
		{"existing key without existing bucket", props{ExistingKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/abc"}, []string{"ImmutableBucketProps.ExistingKeyArn \"arn:aws:kms:eu-west-1:123456789012:key/abc\": needs `ExistingBucketName`"}},
		{"existing bucket name breaking S3 rules", props{ExistingBucketName: "Org_Logs"}, []string{`ImmutableBucketProps.ExistingBucketName "Org_Logs": not an S3 bucket name`}},
		{"existing bucket name like an IP address", props{ExistingBucketName: "192.168.10.12"}, []string{`ImmutableBucketProps.ExistingBucketName "192.168.10.12": not an S3 bucket name: formatted as an IP address`}},
		{"existing key not a key ARN", props{ExistingBucketName: "org-logs", ExistingKeyArn: "arn:aws:kms:eu-west-1:123456789012:alias/logs"},
			[]string{`ImmutableBucketProps.ExistingKeyArn "arn:aws:kms:eu-west-1:123456789012:alias/logs": the resource part must start with "key/"`}},
		{"settings of a created bucket on an adopted one", props{ExistingBucketName: "org-logs", RetentionDays: 730, ObjectLockMode: logbucket.ObjectLockGovernance},
			[]string{"ImmutableBucketProps.ObjectLockMode: applies to a bucket this construct creates; with `ExistingBucketName`", "ImmutableBucketProps.RetentionDays: applies to a bucket"}},
		{"every problem at once", props{NamePrefix: "-x", ObjectLockMode: "OFF", RetentionDays: 40000, BreakGlassRoleArn: "role/x", InfrequentAccessAfterDays: 1, AccessLogExpireAfterDays: -1},
			[]string{`ImmutableBucketProps.NamePrefix "-x"`, `ImmutableBucketProps.ObjectLockMode "OFF"`, `ImmutableBucketProps.RetentionDays 40000`, `ImmutableBucketProps.BreakGlassRoleArn "role/x"`,
				`ImmutableBucketProps.InfrequentAccessAfterDays 1`, `ImmutableBucketProps.AccessLogExpireAfterDays -1`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = logbucket.NewImmutableBucket(stack, "Logs", tc.props) })
			lztest.ExpectInvalid(t, err, "logbucket: ImmutableBucketProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Logs")
		})
	}
}

// A key passed in belongs to the created bucket: adopting with it is refused.
func TestImmutableBucketPropsErrorsWithKey(t *testing.T) {
	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() {
		key := awskms.Key_FromKeyArn(stack, jsii.String("Key"), jsii.String("arn:aws:kms:eu-west-1:123456789012:key/abc"))
		_, err = logbucket.NewImmutableBucket(stack, "Logs", logbucket.ImmutableBucketProps{ExistingBucketName: "org-logs", Key: key})
	})
	lztest.ExpectInvalid(t, err, "logbucket: ImmutableBucketProps.", "ImmutableBucketProps.Key: applies to a bucket this construct creates")
	lztest.ExpectNoChild(t, stack, "Logs")
}

// The bucket's name comes from the stack's account and region; an environment-agnostic
// stack cannot name it, unless the bucket is adopted.
func TestImmutableBucketNeedsConcreteEnv(t *testing.T) {
	app := lztest.NewApp(t)
	var stack awscdk.Stack
	var err, adoptErr error
	lztest.Do(t, func() {
		stack = awscdk.NewStack(app, jsii.String("Agnostic"), nil)
		_, err = logbucket.NewImmutableBucket(stack, "Logs", logbucket.ImmutableBucketProps{})
		_, adoptErr = logbucket.NewImmutableBucket(stack, "Adopted", logbucket.ImmutableBucketProps{ExistingBucketName: "org-logs"})
	})
	lztest.ExpectInvalid(t, err, "logbucket: ImmutableBucketProps.", `ImmutableBucketProps.NamePrefix "": the bucket is named after the stack's account and region, which are unresolved`)
	lztest.ExpectNoChild(t, stack, "Logs")
	if adoptErr != nil {
		t.Errorf("adopting in an environment-agnostic stack: %v", adoptErr)
	}
}

// Validate needs no stack: it skips the checks that need the account and region.
func TestImmutableBucketPropsValidateWithoutStack(t *testing.T) {
	if err := (logbucket.ImmutableBucketProps{BreakGlassRoleArn: "arn:aws:iam::999999999999:role/BreakGlass"}).Validate(); err != nil {
		t.Errorf("a role of any account without a stack: %v", err)
	}
	err := logbucket.ImmutableBucketProps{RetentionDays: 36501, NamePrefix: "Acme"}.Validate()
	lztest.ExpectInvalid(t, err, "logbucket: ImmutableBucketProps.", `ImmutableBucketProps.RetentionDays 36501`, `ImmutableBucketProps.NamePrefix "Acme"`)
}

func TestAllowErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		allow func(*logbucket.ImmutableBucket) error
		want  []string
	}{
		{"trail ARN not an ARN", func(b *logbucket.ImmutableBucket) error {
			return b.AllowCloudTrail(logbucket.CloudTrailSource{TrailArn: "lz-organization-trail", OrganizationID: orgID})
		}, []string{`CloudTrailSource.TrailArn "lz-organization-trail": not an ARN such as "arn:aws:cloudtrail:...`}},
		{"trail ARN of a short account ID", func(b *logbucket.ImmutableBucket) error {
			return b.AllowCloudTrail(logbucket.CloudTrailSource{TrailArn: "arn:aws:cloudtrail:eu-west-1:11111111111:trail/t", OrganizationID: orgID})
		}, []string{`CloudTrailSource.TrailArn "arn:aws:cloudtrail:eu-west-1:11111111111:trail/t": not an ARN`}},
		{"trail ARN without account", func(b *logbucket.ImmutableBucket) error {
			return b.AllowCloudTrail(logbucket.CloudTrailSource{TrailArn: "arn:aws:cloudtrail:eu-west-1::trail/t", OrganizationID: orgID})
		}, []string{`CloudTrailSource.TrailArn "arn:aws:cloudtrail:eu-west-1::trail/t": names no management account or region`}},
		{"organization ID too short", func(b *logbucket.ImmutableBucket) error {
			return b.AllowCloudTrail(logbucket.CloudTrailSource{TrailArn: trailArn, OrganizationID: "o-abc"})
		}, []string{`CloudTrailSource.OrganizationID "o-abc": not an organization ID`}},
		{"organization ID in upper case", func(b *logbucket.ImmutableBucket) error {
			return b.AllowConfig(logbucket.ConfigSource{OrganizationID: "o-A1B2C3D4E5"})
		}, []string{`ConfigSource.OrganizationID "o-A1B2C3D4E5": not an organization ID`}},
		{"key prefix with a leading slash", func(b *logbucket.ImmutableBucket) error {
			return b.AllowCloudTrail(logbucket.CloudTrailSource{TrailArn: trailArn, OrganizationID: orgID, KeyPrefix: "/cloudtrail"})
		}, []string{`CloudTrailSource.KeyPrefix "/cloudtrail": must not start with a slash`}},
		{"key prefix with a trailing slash", func(b *logbucket.ImmutableBucket) error {
			return b.AllowGuardDuty(logbucket.GuardDutySource{AdminAccount: auditAcount, KeyPrefix: "findings/"})
		}, []string{`GuardDutySource.KeyPrefix "findings/": must not end with a slash`}},
		{"administrator account of 11 digits", func(b *logbucket.ImmutableBucket) error {
			return b.AllowGuardDuty(logbucket.GuardDutySource{AdminAccount: "33333333333"})
		}, []string{`GuardDutySource.AdminAccount "33333333333": not a 12-digit AWS account ID`}},
		{"administrator account with letters", func(b *logbucket.ImmutableBucket) error {
			return b.AllowGuardDuty(logbucket.GuardDutySource{AdminAccount: "audit"})
		}, []string{`GuardDutySource.AdminAccount "audit": not a 12-digit AWS account ID`}},
		{"firehose without role", func(b *logbucket.ImmutableBucket) error {
			return b.AllowFirehose(logbucket.FirehoseSource{KeyPrefix: "/cwlogs"})
		}, []string{`FirehoseSource.Role: required`, `FirehoseSource.KeyPrefix "/cwlogs": must not start with a slash`}},
		{"every problem at once", func(b *logbucket.ImmutableBucket) error {
			return b.AllowCloudTrail(logbucket.CloudTrailSource{TrailArn: "arn:aws:s3:::bucket", OrganizationID: "org", KeyPrefix: "/x/"})
		}, []string{`CloudTrailSource.TrailArn "arn:aws:s3:::bucket": an ARN of service s3, want cloudtrail`, `CloudTrailSource.OrganizationID "org"`, `CloudTrailSource.KeyPrefix "/x/"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() {
				b, newErr := logbucket.NewImmutableBucket(stack, "Logs", logbucket.ImmutableBucketProps{})
				if newErr != nil {
					t.Fatal(newErr)
				}
				err = tc.allow(b)
			})
			lztest.ExpectInvalid(t, err, "logbucket: ", tc.want...)
		})
	}
}

// Each producer is admitted once: its statements' Sids must stay unique.
func TestAllowTwice(t *testing.T) {
	stack := lztest.NewStack(t)
	var first, second error
	lztest.Do(t, func() {
		b, err := logbucket.NewImmutableBucket(stack, "Logs", logbucket.ImmutableBucketProps{})
		if err != nil {
			t.Fatal(err)
		}
		first = b.AllowConfig(logbucket.ConfigSource{OrganizationID: orgID})
		second = b.AllowConfig(logbucket.ConfigSource{OrganizationID: orgID})
	})
	if first != nil || second == nil || !strings.Contains(second.Error(), "AllowConfig was already called") {
		t.Errorf("first %v, second %v", first, second)
	}
}
