package logsubscription_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/constructs/logsubscription"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestAccountSubscriptionPropsErrors(t *testing.T) {
	// 200 names of 128 characters do not fit the 25 KB selection criteria.
	long := make([]string, 200)
	for i := range long {
		long[i] = fmt.Sprintf("/app/%0123d", i)
	}
	for _, tc := range []struct {
		name  string
		props logsubscription.AccountSubscriptionProps
		want  []string
	}{
		{"empty destination ARN", logsubscription.AccountSubscriptionProps{},
			[]string{`AccountSubscriptionProps.DestinationArn "": required: the log archive's destination in this region`}},
		{"not a destination", logsubscription.AccountSubscriptionProps{DestinationArn: logarchive.DeliveryStreamArn(lztest.Region, logArchive, "x")},
			[]string{`AccountSubscriptionProps.DestinationArn "arn:aws:firehose:eu-west-1:222222222222:deliverystream/x": an ARN of service firehose, want logs`}},
		{"destination ARN without a name", logsubscription.AccountSubscriptionProps{DestinationArn: "arn:aws:logs:eu-west-1:222222222222:destination:"},
			[]string{`AccountSubscriptionProps.DestinationArn "arn:aws:logs:eu-west-1:222222222222:destination:": names no destination`}},
		{"account ID not 12 digits", logsubscription.AccountSubscriptionProps{DestinationArn: "arn:aws:logs:eu-west-1:22222:destination:x"},
			[]string{`AccountSubscriptionProps.DestinationArn "arn:aws:logs:eu-west-1:22222:destination:x": not an ARN`}},
		{"no account", logsubscription.AccountSubscriptionProps{DestinationArn: "arn:aws:logs:eu-west-1::destination:x"},
			[]string{`AccountSubscriptionProps.DestinationArn "arn:aws:logs:eu-west-1::destination:x": names no account or no region`}},
		{"destination in another region", logsubscription.AccountSubscriptionProps{DestinationArn: logarchive.DestinationArn("us-east-1", logArchive, "x")},
			[]string{"in region us-east-1, not this stack's region eu-west-1; CloudWatch Logs sends only to a destination in the log groups' region"}},
		{"wildcard exclusion", logsubscription.AccountSubscriptionProps{DestinationArn: destinationArn, ExcludeLogGroups: []string{"/aws/kinesisfirehose/*"}},
			[]string{`AccountSubscriptionProps.ExcludeLogGroups[0] "/aws/kinesisfirehose/*": a wildcard; CloudWatch Logs excludes exact log group names only`}},
		{"malformed exclusion", logsubscription.AccountSubscriptionProps{DestinationArn: destinationArn, ExcludeLogGroups: []string{"", "my logs"}},
			[]string{`AccountSubscriptionProps.ExcludeLogGroups[0] "": not a log group name`, `AccountSubscriptionProps.ExcludeLogGroups[1] "my logs": not a log group name`}},
		{"duplicate exclusion", logsubscription.AccountSubscriptionProps{DestinationArn: destinationArn, ExcludeLogGroups: []string{"/a", "/a"}},
			[]string{`AccountSubscriptionProps.ExcludeLogGroups[1] "/a": duplicate of AccountSubscriptionProps.ExcludeLogGroups[0]`}},
		{"exclusions leave no room for the error log group", logsubscription.AccountSubscriptionProps{DestinationArn: destinationArn, ExcludeLogGroups: long},
			[]string{`AccountSubscriptionProps.ExcludeLogGroups "200 names": the selection criteria would be`, "with the Firehose error log group /aws/kinesisfirehose/landingzone-log-archive, which is always excluded; CloudWatch Logs accepts at most 25000"}},
		{"malformed stream name", logsubscription.AccountSubscriptionProps{DestinationArn: destinationArn, DeliveryStreamName: "log archive"},
			[]string{`AccountSubscriptionProps.DeliveryStreamName "log archive": not a Firehose stream name`}},
		{"reserved policy name", logsubscription.AccountSubscriptionProps{DestinationArn: destinationArn, PolicyName: "aws/logs"},
			[]string{`AccountSubscriptionProps.PolicyName "aws/logs": must not start with "aws/"`}},
		{"filter pattern too long", logsubscription.AccountSubscriptionProps{DestinationArn: destinationArn, FilterPattern: strings.Repeat("x", 1025)},
			[]string{"AccountSubscriptionProps.FilterPattern", "1025 bytes; CloudWatch Logs accepts at most 1024"}},
		{"every problem at once", logsubscription.AccountSubscriptionProps{ExcludeLogGroups: []string{"*"}, DeliveryStreamName: "a b", PolicyName: "aws/x", FilterPattern: "a\nb"},
			[]string{"AccountSubscriptionProps.DestinationArn", `AccountSubscriptionProps.ExcludeLogGroups[0] "*"`, `AccountSubscriptionProps.DeliveryStreamName "a b"`,
				`AccountSubscriptionProps.PolicyName "aws/x"`, "AccountSubscriptionProps.FilterPattern"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = logsubscription.NewAccountSubscription(stack, "LogSubscription", tc.props) })
			lztest.ExpectInvalid(t, err, "logsubscription: AccountSubscriptionProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "LogSubscription")
		})
	}
}

func TestLogGroupSubscriptionPropsErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		props logsubscription.LogGroupSubscriptionProps
		want  []string
	}{
		{"no log group", logsubscription.LogGroupSubscriptionProps{DestinationArn: destinationArn},
			[]string{`LogGroupSubscriptionProps.LogGroupName "": required`}},
		{"the Firehose error log group", logsubscription.LogGroupSubscriptionProps{DestinationArn: destinationArn, LogGroupName: "/aws/kinesisfirehose/landingzone-log-archive"},
			[]string{`LogGroupSubscriptionProps.LogGroupName "/aws/kinesisfirehose/landingzone-log-archive": is the log archive's Firehose error log group (stream landingzone-log-archive); subscribing it would feed the stream's failures back into the stream`}},
		{"the error log group of a renamed stream", logsubscription.LogGroupSubscriptionProps{DestinationArn: destinationArn, DeliveryStreamName: "central", LogGroupName: logarchive.ErrorLogGroupName("central")},
			[]string{`LogGroupSubscriptionProps.LogGroupName "/aws/kinesisfirehose/central": is the log archive's Firehose error log group (stream central)`}},
		{"malformed log group", logsubscription.LogGroupSubscriptionProps{DestinationArn: destinationArn, LogGroupName: "app:logs"},
			[]string{`LogGroupSubscriptionProps.LogGroupName "app:logs": not a log group name`}},
		{"empty destination ARN", logsubscription.LogGroupSubscriptionProps{LogGroupName: "/app"},
			[]string{`LogGroupSubscriptionProps.DestinationArn "": required`}},
		{"destination in another region", logsubscription.LogGroupSubscriptionProps{LogGroupName: "/app", DestinationArn: logarchive.DestinationArn("eu-central-1", logArchive, "x")},
			[]string{"not this stack's region eu-west-1"}},
		{"malformed filter name", logsubscription.LogGroupSubscriptionProps{LogGroupName: "/app", DestinationArn: destinationArn, FilterName: "to:archive"},
			[]string{`LogGroupSubscriptionProps.FilterName "to:archive": not a subscription filter name`}},
		{"every problem at once", logsubscription.LogGroupSubscriptionProps{LogGroupName: "/aws/kinesisfirehose/landingzone-log-archive", FilterPattern: strings.Repeat("x", 2000)},
			[]string{"LogGroupSubscriptionProps.LogGroupName", "LogGroupSubscriptionProps.DestinationArn", "LogGroupSubscriptionProps.FilterPattern"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = logsubscription.NewLogGroupSubscription(stack, "Subscription", tc.props) })
			lztest.ExpectInvalid(t, err, "logsubscription: LogGroupSubscriptionProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Subscription")
		})
	}
}

// Validate needs no stack: it skips the region check.
func TestValidateWithoutStack(t *testing.T) {
	other := logarchive.DestinationArn("us-east-1", logArchive, "x")
	if err := (logsubscription.AccountSubscriptionProps{DestinationArn: other}).Validate(); err != nil {
		t.Errorf("account subscription without a region: %v", err)
	}
	err := logsubscription.LogGroupSubscriptionProps{DestinationArn: other, LogGroupName: logarchive.ErrorLogGroupName(logarchive.DefaultDeliveryStreamName)}.Validate()
	lztest.ExpectInvalid(t, err, "logsubscription: LogGroupSubscriptionProps.", "Firehose error log group")
}

// CloudWatch Logs keeps one account-level subscription filter policy per account and
// region: a second in the stack is refused.
func TestSecondAccountSubscriptionInAStack(t *testing.T) {
	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() {
		props := logsubscription.AccountSubscriptionProps{DestinationArn: logarchive.DestinationArn(lztest.Region, logArchive, logarchive.DefaultDestinationName)}
		if _, err = logsubscription.NewAccountSubscription(stack, "First", props); err != nil {
			t.Fatal(err)
		}
		_, err = logsubscription.NewAccountSubscription(stack, "Second", props)
	})
	lztest.ExpectInvalid(t, err, "logsubscription: AccountSubscriptionProps", "logsubscription: AccountSubscriptionProps: a second AccountSubscription in the stack")
	lztest.ExpectNoChild(t, stack, "Second")
}
