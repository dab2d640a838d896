package logarchive_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// synthArchive builds one log archive in the test stack, with the bucket and key that
// bucket returns, and returns it with its template.
func synthArchive(t *testing.T, props logarchive.LogArchiveProps, bucket func(awscdk.Stack) (awss3.IBucket, awskms.IKey)) (*logarchive.LogArchive, *lztest.Template) {
	t.Helper()
	var archive *logarchive.LogArchive
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		props.Bucket, props.Key = bucket(s)
		var err error
		if archive, err = logarchive.NewLogArchive(s, "LogArchive", props); err != nil {
			t.Fatalf("NewLogArchive: %v", err)
		}
	})
	return archive, tpl
}

func TestLogArchiveOrganization(t *testing.T) {
	archive, tpl := synthArchive(t, logarchive.LogArchiveProps{OrganizationID: orgID}, importedBucket)
	destinationArn := "arn:aws:logs:eu-west-1:123456789012:destination:landingzone-log-archive"

	// The destination admits the organization, and only to subscribe.
	dest := tpl.Single("AWS::Logs::Destination")
	policy := policyOf(t, dest["DestinationPolicy"])
	wantStatement := map[string]any{
		"Effect": "Allow", "Principal": map[string]any{"AWS": "*"},
		"Action":    []any{"logs:PutAccountPolicy", "logs:PutSubscriptionFilter"},
		"Resource":  destinationArn,
		"Condition": map[string]any{"StringEquals": map[string]any{"aws:PrincipalOrgID": orgID}},
	}
	if got := policy["Statement"]; !reflect.DeepEqual(got, []any{wantStatement}) {
		t.Errorf("destination policy statements:\n%v\nwant:\n%v", got, wantStatement)
	}
	if dest["DestinationName"] != logarchive.DefaultDestinationName || archive.Destination.Arn != destinationArn {
		t.Errorf("destination %v with ARN %s, want %s", dest["DestinationName"], archive.Destination.Arn, destinationArn)
	}
	if got := policyOf(t, archive.Destination.PolicyDocument()); !reflect.DeepEqual(got, policy) {
		t.Errorf("PolicyDocument() = %v, template holds %v", got, policy)
	}
	// CloudWatch Logs may assume the destination role only for the organization.
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow",
			"Principal": map[string]any{"Service": "logs.amazonaws.com"},
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceOrgID": orgID}},
		}}},
	})

	assertFirehose(t, tpl, "", keyArn)
	assertDeliveryRole(t, tpl, "arn:aws:s3:::"+bucketName, "")
	assertLogGroupsEncryptedForAYear(t, tpl)
	if want := logarchive.DeliveryStreamArn("eu-west-1", lztest.Account, logarchive.DefaultDeliveryStreamName); archive.DeliveryStreamArn != want {
		t.Errorf("DeliveryStreamArn = %s, want %s", archive.DeliveryStreamArn, want)
	}
	tpl.HasResourceProperties("AWS::Logs::LogGroup", map[string]any{"LogGroupName": "/aws/kinesisfirehose/landingzone-log-archive"})
	lztest.Golden(t, tpl)
}

// Every option set, with the bucket and key made in the same stack: the key's policy
// must not gain the broad grants the CDK's Firehose constructs would add.
func TestLogArchiveAccounts(t *testing.T) {
	accounts := []string{"111111111111", "222222222222", "333333333333"}
	archive, tpl := synthArchive(t, logarchive.LogArchiveProps{
		KeyPrefix:                "archive/",
		SourceAccounts:           accounts,
		DestinationName:          "central-logs",
		DeliveryStreamName:       "central-logs",
		BufferingIntervalSeconds: 60,
		BufferingSizeMiB:         64,
		ErrorLogRetentionDays:    731,
	}, func(s awscdk.Stack) (awss3.IBucket, awskms.IKey) {
		// A plain key: the test checks that the archive adds nothing to a caller's key.
		key := awskms.NewKey(s, jsii.String("BucketKey"), &awskms.KeyProps{EnableKeyRotation: jsii.Bool(true)})
		lztest.SuppressControl(t, key, "CT.KMS.PR.3", "a test fixture that must keep the one statement the CDK writes")
		bucket := awss3.NewBucket(s, jsii.String("Bucket"), &awss3.BucketProps{
			EncryptionKey: key, Encryption: awss3.BucketEncryption_KMS, EnforceSSL: jsii.Bool(true),
			BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
		})
		lztest.Suppress(t, bucket, "AwsSolutions-S1", "a test fixture; the real log bucket with its access logs comes from package logbucket")
		for _, id := range []string{"CT.S3.PR.2", "CT.S3.PR.4", "CT.S3.PR.6", "CT.S3.PR.9", "CT.S3.PR.11"} {
			lztest.SuppressControl(t, bucket, id, "a test fixture; the real log bucket comes from package logbucket, which meets the control")
		}
		return bucket, key
	})

	dest := tpl.Single("AWS::Logs::Destination")
	statement := policyOf(t, dest["DestinationPolicy"])["Statement"].([]any)[0].(map[string]any)
	if got := statement["Principal"]; !reflect.DeepEqual(got, map[string]any{"AWS": []any{"111111111111", "222222222222", "333333333333"}}) {
		t.Errorf("destination principals %v, want the three accounts", got)
	}
	if _, ok := statement["Condition"]; ok {
		t.Errorf("destination policy with listed accounts has a condition: %v", statement["Condition"])
	}
	if dest["DestinationName"] != "central-logs" {
		t.Errorf("destination name %v", dest["DestinationName"])
	}
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow",
			"Principal": map[string]any{"Service": "logs.amazonaws.com"},
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": []any{"111111111111", "222222222222", "333333333333", lztest.Account}}},
		}}},
	})
	stream := tpl.Single("AWS::KinesisFirehose::DeliveryStream")
	if got := stream["ExtendedS3DestinationConfiguration"].(map[string]any)["BufferingHints"]; !reflect.DeepEqual(got, map[string]any{"IntervalInSeconds": 60.0, "SizeInMBs": 64.0}) {
		t.Errorf("buffering hints %v", got)
	}
	assertFirehose(t, tpl, "archive/", map[string]any{"Fn::GetAtt": []any{keyLogicalID(t, tpl, "BucketKey"), "Arn"}})
	assertDeliveryRole(t, tpl, map[string]any{"Fn::GetAtt": []any{keyLogicalID(t, tpl, "Bucket"), "Arn"}}, "archive/")
	assertLogGroupsEncryptedForAYear(t, tpl)
	tpl.HasResourceProperties("AWS::Logs::LogGroup", map[string]any{"LogGroupName": "/aws/kinesisfirehose/central-logs", "RetentionInDays": 731})
	for id, key := range tpl.Properties("AWS::KMS::Key") {
		if !strings.HasPrefix(id, "BucketKey") {
			continue
		}
		if n := len(key["KeyPolicy"].(map[string]any)["Statement"].([]any)); n != 1 {
			t.Errorf("the bucket key's policy has %d statements, want only the account's own", n)
		}
	}
	if got, want := archive.LogGroupKeyPrefix("111111111111", "/aws/lambda/payments"), "archive/cwlogs/account=111111111111/logGroup=aws/lambda/payments/"; got != want {
		t.Errorf("LogGroupKeyPrefix = %q, want %q", got, want)
	}
	lztest.Golden(t, tpl)
}

// The largest account list that validation accepts synthesizes policies within their
// limits; one more account is refused. This ties the size estimate to the template.
func TestLogArchiveSourceAccountLimit(t *testing.T) {
	accounts := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%012d", 100000000000+i)
		}
		return out
	}
	var bucket awss3.IBucket
	var key awskms.IKey
	lztest.Do(t, func() { bucket, key = importedBucket(lztest.NewStack(t)) })
	n := 1
	for (logarchive.LogArchiveProps{Bucket: bucket, Key: key, SourceAccounts: accounts(n + 1)}).Validate() == nil {
		n++
	}
	if n < 100 {
		t.Fatalf("only %d accounts fit", n)
	}
	t.Logf("%d accounts fit", n)
	_, tpl := synthArchive(t, logarchive.LogArchiveProps{SourceAccounts: accounts(n)}, importedBucket)
	for _, role := range tpl.Properties("AWS::IAM::Role") {
		doc, _ := json.Marshal(role["AssumeRolePolicyDocument"])
		if size := len(doc); size > logarchive.MaxTrustPolicyChars {
			t.Errorf("trust policy of %d characters with %d accounts", size, n)
		} else if strings.Contains(string(doc), "aws:SourceAccount") && size < logarchive.MaxTrustPolicyChars-16 {
			t.Errorf("trust policy of %d characters with %d accounts: the estimate wastes room for an account", size, n)
		}
	}
	if size := len(tpl.Single("AWS::Logs::Destination")["DestinationPolicy"].(string)); size > logarchive.MaxDestinationPolicyBytes {
		t.Errorf("destination policy of %d bytes", size)
	}

	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() {
		bucket, key := importedBucket(stack)
		_, err = logarchive.NewLogArchive(stack, "LogArchive", logarchive.LogArchiveProps{Bucket: bucket, Key: key, SourceAccounts: accounts(n + 1)})
	})
	lztest.ExpectInvalid(t, err, "logarchive: LogArchiveProps.", "over IAM's default quota of 2048")
}

// assertFirehose checks what a reviewer checks on the stream: dynamic partitioning by
// account and log group, decompression without a Lambda function, GZIP objects ending
// in .gz, an error prefix, and KMS for the objects and the stream itself.
func assertFirehose(t *testing.T, tpl *lztest.Template, keyPrefix string, key any) {
	t.Helper()
	stream := tpl.Single("AWS::KinesisFirehose::DeliveryStream")
	if got := stream["DeliveryStreamEncryptionConfigurationInput"]; !reflect.DeepEqual(got, map[string]any{"KeyType": "CUSTOMER_MANAGED_CMK", "KeyARN": key}) {
		t.Errorf("stream encryption %v, want the bucket key %v", got, key)
	}
	s3 := stream["ExtendedS3DestinationConfiguration"].(map[string]any)
	for field, want := range map[string]any{
		"DynamicPartitioningConfiguration": map[string]any{"Enabled": true},
		"Prefix":                           keyPrefix + "cwlogs/account=!{partitionKeyFromQuery:account}/logGroup=!{partitionKeyFromQuery:logGroup}/!{timestamp:yyyy/MM/dd}/",
		"ErrorOutputPrefix":                keyPrefix + "cwlogs-errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/",
		"CompressionFormat":                "GZIP",
		"FileExtension":                    ".gz",
		"EncryptionConfiguration":          map[string]any{"KMSEncryptionConfig": map[string]any{"AWSKMSKeyARN": key}},
	} {
		if got := s3[field]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %v, want %v", field, got, want)
		}
	}
	var types []string
	var query string
	for _, p := range s3["ProcessingConfiguration"].(map[string]any)["Processors"].([]any) {
		proc := p.(map[string]any)
		types = append(types, proc["Type"].(string))
		for _, param := range proc["Parameters"].([]any) {
			if param.(map[string]any)["ParameterName"] == "MetadataExtractionQuery" {
				query = param.(map[string]any)["ParameterValue"].(string)
			}
		}
	}
	if got := strings.Join(types, ","); got != "Decompression,MetadataExtraction,AppendDelimiterToRecord" {
		t.Errorf("processors %s", got)
	}
	for _, want := range []string{`"account":`, `.owner`, `"logGroup":`, `.logGroup | ltrimstr("/")`} {
		if !strings.Contains(query, want) {
			t.Errorf("partition query %s lacks %s", query, want)
		}
	}
	if logging := s3["CloudWatchLoggingOptions"].(map[string]any); logging["Enabled"] != true {
		t.Errorf("error logging %v", logging)
	}
}

// assertDeliveryRole checks that Firehose may write under the archive's prefixes only,
// may use the key only through S3, and may delete nothing.
func assertDeliveryRole(t *testing.T, tpl *lztest.Template, bucketArn any, keyPrefix string) {
	t.Helper()
	objects := func(prefix string) any {
		if s, ok := bucketArn.(string); ok {
			return s + "/" + keyPrefix + prefix + "*"
		}
		return map[string]any{"Fn::Join": []any{"", []any{bucketArn, "/" + keyPrefix + prefix + "*"}}}
	}
	tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{"PolicyDocument": map[string]any{"Statement": []any{
		map[string]any{"Sid": "ListBucket", "Effect": "Allow", "Action": []any{"s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"}, "Resource": bucketArn},
		map[string]any{"Sid": "WriteLogObjects", "Effect": "Allow", "Action": []any{"s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"}, "Resource": []any{objects("cwlogs-errors/"), objects("cwlogs/")}},
		map[string]any{"Sid": "EncryptLogObjects", "Effect": "Allow", "Action": []any{"kms:Decrypt", "kms:GenerateDataKey"}, "Resource": anyValue(),
			"Condition": map[string]any{
				"StringEquals": map[string]any{"kms:ViaService": "s3.eu-west-1.amazonaws.com"},
				"StringLike":   map[string]any{"kms:EncryptionContext:aws:s3:arn": []any{bucketArn, objects("cwlogs/"), objects("cwlogs-errors/")}},
			}},
		map[string]any{"Sid": "LogDeliveryErrors", "Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": anyValue()},
	}}})
	for id, p := range tpl.Properties("AWS::IAM::Policy") {
		doc, _ := json.Marshal(p["PolicyDocument"])
		if strings.Contains(string(doc), "Delete") || strings.Contains(string(doc), `"s3:*"`) {
			t.Errorf("policy %s lets a log writer delete: %s", id, doc)
		}
	}
}

// assertLogGroupsEncryptedForAYear checks every log group of the template.
func assertLogGroupsEncryptedForAYear(t *testing.T, tpl *lztest.Template) {
	t.Helper()
	for id, r := range tpl.Resources("AWS::Logs::LogGroup") {
		props := r["Properties"].(map[string]any)
		if days, _ := props["RetentionInDays"].(float64); days < check.MinLogRetentionDays {
			t.Errorf("log group %s keeps events %v days", id, props["RetentionInDays"])
		}
		if props["KmsKeyId"] == nil || r["DeletionPolicy"] != "Retain" {
			t.Errorf("log group %s: key %v, deletion policy %v", id, props["KmsKeyId"], r["DeletionPolicy"])
		}
	}
}

// keyLogicalID returns the logical ID of the resource whose ID starts with prefix and
// continues with the CDK's hash.
func keyLogicalID(t *testing.T, tpl *lztest.Template, prefix string) string {
	t.Helper()
	resources, _ := tpl.JSON["Resources"].(map[string]any)
	for id := range resources {
		if strings.HasPrefix(id, prefix) && len(id) == len(prefix)+8 {
			return id
		}
	}
	t.Fatalf("no resource %s<hash>", prefix)
	return ""
}
