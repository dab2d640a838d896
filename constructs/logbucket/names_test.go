package logbucket_test

import (
	"testing"

	"github.com/go-landingzone/landingzone/constructs/logbucket"
)

func TestNames(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{logbucket.BucketName("", "123456789012", "eu-west-1"), "lz-logs-123456789012-eu-west-1"},
		{logbucket.BucketName("acme", "123456789012", "us-gov-west-1"), "acme-logs-123456789012-us-gov-west-1"},
		{logbucket.DefaultDeployRoleArn("", "", "123456789012", "eu-west-1"), "arn:aws:iam::123456789012:role/cdk-hnb659fds-cfn-exec-role-123456789012-eu-west-1"},
		{logbucket.DefaultDeployRoleArn("aws-cn", "q1", "123456789012", "cn-north-1"), "arn:aws-cn:iam::123456789012:role/cdk-q1-cfn-exec-role-123456789012-cn-north-1"},
		{logbucket.CloudTrailPath("cloudtrail", orgID, "222222222222", "eu-central-1"), "cloudtrail/AWSLogs/o-a1b2c3d4e5/222222222222/CloudTrail/eu-central-1/"},
		{logbucket.CloudTrailPath("", orgID, "222222222222", "eu-central-1"), "AWSLogs/o-a1b2c3d4e5/222222222222/CloudTrail/eu-central-1/"},
		{logbucket.BucketName("a", "123456789012", "ap-southeast-4"), "a-logs-123456789012-ap-southeast-4"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
