package orgtrail_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/orgtrail"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

const (
	logBucket = "lz-logs-222222222222-eu-west-1"
	trailArn  = "arn:aws:cloudtrail:eu-west-1:123456789012:trail/lz-organization-trail"
	orgID     = "o-a1b2c3d4e5"
)

// synthTrail builds one trail in the test stack (the management account) and returns
// it with its template.
func synthTrail(t *testing.T, props orgtrail.OrganizationTrailProps) (*orgtrail.OrganizationTrail, *lztest.Template) {
	t.Helper()
	var trail *orgtrail.OrganizationTrail
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if trail, err = orgtrail.NewOrganizationTrail(s, "Trail", props); err != nil {
			t.Fatalf("NewOrganizationTrail: %v", err)
		}
	})
	return trail, tpl
}

func TestOrganizationTrailDefaults(t *testing.T) {
	trail, tpl := synthTrail(t, orgtrail.OrganizationTrailProps{BucketName: logBucket})

	if trail.TrailArn != trailArn || trail.TrailName != orgtrail.DefaultTrailName || trail.Adopted {
		t.Errorf("TrailArn %q, TrailName %q, Adopted %v", trail.TrailArn, trail.TrailName, trail.Adopted)
	}
	if got := trail.LogPath(orgID, "333333333333", "us-east-1"); got != "cloudtrail/AWSLogs/o-a1b2c3d4e5/333333333333/CloudTrail/us-east-1/" {
		t.Errorf("LogPath = %q", got)
	}
	tpl.ResourceCountIs("AWS::CloudTrail::Trail", 1)
	tpl.HasResourceProperties("AWS::CloudTrail::Trail", map[string]any{
		"TrailName":                  orgtrail.DefaultTrailName,
		"IsOrganizationTrail":        true,
		"IsMultiRegionTrail":         true,
		"IncludeGlobalServiceEvents": true,
		"EnableLogFileValidation":    true,
		"IsLogging":                  true,
		"S3BucketName":               logBucket,
		"S3KeyPrefix":                "cloudtrail",
		"KMSKeyId":                   map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^TrailKey")), "Arn"}},
		// No selectors: CloudTrail's default, every management event.
		"EventSelectors":            assertions.Match_Absent(),
		"AdvancedEventSelectors":    assertions.Match_Absent(),
		"InsightSelectors":          assertions.Match_Absent(),
		"CloudWatchLogsLogGroupArn": assertions.Match_Absent(),
	})
	tpl.HasResource("AWS::KMS::Key", map[string]any{"Properties": map[string]any{"EnableKeyRotation": true}, "DeletionPolicy": "Retain"})
	// CloudTrail may use the key for this trail only.
	tpl.StatementIs("AWS::KMS::Key", "AllowCloudTrail", `{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
		"Action": ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"], "Resource": "*",
		"Condition": {"StringEquals": {"aws:SourceArn": "`+trailArn+`"}}}`)
	if _, ok := tpl.Statements("AWS::KMS::Key")["AllowLogReaders"]; ok {
		t.Error("readers admitted without ReaderRoleArns")
	}
	tpl.ResourceCountIs("AWS::Logs::LogGroup", 0)
	lztest.Golden(t, tpl)
}

func TestOrganizationTrailConfigured(t *testing.T) {
	const reader, auditor = "arn:aws:iam::222222222222:role/LogReader", "arn:aws:iam::333333333333:role/SecurityAudit"
	trail, tpl := synthTrail(t, orgtrail.OrganizationTrailProps{
		BucketName: logBucket, TrailName: "org-trail", KeyPrefix: "trail/org",
		ReaderRoleArns: []string{reader, auditor},
		CloudWatchLogs: true, LogRetentionDays: 731,
		S3DataEvents: true, LambdaDataEvents: true, Insights: true,
	})

	if trail.LogGroup == nil {
		t.Fatal("LogGroup is nil with CloudWatchLogs")
	}
	tpl.HasResourceProperties("AWS::CloudTrail::Trail", map[string]any{
		"TrailName": "org-trail", "S3KeyPrefix": "trail/org", "IsOrganizationTrail": true, "IsMultiRegionTrail": true, "EnableLogFileValidation": true,
		"CloudWatchLogsLogGroupArn": map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^TrailLogs")), "Arn"}},
		"InsightSelectors":          []any{map[string]any{"InsightType": "ApiCallRateInsight"}, map[string]any{"InsightType": "ApiErrorRateInsight"}},
		"EventSelectors":            assertions.Match_Absent(),
	})
	// Management events stay; S3 data events leave out the log bucket itself.
	selectors := tpl.Properties("AWS::CloudTrail::Trail")
	for _, props := range selectors {
		if !lztest.JSONEqual(props["AdvancedEventSelectors"], `[
			{"Name": "Management events", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]},
			{"Name": "S3 data events except the log bucket's", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]},
				{"Field": "resources.type", "Equals": ["AWS::S3::Object"]}, {"Field": "resources.ARN", "NotStartsWith": ["arn:aws:s3:::`+logBucket+`/"]}]},
			{"Name": "Lambda data events", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::Lambda::Function"]}]}]`) {
			t.Errorf("AdvancedEventSelectors %v", props["AdvancedEventSelectors"])
		}
	}
	// Readers decrypt through S3 only, each named by its ARN, and only what this trail
	// encrypted (CloudTrail's encryption context).
	tpl.StatementIs("AWS::KMS::Key", "AllowLogReaders", `{"Effect": "Allow",
		"Principal": {"AWS": ["arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root"]},
		"Action": "kms:Decrypt", "Resource": "*",
		"Condition": {"ArnEquals": {"aws:PrincipalArn": ["`+reader+`", "`+auditor+`"]},
			"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com",
				"kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:eu-west-1:123456789012:trail/org-trail"}}}`)
	tpl.StatementIs("AWS::KMS::Key", "AllowCloudTrail", `{"Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
		"Action": ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"], "Resource": "*",
		"Condition": {"StringEquals": {"aws:SourceArn": "arn:aws:cloudtrail:eu-west-1:123456789012:trail/org-trail"}}}`)
	// Every log group keeps at least a year, encrypted with a rotated key.
	tpl.ResourceCountIs("AWS::Logs::LogGroup", 1)
	tpl.AllResources("AWS::Logs::LogGroup", map[string]any{
		"Properties":     map[string]any{"RetentionInDays": 731, "KmsKeyId": map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^TrailLogsKey")), "Arn"}}},
		"DeletionPolicy": "Retain",
	})
	tpl.AllResourcesProperties("AWS::KMS::Key", map[string]any{"EnableKeyRotation": true})
	// CloudTrail's role may write to this log group only.
	tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{"PolicyDocument": map[string]any{"Statement": []any{map[string]any{
		"Effect": "Allow", "Action": []any{"logs:CreateLogStream", "logs:PutLogEvents"},
		"Resource": map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^TrailLogs[0-9A-F]+$")), "Arn"}},
	}}}})
	lztest.Golden(t, tpl)
}

// An adopted trail creates nothing and exposes its deterministic name and ARN.
func TestOrganizationTrailAdopted(t *testing.T) {
	stack := lztest.NewStack(t)
	var trail *orgtrail.OrganizationTrail
	var err error
	lztest.Do(t, func() {
		trail, err = orgtrail.NewOrganizationTrail(stack, "Trail", orgtrail.OrganizationTrailProps{ExistingTrailName: "aws-controltower-BaselineCloudTrail"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if !trail.Adopted || trail.Trail != nil || trail.Key != nil || trail.TrailName != "aws-controltower-BaselineCloudTrail" ||
		trail.TrailArn != "arn:aws:cloudtrail:eu-west-1:123456789012:trail/aws-controltower-BaselineCloudTrail" || trail.LogPath(orgID, "123456789012", "eu-west-1") != "" {
		t.Errorf("adopted trail %+v", trail)
	}
	lztest.ExpectNoResources(t, trail)
}
