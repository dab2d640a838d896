package orgtrail_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/orgtrail"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestOrganizationTrailPropsErrors(t *testing.T) {
	type props = orgtrail.OrganizationTrailProps
	for _, tc := range []struct {
		name  string
		props props
		want  []string
	}{
		{"no bucket", props{}, []string{`OrganizationTrailProps.BucketName "": required`}},
		{"bucket name breaking S3 rules", props{BucketName: "Org_Logs"}, []string{`OrganizationTrailProps.BucketName "Org_Logs": not an S3 bucket name`}},
		{"bucket name with adjacent dots", props{BucketName: "org..logs"}, []string{`OrganizationTrailProps.BucketName "org..logs": not an S3 bucket name: two adjacent dots`}},
		{"trail name with a space", props{BucketName: logBucket, TrailName: "org trail"}, []string{`OrganizationTrailProps.TrailName "org trail": not a trail name`}},
		{"trail name too short", props{BucketName: logBucket, TrailName: "ot"}, []string{`OrganizationTrailProps.TrailName "ot": not a trail name`}},
		{"trail name with adjacent separators", props{BucketName: logBucket, TrailName: "org-_trail"}, []string{`OrganizationTrailProps.TrailName "org-_trail": not a trail name: adjacent`}},
		{"trail name like an IP address", props{BucketName: logBucket, TrailName: "10.0.0.1"}, []string{`OrganizationTrailProps.TrailName "10.0.0.1": not a trail name: formatted as an IP address`}},
		{"key prefix with a leading slash", props{BucketName: logBucket, KeyPrefix: "/cloudtrail"}, []string{`OrganizationTrailProps.KeyPrefix "/cloudtrail": must not start with a slash`}},
		{"key prefix with a trailing slash", props{BucketName: logBucket, KeyPrefix: "cloudtrail/"}, []string{`OrganizationTrailProps.KeyPrefix "cloudtrail/": must not end with a slash`}},
		{"key prefix too long", props{BucketName: logBucket, KeyPrefix: strings.Repeat("a", 201)}, []string{`longer than the 200 characters CloudTrail accepts`}},
		{"reader not an ARN", props{BucketName: logBucket, ReaderRoleArns: []string{"LogReader"}}, []string{`OrganizationTrailProps.ReaderRoleArns[0] "LogReader": not an ARN`}},
		{"reader of an 11-digit account", props{BucketName: logBucket, ReaderRoleArns: []string{"arn:aws:iam::22222222222:role/LogReader"}},
			[]string{`OrganizationTrailProps.ReaderRoleArns[0] "arn:aws:iam::22222222222:role/LogReader": not an ARN`}},
		{"reader is a user", props{BucketName: logBucket, ReaderRoleArns: []string{"arn:aws:iam::222222222222:user/alice"}},
			[]string{`OrganizationTrailProps.ReaderRoleArns[0] "arn:aws:iam::222222222222:user/alice": the resource part must start with "role/"`}},
		{"duplicate reader", props{BucketName: logBucket, ReaderRoleArns: []string{"arn:aws:iam::222222222222:role/R", "arn:aws:iam::222222222222:role/R"}},
			[]string{`OrganizationTrailProps.ReaderRoleArns[1] "arn:aws:iam::222222222222:role/R": duplicate of OrganizationTrailProps.ReaderRoleArns[0]`}},
		{"retention without CloudWatch Logs", props{BucketName: logBucket, LogRetentionDays: 731}, []string{"OrganizationTrailProps.LogRetentionDays 731: applies to the CloudWatch log group; set `CloudWatchLogs`"}},
		{"short retention", props{BucketName: logBucket, CloudWatchLogs: true, LogRetentionDays: 90}, []string{"OrganizationTrailProps.LogRetentionDays 90: below the 365-day minimum; set `AllowShortLogRetention`"}},
		{"retention CloudWatch does not offer", props{BucketName: logBucket, CloudWatchLogs: true, LogRetentionDays: 500}, []string{`OrganizationTrailProps.LogRetentionDays 500: not a CloudWatch Logs retention`}},
		{"existing trail name invalid", props{ExistingTrailName: "-trail"}, []string{`OrganizationTrailProps.ExistingTrailName "-trail": not a trail name`}},
		{"settings of a created trail on an adopted one", props{ExistingTrailName: "aws-controltower-BaselineCloudTrail", BucketName: logBucket, S3DataEvents: true},
			[]string{"OrganizationTrailProps.BucketName: applies to a trail this construct creates; with `ExistingTrailName`", "OrganizationTrailProps.S3DataEvents: applies to a trail"}},
		{"every problem at once", props{BucketName: "x", TrailName: "a b", KeyPrefix: "/ct", ReaderRoleArns: []string{"role/x"}, LogRetentionDays: 7},
			[]string{`OrganizationTrailProps.BucketName "x"`, `OrganizationTrailProps.TrailName "a b"`, `OrganizationTrailProps.KeyPrefix "/ct"`,
				`OrganizationTrailProps.ReaderRoleArns[0] "role/x"`, `OrganizationTrailProps.LogRetentionDays 7`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = orgtrail.NewOrganizationTrail(stack, "Trail", tc.props) })
			lztest.ExpectInvalid(t, err, "orgtrail: OrganizationTrailProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Trail")
		})
	}
}

// The trail's ARN comes from the stack's account and region.
func TestOrganizationTrailNeedsConcreteEnv(t *testing.T) {
	app := lztest.NewApp(t)
	var stack awscdk.Stack
	var err error
	lztest.Do(t, func() {
		stack = awscdk.NewStack(app, jsii.String("Agnostic"), nil)
		_, err = orgtrail.NewOrganizationTrail(stack, "Trail", orgtrail.OrganizationTrailProps{BucketName: logBucket})
	})
	lztest.ExpectInvalid(t, err, "orgtrail: OrganizationTrailProps.", `OrganizationTrailProps.TrailName "lz-organization-trail": the trail's ARN is built from the stack's account and region, which are unresolved`)
	lztest.ExpectNoChild(t, stack, "Trail")
}

// Validate needs no stack.
func TestOrganizationTrailPropsValidateWithoutStack(t *testing.T) {
	if err := (orgtrail.OrganizationTrailProps{BucketName: logBucket}).Validate(); err != nil {
		t.Errorf("valid props: %v", err)
	}
	err := orgtrail.OrganizationTrailProps{KeyPrefix: "/x"}.Validate()
	lztest.ExpectInvalid(t, err, "orgtrail: OrganizationTrailProps.", `OrganizationTrailProps.BucketName "": required`, `OrganizationTrailProps.KeyPrefix "/x"`)
}

func TestTrailArn(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{orgtrail.TrailArn("", "eu-west-1", "111111111111", ""), "arn:aws:cloudtrail:eu-west-1:111111111111:trail/lz-organization-trail"},
		{orgtrail.TrailArn("aws-us-gov", "us-gov-west-1", "111111111111", "org"), "arn:aws-us-gov:cloudtrail:us-gov-west-1:111111111111:trail/org"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
