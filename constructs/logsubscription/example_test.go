package logsubscription_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/constructs/logsubscription"
)

// A workload account streams every log group of its region to the log archive
// account's destination in the same region, found by name, except a log group whose
// events must stay in the account. The log archive's Firehose error log group is
// always excluded.
func ExampleNewAccountSubscription() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Baseline"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-west-1")},
	})
	sub, err := logsubscription.NewAccountSubscription(stack, "LogSubscription", logsubscription.AccountSubscriptionProps{
		DestinationArn:   logarchive.DestinationArn("eu-west-1", "222222222222", logarchive.DefaultDestinationName),
		ExcludeLogGroups: []string{"/payments/card-vault"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sub.SelectionCriteria)
	fmt.Println(sub.Covers("/aws/lambda/payments-api"), sub.Covers("/payments/card-vault"))
	// Output:
	// LogGroupName NOT IN ["/aws/kinesisfirehose/landingzone-log-archive","/payments/card-vault"]
	// true false
}

// The log archive's Firehose error log group cannot be subscribed: a failing stream
// would feed itself.
func ExampleNewLogGroupSubscription_errors() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("LogArchive"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("222222222222"), Region: jsii.String("eu-west-1")},
	})
	_, err := logsubscription.NewLogGroupSubscription(stack, "Subscription", logsubscription.LogGroupSubscriptionProps{
		LogGroupName:   logarchive.ErrorLogGroupName(logarchive.DefaultDeliveryStreamName),
		DestinationArn: logarchive.DestinationArn("us-east-1", "222222222222", logarchive.DefaultDestinationName),
	})
	fmt.Println(err)
	// Output:
	// logsubscription: LogGroupSubscriptionProps.LogGroupName "/aws/kinesisfirehose/landingzone-log-archive": is the log archive's Firehose error log group (stream landingzone-log-archive); subscribing it would feed the stream's failures back into the stream
	// logsubscription: LogGroupSubscriptionProps.DestinationArn "arn:aws:logs:us-east-1:222222222222:destination:landingzone-log-archive": in region us-east-1, not this stack's region eu-west-1; CloudWatch Logs sends only to a destination in the log groups' region
}
