package logarchive_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
)

// The log archive account receives the organization's logs in its home region,
// eu-west-1, and in a second governed region, us-east-1, whose destination forwards
// to the home region's stream. Workload accounts find both destinations by name.
func ExampleNewLogArchive() {
	const logArchive = "222222222222"
	app := awscdk.NewApp(nil)
	home := awscdk.NewStack(app, jsii.String("LogArchive-eu-west-1"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String(logArchive), Region: jsii.String("eu-west-1")},
	})
	archive, err := logarchive.NewLogArchive(home, "LogArchive", logarchive.LogArchiveProps{
		Bucket:         awss3.Bucket_FromBucketName(home, jsii.String("Bucket"), jsii.String("landingzone-logs-222222222222-eu-west-1")),
		Key:            awskms.Key_FromKeyArn(home, jsii.String("Key"), jsii.String("arn:aws:kms:eu-west-1:222222222222:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0")),
		OrganizationID: "o-a1b2c3d4e5",
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	other := awscdk.NewStack(app, jsii.String("LogArchive-us-east-1"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String(logArchive), Region: jsii.String("us-east-1")},
	})
	dest, err := logarchive.NewLogDestination(other, "Destination", logarchive.LogDestinationProps{
		DeliveryStreamArn: logarchive.DeliveryStreamArn("eu-west-1", logArchive, logarchive.DefaultDeliveryStreamName),
		OrganizationID:    "o-a1b2c3d4e5",
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	fmt.Println(archive.Destination.Arn)
	fmt.Println(dest.Arn)
	fmt.Println(archive.DeliveryStreamArn)
	fmt.Println(archive.LogGroupKeyPrefix("111111111111", "/aws/lambda/payments"))
	fmt.Println(logarchive.ErrorLogGroupName(logarchive.DefaultDeliveryStreamName))
	// Output:
	// arn:aws:logs:eu-west-1:222222222222:destination:landingzone-log-archive
	// arn:aws:logs:us-east-1:222222222222:destination:landingzone-log-archive
	// arn:aws:firehose:eu-west-1:222222222222:deliverystream/landingzone-log-archive
	// cwlogs/account=111111111111/logGroup=aws/lambda/payments/
	// /aws/kinesisfirehose/landingzone-log-archive
}

// Every problem in the props comes back at once, and nothing is added to the stack.
func ExampleNewLogArchive_errors() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("LogArchive"), nil)
	_, err := logarchive.NewLogArchive(stack, "LogArchive", logarchive.LogArchiveProps{
		Bucket:           awss3.Bucket_FromBucketName(stack, jsii.String("Bucket"), jsii.String("logs")),
		Key:              awskms.Key_FromKeyArn(stack, jsii.String("Key"), jsii.String("arn:aws:kms:eu-west-1:222222222222:key/x")),
		SourceAccounts:   []string{"111111111111", "12345"},
		KeyPrefix:        "/logs",
		BufferingSizeMiB: 5,
	})
	fmt.Println(err)
	fmt.Println("log archive built:", stack.Node().TryFindChild(jsii.String("LogArchive")) != nil)
	// Output:
	// logarchive: LogArchiveProps.KeyPrefix "/logs": must not start with a slash
	// logarchive: LogArchiveProps.SourceAccounts[1] "12345": not a 12-digit AWS account ID
	// logarchive: LogArchiveProps.BufferingSizeMiB 5: out of range; Firehose with dynamic partitioning allows 64-128
	// log archive built: false
}
