package landingzone

import (
	"errors"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/constructs/logbucket"
	"github.com/go-landingzone/landingzone/constructs/orgtrail"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// LogArchiveStack is the log archive account's stack of one region.
type LogArchiveStack struct {
	Stack awscdk.Stack
	// Bucket is the immutable log bucket and ConfigBucket the bucket AWS Config
	// delivers to; both nil outside the home region.
	Bucket       *logbucket.ImmutableBucket
	ConfigBucket *logbucket.ImmutableBucket
	// Archive is the Firehose pipeline of the home region; nil elsewhere.
	Archive *logarchive.LogArchive
	// Destination receives the region's log subscriptions.
	Destination *logarchive.LogDestination
}

// logArchives builds the log archive account's stacks: the buckets and the Firehose
// stream in the home region, a Logs destination in every governed region.
func (b *builder) logArchives() {
	c := b.cfg
	for _, region := range c.regions() {
		s := b.newStack("LogArchive-"+region, c.Accounts.LogArchive, region, "log archive", coreStack)
		dependOn(s, b.organizationStack())
		a := &LogArchiveStack{Stack: s}
		b.lz.LogArchives[region] = a
		if region != c.Organization.HomeRegion {
			d, err := logarchive.NewLogDestination(s, "Destination", logarchive.LogDestinationProps{
				DeliveryStreamArn: logarchive.DeliveryStreamArn(c.Organization.HomeRegion, c.Accounts.LogArchive, logarchive.DefaultDeliveryStreamName),
				OrganizationID:    c.Organization.ID,
			})
			b.fail("logging.", "LogDestinationProps.", err)
			a.Destination = d
			continue
		}
		b.homeLogArchive(a)
	}
}

// homeLogArchive builds the home region's buckets, admits the producers and adds the
// Firehose stream.
func (b *builder) homeLogArchive(a *LogArchiveStack) {
	c, s := b.cfg, a.Stack
	props := c.bucketProps()
	if props.ExistingBucketName == "" {
		// The key is made here so that it has the alias the guardrails protect it by.
		key := secure.NewKey(s, "LogKey", "Encrypts the log archive bucket "+c.logBucketName())
		key.AddAlias(jsii.String(logKeyAlias(c.prefix())))
		props.Key = key
		awscdk.NewCfnOutput(s, jsii.String("LogKeyArn"), &awscdk.CfnOutputProps{
			Value:       key.KeyArn(),
			Description: jsii.String("Set logging.keyArn to this value: GuardDuty encrypts its findings archive with it"),
		})
	}
	bucket, err := logbucket.NewImmutableBucket(s, "Logs", props)
	if err != nil {
		b.fail("logging.", "ImmutableBucketProps.", err)
		return
	}
	a.Bucket = bucket
	b.admit("logging.", bucket.AllowCloudTrail(logbucket.CloudTrailSource{
		TrailArn:       orgtrail.TrailArn("", c.Organization.HomeRegion, c.Organization.ManagementAccount, c.trailName()),
		OrganizationID: c.Organization.ID,
	}))
	b.admit("logging.", bucket.AllowGuardDuty(logbucket.GuardDutySource{AdminAccount: c.Accounts.Audit}))

	archive, err := logarchive.NewLogArchive(s, "Archive", logarchive.LogArchiveProps{
		Bucket:                   bucket.Bucket,
		Key:                      bucket.Key,
		OrganizationID:           c.Organization.ID,
		BufferingIntervalSeconds: c.Logging.Firehose.BufferingIntervalSeconds,
		BufferingSizeMiB:         c.Logging.Firehose.BufferingSizeMiB,
	})
	if err != nil {
		b.fail("logging.firehose.", "LogArchiveProps.", err)
		return
	}
	a.Archive, a.Destination = archive, archive.Destination
	b.admit("logging.", bucket.AllowFirehose(logbucket.FirehoseSource{Role: archive.DeliveryRole}))

	if c.Security.Config.AdoptExistingRecorder {
		// The adopted recorders deliver where they always did.
		return
	}
	configBucket, err := logbucket.NewImmutableBucket(s, "ConfigLogs", c.configBucketProps())
	if err != nil {
		b.fail("logging.", "ImmutableBucketProps.", err)
		return
	}
	a.ConfigBucket = configBucket
	b.admit("logging.", configBucket.AllowConfig(logbucket.ConfigSource{OrganizationID: c.Organization.ID}))
}

// admit records the error of a producer grant; an adopted bucket's owner admits the
// producers, which the package documentation lists.
func (b *builder) admit(path string, err error) {
	if err != nil && !errors.Is(err, logbucket.ErrAdopted) {
		b.fail(path, "", err)
	}
}

// organizationStack is the Organization stack, or nil when it failed.
func (b *builder) organizationStack() awscdk.Stack {
	if b.lz.Organization == nil {
		return nil
	}
	return b.lz.Organization.Stack
}
