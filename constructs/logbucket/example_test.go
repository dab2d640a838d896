package logbucket_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logbucket"
	"github.com/go-landingzone/landingzone/constructs/orgtrail"
)

// The log archive account's bucket admits the organization trail of the management
// account by the trail's deterministic ARN: neither stack needs the other's outputs.
func ExampleNewImmutableBucket() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("LogArchive"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("222222222222"), Region: jsii.String("eu-west-1")},
	})

	archive, err := logbucket.NewImmutableBucket(stack, "Logs", logbucket.ImmutableBucketProps{
		BreakGlassRoleArn: "arn:aws:iam::222222222222:role/LogArchiveBreakGlass",
	})
	if err == nil {
		err = archive.AllowCloudTrail(logbucket.CloudTrailSource{
			TrailArn:       orgtrail.TrailArn("aws", "eu-west-1", "111111111111", orgtrail.DefaultTrailName),
			OrganizationID: "o-a1b2c3d4e5",
		})
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(archive.BucketName)
	fmt.Println(logbucket.CloudTrailPath(logbucket.CloudTrailPrefix, "o-a1b2c3d4e5", "333333333333", "eu-central-1"))
	// Output:
	// lz-logs-222222222222-eu-west-1
	// cloudtrail/AWSLogs/o-a1b2c3d4e5/333333333333/CloudTrail/eu-central-1/
}

// Every problem in the props comes back at once, each naming the field and its value,
// and nothing is added to the stack.
func ExampleNewImmutableBucket_errors() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("LogArchive"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("222222222222"), Region: jsii.String("eu-west-1")},
	})

	_, err := logbucket.NewImmutableBucket(stack, "Logs", logbucket.ImmutableBucketProps{
		ObjectLockMode:    "LEGAL_HOLD",
		RetentionDays:     40000,
		BreakGlassRoleArn: "arn:aws:iam::2222:role/BreakGlass",
	})
	fmt.Println(err)
	fmt.Println("children:", len(*stack.Node().Children()))
	// Output:
	// logbucket: ImmutableBucketProps.ObjectLockMode "LEGAL_HOLD": want one of ["COMPLIANCE" "GOVERNANCE" "NONE"]
	// logbucket: ImmutableBucketProps.RetentionDays 40000: out of range; allowed 1-36500
	// logbucket: ImmutableBucketProps.BreakGlassRoleArn "arn:aws:iam::2222:role/BreakGlass": not an ARN such as "arn:aws:iam:..."
	// children: 0
}
