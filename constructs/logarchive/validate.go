package logarchive

import (
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/internal/check"
)

var destinationNamePattern = regexp.MustCompile(`^[^:*]{1,512}$`)

// env is what validation knows of the stack's account and region; empty fields are
// unknown (no stack, or an environment-agnostic one).
type env struct {
	account, region string
}

// envOf reads the concrete account and region of scope's stack.
func envOf(stack awscdk.Stack) env {
	var e env
	if !*awscdk.Token_IsUnresolved(stack.Account()) {
		e.account = *stack.Account()
	}
	if !*awscdk.Token_IsUnresolved(stack.Region()) {
		e.region = *stack.Region()
	}
	return e
}

// sizing returns the account and region to size policies with: the real ones when
// known, otherwise placeholders as long as the longest.
func (e env) sizing() (account, region string) {
	account, region = e.account, e.region
	if account == "" {
		account = "000000000000"
	}
	if region == "" {
		region = "xx-xxxxxxxxx-9"
	}
	return account, region
}

// Validate reports every problem in p, with fields named as in LogArchiveProps
// ("LogArchiveProps.BufferingSizeMiB"). Configuration loaders use it to report
// mistakes before building anything; NewLogArchive also sizes the policies with the
// stack's own account and region.
func (p LogArchiveProps) Validate() error {
	return p.validate(env{})
}

func (p LogArchiveProps) validate(e env) error {
	var l check.List
	r := p.withDefaults()
	if p.Bucket == nil {
		l.Addf("LogArchiveProps.Bucket", nil, "required: the log archive bucket the stream writes to")
	}
	if p.Key == nil {
		l.Addf("LogArchiveProps.Key", nil, "required: the bucket's KMS key, which encrypts the objects and the stream")
	}
	validateKeyPrefix(&l, "LogArchiveProps.KeyPrefix", p.KeyPrefix)
	if e.region != "" {
		check.FirehoseRegion(&l, "the stack's region", e.region)
	}
	account, region := e.sizing()
	r.senders().validate(&l, "LogArchiveProps.", DestinationArn(region, account, r.DestinationName), account)
	validateDestinationName(&l, "LogArchiveProps.DestinationName", r.DestinationName)
	check.FirehoseStreamName(&l, "LogArchiveProps.DeliveryStreamName", r.DeliveryStreamName)
	if v := r.BufferingIntervalSeconds; v < MinBufferingIntervalSeconds || v > MaxBufferingIntervalSeconds {
		l.Addf("LogArchiveProps.BufferingIntervalSeconds", v, "out of range; Firehose with dynamic partitioning allows %d-%d", MinBufferingIntervalSeconds, MaxBufferingIntervalSeconds)
	}
	if v := r.BufferingSizeMiB; v < MinBufferingSizeMiB || v > MaxBufferingSizeMiB {
		l.Addf("LogArchiveProps.BufferingSizeMiB", v, "out of range; Firehose with dynamic partitioning allows %d-%d", MinBufferingSizeMiB, MaxBufferingSizeMiB)
	}
	check.LogRetention(&l, "LogArchiveProps.ErrorLogRetentionDays", r.ErrorLogRetentionDays, p.AllowShortErrorLogRetention, "AllowShortErrorLogRetention")
	return l.Err("logarchive")
}

// Validate reports every problem in p, with fields named as in LogDestinationProps.
// NewLogDestination also checks the stream's account against the stack's.
func (p LogDestinationProps) Validate() error {
	return p.validate(env{})
}

func (p LogDestinationProps) validate(e env) error {
	var l check.List
	r := p.withDefaults()
	const field = "LogDestinationProps.DeliveryStreamArn"
	if p.DeliveryStreamArn == "" {
		l.Addf(field, p.DeliveryStreamArn, "required: the log archive's Firehose stream in the home region, as DeliveryStreamArn(homeRegion, account, name) gives it")
	} else if arn, ok := check.ParseARN(&l, field, p.DeliveryStreamArn, "firehose", "deliverystream/"); ok && e.account != "" && arn.Account != e.account {
		l.Addf(field, p.DeliveryStreamArn, "in account %s, not this stack's account %s; a destination's role can write only to a stream of its own account", arn.Account, e.account)
	}
	account, region := e.sizing()
	r.senders().validate(&l, "LogDestinationProps.", DestinationArn(region, account, r.DestinationName), account)
	validateDestinationName(&l, "LogDestinationProps.DestinationName", r.DestinationName)
	return l.Err("logarchive")
}

func validateDestinationName(l *check.List, field, name string) {
	if !destinationNamePattern.MatchString(name) {
		l.Addf(field, name, "not a destination name: 1-512 characters without : or *")
	}
}

// validateKeyPrefix refuses what would break or escape the key layout.
func validateKeyPrefix(l *check.List, field, prefix string) {
	check.KeyPrefix(l, field, prefix)
	switch {
	case strings.Contains(prefix, "!{"):
		l.Addf(field, prefix, "must not contain Firehose expressions (\"!{...}\"); the construct adds the partitions")
	case strings.Contains(strings.TrimRight(prefix, "/"), "//"):
		l.Addf(field, prefix, "has an empty path segment (\"//\")")
	case strings.ContainsFunc(prefix, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		l.Addf(field, prefix, "contains control characters")
	}
}
