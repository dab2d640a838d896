package logarchive

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
)

// Defaults of LogArchiveProps. Dynamic partitioning needs a buffer of 64 to 128 MiB and
// 60 to 900 seconds; Firehose writes an object per partition when either fills.
const (
	// DefaultBufferingIntervalSeconds holds events up to five minutes, which keeps the
	// number of objects per log group low while the archive stays minutes behind.
	DefaultBufferingIntervalSeconds = 300
	// DefaultBufferingSizeMiB is the largest buffer Firehose offers.
	DefaultBufferingSizeMiB = 128
	// DefaultErrorLogRetentionDays keeps the stream's own error log a year.
	DefaultErrorLogRetentionDays = 365
)

// Firehose limits for a stream with dynamic partitioning.
const (
	MinBufferingIntervalSeconds = 60
	MaxBufferingIntervalSeconds = 900
	MinBufferingSizeMiB         = 64
	MaxBufferingSizeMiB         = 128
)

// LogArchiveProps configures NewLogArchive. Bucket, Key and one of OrganizationID and
// SourceAccounts are required; the zero value of every other field is the default: a
// stream named DefaultDeliveryStreamName with a five-minute, 128 MiB buffer, a
// destination named DefaultDestinationName, objects under "cwlogs/" at the bucket's
// root and an error log kept a year.
type LogArchiveProps struct {
	// Bucket receives the logs: the log archive's immutable bucket, in this stack's
	// account and region. Required. Its bucket policy must let the stream's delivery
	// role (LogArchive.DeliveryRole) write.
	Bucket awss3.IBucket
	// Key is the bucket's customer-managed key. Firehose encrypts the objects it writes
	// and its own buffer with it. Required.
	Key awskms.IKey
	// KeyPrefix is put before DataKeyPrefix and ErrorKeyPrefix, such as "logs" or
	// "logs/": no leading slash. Empty means the bucket's root.
	KeyPrefix string

	// OrganizationID ("o-...") admits every account of the organization as a sender.
	// Set it or SourceAccounts, not both.
	OrganizationID string
	// SourceAccounts admits exactly these 12-digit account IDs as senders, within the
	// size limits of the destination and trust policies (see the package
	// documentation). Set it or OrganizationID, not both.
	SourceAccounts []string

	// DestinationName names the CloudWatch Logs destination; workload accounts find it
	// through DestinationArn. Empty means DefaultDestinationName.
	DestinationName string
	// DeliveryStreamName names the Firehose stream and, through ErrorLogGroupName, its
	// error log group. Empty means DefaultDeliveryStreamName.
	DeliveryStreamName string

	// BufferingIntervalSeconds is how long Firehose buffers a partition before writing
	// it, 60 to 900. Zero means DefaultBufferingIntervalSeconds.
	BufferingIntervalSeconds int
	// BufferingSizeMiB is how much Firehose buffers per partition before writing it,
	// 64 to 128. Zero means DefaultBufferingSizeMiB.
	BufferingSizeMiB int

	// ErrorLogRetentionDays is how long the stream's error log group keeps its events;
	// one of the periods CloudWatch Logs offers. Zero means
	// DefaultErrorLogRetentionDays. Below 365 needs AllowShortErrorLogRetention.
	ErrorLogRetentionDays int
	// AllowShortErrorLogRetention accepts an ErrorLogRetentionDays below one year.
	// False refuses it.
	AllowShortErrorLogRetention bool
}

// withDefaults returns a copy of p with every zero field resolved.
func (p LogArchiveProps) withDefaults() LogArchiveProps {
	p.DestinationName = orDefault(p.DestinationName, DefaultDestinationName)
	p.DeliveryStreamName = orDefault(p.DeliveryStreamName, DefaultDeliveryStreamName)
	if p.BufferingIntervalSeconds == 0 {
		p.BufferingIntervalSeconds = DefaultBufferingIntervalSeconds
	}
	if p.BufferingSizeMiB == 0 {
		p.BufferingSizeMiB = DefaultBufferingSizeMiB
	}
	if p.ErrorLogRetentionDays == 0 {
		p.ErrorLogRetentionDays = DefaultErrorLogRetentionDays
	}
	return p
}

func (p LogArchiveProps) senders() senders {
	return senders{orgID: p.OrganizationID, accounts: p.SourceAccounts}
}

// LogDestinationProps configures NewLogDestination. DeliveryStreamArn and one of
// OrganizationID and SourceAccounts are required.
type LogDestinationProps struct {
	// DeliveryStreamArn is the log archive's Firehose stream in the home region, in
	// this stack's account: DeliveryStreamArn(homeRegion, account, name). Required.
	DeliveryStreamArn string
	// OrganizationID ("o-...") admits every account of the organization as a sender.
	// Set it or SourceAccounts, not both.
	OrganizationID string
	// SourceAccounts admits exactly these 12-digit account IDs as senders. Set it or
	// OrganizationID, not both.
	SourceAccounts []string
	// DestinationName names the destination. Empty means DefaultDestinationName.
	DestinationName string
}

func (p LogDestinationProps) withDefaults() LogDestinationProps {
	p.DestinationName = orDefault(p.DestinationName, DefaultDestinationName)
	return p
}

func (p LogDestinationProps) senders() senders {
	return senders{orgID: p.OrganizationID, accounts: p.SourceAccounts}
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
