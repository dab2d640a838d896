package configrules_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

const orgID = "o-a1b2c3d4e5"

func TestDeliveryKeyPattern(t *testing.T) {
	for _, tc := range []struct{ prefix, account, want string }{
		{"", "111111111111", "config/AWSLogs/111111111111/Config/*"},
		{"org/config", "*", "org/config/AWSLogs/*/Config/*"},
	} {
		if got := configrules.DeliveryKeyPattern(tc.prefix, tc.account); got != tc.want {
			t.Errorf("DeliveryKeyPattern(%q, %q) = %q, want %q", tc.prefix, tc.account, got, tc.want)
		}
	}
}

// The statements the log archive adds to its bucket and key policies admit AWS Config
// acting for the organization only, and hand the objects to the bucket owner.
func TestDeliveryStatements(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		bucket := awss3.NewBucket(s, jsii.String("Logs"), &awss3.BucketProps{
			Encryption: awss3.BucketEncryption_KMS, EnforceSSL: jsii.Bool(true), BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
			ServerAccessLogsPrefix: jsii.String("access/"), Versioned: jsii.Bool(true),
		})
		for _, id := range []string{"CT.S3.PR.3", "CT.S3.PR.4", "CT.S3.PR.6", "CT.S3.PR.9", "CT.KMS.PR.3"} {
			lztest.SuppressControl(t, bucket, id, "a test fixture; the real Config bucket comes from package logbucket, which meets the control")
		}
		statements, err := configrules.DeliveryStatements(bucket, "", orgID)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range statements {
			bucket.AddToResourcePolicy(st)
		}
		key, err := configrules.DeliveryKeyStatement(orgID)
		if err != nil {
			t.Fatal(err)
		}
		bucket.EncryptionKey().AddToResourcePolicy(key, nil)
	})
	bucketArn := map[string]any{"Fn::GetAtt": []any{"Logs6819BB44", "Arn"}}
	inOrg := map[string]any{"StringEquals": map[string]any{"aws:SourceOrgID": orgID}}
	config := map[string]any{"Service": "config.amazonaws.com"}
	tpl.HasResourceProperties("AWS::S3::BucketPolicy", map[string]any{"PolicyDocument": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{
		map[string]any{"Sid": "AWSConfigBucketPermissionsCheck", "Effect": "Allow", "Principal": config, "Action": "s3:GetBucketAcl", "Resource": bucketArn, "Condition": inOrg},
		map[string]any{"Sid": "AWSConfigBucketExistenceCheck", "Effect": "Allow", "Principal": config, "Action": "s3:ListBucket", "Resource": bucketArn, "Condition": inOrg},
		map[string]any{"Sid": "AWSConfigBucketDelivery", "Effect": "Allow", "Principal": config, "Action": "s3:PutObject",
			"Resource":  map[string]any{"Fn::Join": []any{"", []any{bucketArn, "/config/AWSLogs/*/Config/*"}}},
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceOrgID": orgID, "s3:x-amz-acl": "bucket-owner-full-control"}}},
	})}})
	tpl.HasResourceProperties("AWS::KMS::Key", map[string]any{"KeyPolicy": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{
		map[string]any{"Sid": "AWSConfigDelivery", "Effect": "Allow", "Principal": config, "Action": []any{"kms:Decrypt", "kms:GenerateDataKey"}, "Resource": "*", "Condition": inOrg},
	})}})
}

func TestDeliveryStatementsErrors(t *testing.T) {
	stack := lztest.NewStack(t)
	var bucket awss3.IBucket
	lztest.Do(t, func() { bucket = awss3.Bucket_FromBucketName(stack, jsii.String("Logs"), jsii.String("logs")) })
	var statements []awsiam.PolicyStatement
	var err error
	lztest.Do(t, func() { statements, err = configrules.DeliveryStatements(bucket, "/config", "o-x") })
	lztest.ExpectInvalid(t, err, "configrules: ", `keyPrefix "/config": must not start with a slash`, `organizationID "o-x": not an organization ID`)
	if statements != nil {
		t.Errorf("statements %v with an error", statements)
	}
	_, err = configrules.DeliveryKeyStatement("")
	lztest.ExpectInvalid(t, err, "configrules: organizationID", `organizationID "": not an organization ID`)
}
