package logsubscription

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/internal/check"
)

var filterNamePattern = regexp.MustCompile(`^[^:*]{1,512}$`)

// Validate reports every problem in p, with fields named as in
// AccountSubscriptionProps. NewAccountSubscription also checks the destination's region
// against the stack's.
func (p AccountSubscriptionProps) Validate() error {
	return p.validate("")
}

// validate checks p; region is the stack's, or empty when unknown.
func (p AccountSubscriptionProps) validate(region string) error {
	var l check.List
	r := p.withDefaults()
	validateDestinationArn(&l, "AccountSubscriptionProps.DestinationArn", p.DestinationArn, region)
	check.FirehoseStreamName(&l, "AccountSubscriptionProps.DeliveryStreamName", r.DeliveryStreamName)
	for i, name := range p.ExcludeLogGroups {
		field := check.Index("AccountSubscriptionProps.ExcludeLogGroups", i)
		if strings.Contains(name, "*") {
			l.Addf(field, name, "a wildcard; CloudWatch Logs excludes exact log group names only")
			continue
		}
		check.LogGroupName(&l, field, name)
	}
	check.Duplicates(&l, "AccountSubscriptionProps.ExcludeLogGroups[%d]", p.ExcludeLogGroups)
	errorGroup := logarchive.ErrorLogGroupName(r.DeliveryStreamName)
	if n := len(selectionCriteria(excluded(errorGroup, p.ExcludeLogGroups))); n > MaxSelectionCriteriaBytes {
		l.Addf("AccountSubscriptionProps.ExcludeLogGroups", fmt.Sprintf("%d names", len(p.ExcludeLogGroups)),
			"the selection criteria would be %d bytes with the Firehose error log group %s, which is always excluded; CloudWatch Logs accepts at most %d", n, errorGroup, MaxSelectionCriteriaBytes)
	}
	check.LogFilterPattern(&l, "AccountSubscriptionProps.FilterPattern", p.FilterPattern)
	if strings.HasPrefix(r.PolicyName, "aws/") {
		l.Addf("AccountSubscriptionProps.PolicyName", r.PolicyName, "must not start with \"aws/\", which CloudWatch Logs reserves")
	}
	return l.Err("logsubscription")
}

// Validate reports every problem in p, with fields named as in
// LogGroupSubscriptionProps. NewLogGroupSubscription also checks the destination's
// region against the stack's.
func (p LogGroupSubscriptionProps) Validate() error {
	return p.validate("")
}

func (p LogGroupSubscriptionProps) validate(region string) error {
	var l check.List
	r := p.withDefaults()
	const field = "LogGroupSubscriptionProps.LogGroupName"
	errorGroup := logarchive.ErrorLogGroupName(r.DeliveryStreamName)
	switch {
	case p.LogGroupName == "":
		l.Addf(field, p.LogGroupName, "required: the log group to subscribe")
	case isToken(p.LogGroupName):
		// Known only at deploy time.
	case p.LogGroupName == errorGroup:
		l.Addf(field, p.LogGroupName, "is the log archive's Firehose error log group (stream %s); subscribing it would feed the stream's failures back into the stream", r.DeliveryStreamName)
	default:
		check.LogGroupName(&l, field, p.LogGroupName)
	}
	validateDestinationArn(&l, "LogGroupSubscriptionProps.DestinationArn", p.DestinationArn, region)
	check.FirehoseStreamName(&l, "LogGroupSubscriptionProps.DeliveryStreamName", r.DeliveryStreamName)
	check.LogFilterPattern(&l, "LogGroupSubscriptionProps.FilterPattern", p.FilterPattern)
	if !filterNamePattern.MatchString(r.FilterName) {
		l.Addf("LogGroupSubscriptionProps.FilterName", r.FilterName, "not a subscription filter name: 1-512 characters without : or *")
	}
	return l.Err("logsubscription")
}

// validateDestinationArn checks that arn is a CloudWatch Logs destination in region,
// when the region is known.
// destinationName is a CloudWatch Logs destination's name.
var destinationName = regexp.MustCompile(`^[^:*]{1,512}$`)

func validateDestinationArn(l *check.List, field, arn, region string) {
	if arn == "" {
		l.Addf(field, arn, "required: the log archive's destination in this region, as logarchive.DestinationArn(region, logArchiveAccount, name) gives it")
		return
	}
	a, ok := check.ParseARN(l, field, arn, "logs", "destination:")
	switch {
	case !ok:
	case a.Account == "" || a.Region == "":
		l.Addf(field, arn, "names no account or no region; a destination ARN has both, as logarchive.DestinationArn gives it")
	case !destinationName.MatchString(strings.TrimPrefix(a.Resource, "destination:")):
		// PutDestination (CloudWatch Logs API Reference): destinationName is 1-512
		// characters of [^:*]*.
		l.Addf(field, arn, "names no destination: the part after \"destination:\" must be 1-512 characters without : or *")
	case region != "" && a.Region != region:
		l.Addf(field, arn, "in region %s, not this stack's region %s; CloudWatch Logs sends only to a destination in the log groups' region", a.Region, region)
	}
}

// excluded returns the selection criteria's names: the Firehose error log group first,
// then the caller's in order, without repeating the error log group.
func excluded(errorGroup string, names []string) []string {
	out := []string{errorGroup}
	for _, n := range names {
		if n != errorGroup {
			out = append(out, n)
		}
	}
	return out
}

// selectionCriteria renders names as CloudWatch Logs' only selection for subscription
// filter policies.
func selectionCriteria(names []string) string {
	quoted, err := json.Marshal(names)
	if err != nil {
		panic("logsubscription: " + err.Error())
	}
	return "LogGroupName NOT IN " + string(quoted)
}

// isToken reports whether s holds a CDK token, a value known only at deploy time.
func isToken(s string) bool {
	return strings.Contains(s, "${Token[")
}

// stackRegion is the stack's region, or empty for an environment-agnostic stack.
func stackRegion(stack awscdk.Stack) string {
	if *awscdk.Token_IsUnresolved(stack.Region()) {
		return ""
	}
	return *stack.Region()
}
