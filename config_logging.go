package landingzone

import (
	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/constructs/logbucket"
	"github.com/go-landingzone/landingzone/constructs/logsubscription"
	"github.com/go-landingzone/landingzone/constructs/orgtrail"
	"github.com/go-landingzone/landingzone/internal/check"
)

// Logging configures where the organization's logs go. Its zero value is the secure
// default: an Object Lock (COMPLIANCE, 365 days) bucket in the log archive account,
// an organization trail in the management account, and every log group of every
// workload account streamed to the archive.
type Logging struct {
	// ObjectLockMode is COMPLIANCE or GOVERNANCE. Empty means COMPLIANCE.
	ObjectLockMode string `json:"objectLockMode,omitempty" jsonschema:"enum=COMPLIANCE,enum=GOVERNANCE"`
	// RetentionDays is how long Object Lock keeps every log object, 1 to 36500. Zero
	// means 365.
	RetentionDays int `json:"retentionDays,omitempty"`
	// BreakGlassRoleArn is the one role of the log archive account that may delete
	// expired objects and change the bucket's protection. Empty means none.
	BreakGlassRoleArn string `json:"breakGlassRoleArn,omitempty"`
	// InfrequentAccessAfterDays, GlacierAfterDays and ExpireAfterDays move log
	// objects to colder storage and finally delete them. Zero means 90, 365 and never.
	InfrequentAccessAfterDays int `json:"infrequentAccessAfterDays,omitempty"`
	GlacierAfterDays          int `json:"glacierAfterDays,omitempty"`
	ExpireAfterDays           int `json:"expireAfterDays,omitempty"`
	// AccessLogExpireAfterDays is how long S3 server access logs are kept. Zero means
	// 365.
	AccessLogExpireAfterDays int `json:"accessLogExpireAfterDays,omitempty"`
	// ExistingBucketName adopts a log bucket that exists already (such as AWS Control
	// Tower's) instead of creating one; the landing zone then cannot change its
	// policy. Empty creates the bucket.
	ExistingBucketName string `json:"existingBucketName,omitempty"`
	// ExistingKeyArn is the KMS key of the adopted bucket. Empty means none.
	ExistingKeyArn string `json:"existingKeyArn,omitempty"`
	// KeyArn is the ARN of the log bucket's KMS key, which the LogArchive stack outputs
	// as LogKeyArn after its first deploy (or ExistingKeyArn): GuardDuty encrypts the
	// findings it archives with it. Required.
	KeyArn string `json:"keyArn,omitempty"`
	// Trail configures the organization trail.
	Trail Trail `json:"trail,omitempty"`
	// Firehose tunes the stream that writes CloudWatch Logs to the archive.
	Firehose Firehose `json:"firehose,omitempty"`
	// Subscriptions configures the account-wide log subscriptions of the workloads.
	Subscriptions Subscriptions `json:"subscriptions,omitempty"`
}

// Trail configures the organization trail; see orgtrail.OrganizationTrailProps.
type Trail struct {
	// TrailName names the trail. Empty means "lz-organization-trail".
	TrailName string `json:"trailName,omitempty"`
	// ReaderRoleArns are roles, of any account, allowed to decrypt the trail's log
	// files. Empty means none.
	ReaderRoleArns []string `json:"readerRoleArns,omitempty"`
	// CloudWatchLogs also delivers the trail to an encrypted log group in the
	// management account, for the CIS alarms. False means S3 only.
	CloudWatchLogs bool `json:"cloudWatchLogs,omitempty"`
	// LogRetentionDays is the log group's retention. Zero means 365.
	LogRetentionDays int `json:"logRetentionDays,omitempty"`
	// AllowShortLogRetention accepts logRetentionDays below a year.
	AllowShortLogRetention bool `json:"allowShortLogRetention,omitempty"`
	// S3DataEvents, LambdaDataEvents and Insights turn on the extra, separately
	// charged event types. False means management events only.
	S3DataEvents     bool `json:"s3DataEvents,omitempty"`
	LambdaDataEvents bool `json:"lambdaDataEvents,omitempty"`
	Insights         bool `json:"insights,omitempty"`
	// ExistingTrailName adopts an organization trail that exists already instead of
	// creating a second one, which would double the CloudTrail bill. Empty creates it.
	ExistingTrailName string `json:"existingTrailName,omitempty"`
}

// Firehose tunes the log archive's delivery stream.
type Firehose struct {
	// BufferingIntervalSeconds is how long the stream buffers, 60 to 900. Zero means
	// 300.
	BufferingIntervalSeconds int `json:"bufferingIntervalSeconds,omitempty"`
	// BufferingSizeMiB is how much it buffers, 64 to 128. Zero means 128.
	BufferingSizeMiB int `json:"bufferingSizeMiB,omitempty"`
}

// Subscriptions configures the account-wide subscription filter policy of every
// workload account.
type Subscriptions struct {
	// ExcludeLogGroups names log groups that are not streamed to the archive. Empty
	// means every log group but the archive's own error log group.
	ExcludeLogGroups []string `json:"excludeLogGroups,omitempty"`
	// FilterPattern selects the events to stream. Empty means all.
	FilterPattern string `json:"filterPattern,omitempty"`
	// Disabled streams nothing. False streams every log group.
	Disabled bool `json:"disabled,omitempty"`
}

// bucketProps is the log archive bucket of the configuration.
func (c Config) bucketProps() logbucket.ImmutableBucketProps {
	g := c.Logging
	if g.ExistingBucketName != "" {
		return logbucket.ImmutableBucketProps{ExistingBucketName: g.ExistingBucketName, ExistingKeyArn: g.ExistingKeyArn}
	}
	return logbucket.ImmutableBucketProps{
		NamePrefix:                c.prefix(),
		ObjectLockMode:            logbucket.ObjectLockMode(g.ObjectLockMode),
		RetentionDays:             g.RetentionDays,
		BreakGlassRoleArn:         g.BreakGlassRoleArn,
		InfrequentAccessAfterDays: g.InfrequentAccessAfterDays,
		GlacierAfterDays:          g.GlacierAfterDays,
		ExpireAfterDays:           g.ExpireAfterDays,
		AccessLogExpireAfterDays:  g.AccessLogExpireAfterDays,
		ExistingKeyArn:            g.ExistingKeyArn,
		DeployRoleArn:             c.logArchiveDeployRole(c.Organization.HomeRegion),
	}
}

// configBucketProps is the bucket AWS Config delivers to: like the log bucket but
// without Object Lock, which Config refuses.
func (c Config) configBucketProps() logbucket.ImmutableBucketProps {
	g := c.Logging
	return logbucket.ImmutableBucketProps{
		NamePrefix:                c.prefix() + "-config",
		ObjectLockMode:            logbucket.ObjectLockNone,
		BreakGlassRoleArn:         g.BreakGlassRoleArn,
		InfrequentAccessAfterDays: g.InfrequentAccessAfterDays,
		GlacierAfterDays:          g.GlacierAfterDays,
		ExpireAfterDays:           g.ExpireAfterDays,
		AccessLogExpireAfterDays:  g.AccessLogExpireAfterDays,
		DeployRoleArn:             c.logArchiveDeployRole(c.Organization.HomeRegion),
	}
}

// logArchiveDeployRole is the CloudFormation execution role of the landing zone's
// bootstrap in the log archive account and region, which alone may change the log
// buckets' settings.
func (c Config) logArchiveDeployRole(region string) string {
	return logbucket.DefaultDeployRoleArn("", c.qualifier(), c.Accounts.LogArchive, region)
}

// logBucketName is the log archive bucket's name, as every account refers to it.
func (c Config) logBucketName() string {
	if c.Logging.ExistingBucketName != "" {
		return c.Logging.ExistingBucketName
	}
	return logbucket.BucketName(c.prefix(), c.Accounts.LogArchive, c.Organization.HomeRegion)
}

// configBucketName is the name of the bucket AWS Config delivers to.
func (c Config) configBucketName() string {
	return logbucket.BucketName(c.prefix()+"-config", c.Accounts.LogArchive, c.Organization.HomeRegion)
}

// trailProps is the organization trail of the configuration.
func (c Config) trailProps() orgtrail.OrganizationTrailProps {
	t := c.Logging.Trail
	if t.ExistingTrailName != "" {
		return orgtrail.OrganizationTrailProps{ExistingTrailName: t.ExistingTrailName}
	}
	return orgtrail.OrganizationTrailProps{
		TrailName:              t.TrailName,
		BucketName:             c.logBucketName(),
		ReaderRoleArns:         t.ReaderRoleArns,
		CloudWatchLogs:         t.CloudWatchLogs,
		LogRetentionDays:       t.LogRetentionDays,
		AllowShortLogRetention: t.AllowShortLogRetention,
		S3DataEvents:           t.S3DataEvents,
		LambdaDataEvents:       t.LambdaDataEvents,
		Insights:               t.Insights,
	}
}

// trailName resolves the trail's name.
func (c Config) trailName() string {
	switch {
	case c.Logging.Trail.ExistingTrailName != "":
		return c.Logging.Trail.ExistingTrailName
	case c.Logging.Trail.TrailName != "":
		return c.Logging.Trail.TrailName
	}
	return orgtrail.DefaultTrailName
}

// subscriptionProps is the account subscription of a workload in region.
func (c Config) subscriptionProps(region string) logsubscription.AccountSubscriptionProps {
	s := c.Logging.Subscriptions
	return logsubscription.AccountSubscriptionProps{
		DestinationArn:   logarchive.DestinationArn(region, c.Accounts.LogArchive, logarchive.DefaultDestinationName),
		ExcludeLogGroups: s.ExcludeLogGroups,
		FilterPattern:    s.FilterPattern,
	}
}

func (c Config) validateLogging(l *check.List) {
	g := c.Logging
	if g.ExistingBucketName != "" {
		for _, f := range []struct {
			name string
			set  bool
		}{
			{"objectLockMode", g.ObjectLockMode != ""}, {"retentionDays", g.RetentionDays != 0},
			{"breakGlassRoleArn", g.BreakGlassRoleArn != ""}, {"infrequentAccessAfterDays", g.InfrequentAccessAfterDays != 0},
			{"glacierAfterDays", g.GlacierAfterDays != 0}, {"expireAfterDays", g.ExpireAfterDays != 0},
			{"accessLogExpireAfterDays", g.AccessLogExpireAfterDays != 0},
		} {
			if f.set {
				l.Addf("logging."+f.name, nil, "applies to a bucket the landing zone creates; with `existingBucketName` the adopted bucket keeps its own settings")
			}
		}
	}
	if c.coreKnown() {
		if c.Organization.Prefix == "" || namePrefix.MatchString(c.Organization.Prefix) {
			l.MergeAs("logging.", "ImmutableBucketProps.", c.bucketProps().Validate())
		}
		l.MergeAs("logging.trail.", "OrganizationTrailProps.", c.trailProps().Validate())
	}
	if f := g.Firehose.BufferingIntervalSeconds; f != 0 {
		check.Range(l, "logging.firehose.bufferingIntervalSeconds", f, logarchive.MinBufferingIntervalSeconds, logarchive.MaxBufferingIntervalSeconds)
	}
	if f := g.Firehose.BufferingSizeMiB; f != 0 {
		check.Range(l, "logging.firehose.bufferingSizeMiB", f, logarchive.MinBufferingSizeMiB, logarchive.MaxBufferingSizeMiB)
	}
	if c.Accounts.LogArchive != "" && c.Organization.HomeRegion != "" {
		l.MergeAs("logging.subscriptions.", "AccountSubscriptionProps.", c.subscriptionProps(c.Organization.HomeRegion).Validate())
	}
}
