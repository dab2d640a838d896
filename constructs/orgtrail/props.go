package orgtrail

import "github.com/go-landingzone/landingzone/constructs/logbucket"

// Defaults of OrganizationTrailProps.
const (
	// DefaultTrailName names the trail, and so its ARN, which the log archive's bucket
	// policy admits.
	DefaultTrailName = "lz-organization-trail"
	// DefaultKeyPrefix is where the trail writes in the log bucket, the prefix the
	// log bucket's layout reserves for it.
	DefaultKeyPrefix = logbucket.CloudTrailPrefix
	// DefaultLogRetentionDays keeps the trail's CloudWatch copy for a year.
	DefaultLogRetentionDays = 365
	// MaxKeyPrefixLength is the longest S3 key prefix CloudTrail accepts.
	MaxKeyPrefixLength = 200
)

// OrganizationTrailProps configures NewOrganizationTrail. The zero value, with
// BucketName set, is a multi-region organization trail named DefaultTrailName that
// records the management events of every account and region, global services
// included, with log file validation, encrypted with a new customer-managed key, into
// BucketName under DefaultKeyPrefix; no CloudWatch Logs copy, no data events, no
// Insights.
type OrganizationTrailProps struct {
	// TrailName names the trail: 3 to 128 letters, digits, periods, underscores and
	// hyphens, starting and ending with a letter or digit. Empty means
	// DefaultTrailName.
	TrailName string
	// BucketName is the log archive bucket the trail writes to, in another account,
	// such as logbucket.BucketName(prefix, logArchiveAccount, region). Its policy must
	// admit the trail (logbucket's AllowCloudTrail) before this stack deploys, and it
	// must be in the stack's region, as the trail's key is. Required.
	BucketName string
	// KeyPrefix is the trail's prefix in the bucket, without leading or trailing slash,
	// at most MaxKeyPrefixLength characters. Empty means DefaultKeyPrefix.
	KeyPrefix string

	// ReaderRoleArns are the IAM roles, in any account of the organization (typically
	// the log archive's and the audit account's), allowed to decrypt the trail's log
	// files through S3. Each also needs kms:Decrypt on the key in its own identity
	// policy. Empty means none outside the management account, whose IAM policies
	// govern its own principals.
	ReaderRoleArns []string

	// CloudWatchLogs also delivers events to a KMS-encrypted CloudWatch log group in
	// the management account, for metric filters and alarms. CloudWatch Logs charges
	// for ingestion (about USD 0.50 per GB) and storage. False delivers to S3 only.
	CloudWatchLogs bool
	// LogRetentionDays is how long the log group keeps events; one of the periods
	// CloudWatch Logs offers. Zero means DefaultLogRetentionDays. Below 365 needs
	// AllowShortLogRetention. Needs CloudWatchLogs.
	LogRetentionDays int
	// AllowShortLogRetention accepts a LogRetentionDays below one year, which most
	// audit frameworks reject. False refuses it.
	AllowShortLogRetention bool

	// S3DataEvents records object-level S3 API calls (GetObject, PutObject...) in every
	// bucket of the organization except the log bucket itself, whose deliveries would
	// record themselves. Data events cost about USD 0.10 per 100,000 and can outnumber
	// management events by far. False records none.
	S3DataEvents bool
	// LambdaDataEvents records every Lambda function invocation in the organization, at
	// the same price per event. False records none.
	LambdaDataEvents bool
	// Insights turns on CloudTrail Insights for unusual API call and error rates, about
	// USD 0.35 per 100,000 management events analysed for each of the two types.
	// False leaves it off.
	Insights bool

	// ExistingTrailName adopts an organization trail that already exists in the
	// stack's account and region, such as AWS Control Tower's
	// ("aws-controltower-BaselineCloudTrail"), instead of creating a second one:
	// duplicate organization trails double the CloudTrail bill. Nothing is created and
	// every other field must be left empty; the library can then guarantee nothing of
	// the trail's settings, key or destination. Empty creates the trail.
	ExistingTrailName string
}

// adopts reports whether p adopts an existing trail.
func (p OrganizationTrailProps) adopts() bool { return p.ExistingTrailName != "" }

// withDefaults returns a copy of p with every zero field resolved.
func (p OrganizationTrailProps) withDefaults() OrganizationTrailProps {
	if p.adopts() {
		p.TrailName = p.ExistingTrailName
		return p
	}
	if p.TrailName == "" {
		p.TrailName = DefaultTrailName
	}
	if p.KeyPrefix == "" {
		p.KeyPrefix = DefaultKeyPrefix
	}
	if p.CloudWatchLogs && p.LogRetentionDays == 0 {
		p.LogRetentionDays = DefaultLogRetentionDays
	}
	return p
}
