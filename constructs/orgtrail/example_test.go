package orgtrail_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logbucket"
	"github.com/go-landingzone/landingzone/constructs/orgtrail"
)

// The management account's organization trail writes to the log archive account's
// bucket, found by its deterministic name, and lets the log archive's reader role
// decrypt.
func ExampleNewOrganizationTrail() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("OrgTrail"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-west-1")},
	})

	trail, err := orgtrail.NewOrganizationTrail(stack, "Trail", orgtrail.OrganizationTrailProps{
		BucketName:     logbucket.BucketName(logbucket.DefaultNamePrefix, "222222222222", "eu-west-1"),
		ReaderRoleArns: []string{"arn:aws:iam::222222222222:role/LogReader"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(trail.TrailArn)
	fmt.Println(trail.BucketName)
	fmt.Println(trail.LogPath("o-a1b2c3d4e5", "333333333333", "us-east-1"))
	// Output:
	// arn:aws:cloudtrail:eu-west-1:111111111111:trail/lz-organization-trail
	// lz-logs-222222222222-eu-west-1
	// cloudtrail/AWSLogs/o-a1b2c3d4e5/333333333333/CloudTrail/us-east-1/
}

// An organization whose trail AWS Control Tower already owns adopts it by name instead
// of paying for a second one.
func ExampleNewOrganizationTrail_adopt() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("OrgTrail"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-west-1")},
	})

	trail, err := orgtrail.NewOrganizationTrail(stack, "Trail", orgtrail.OrganizationTrailProps{
		ExistingTrailName: "aws-controltower-BaselineCloudTrail",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(trail.Adopted, trail.TrailArn)
	// Output:
	// true arn:aws:cloudtrail:eu-west-1:111111111111:trail/aws-controltower-BaselineCloudTrail
}
