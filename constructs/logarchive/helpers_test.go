package logarchive_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
)

const (
	orgID      = "o-a1b2c3d4e5"
	bucketName = "landingzone-log-archive-123456789012-eu-west-1"
	keyArn     = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"
)

// importedBucket returns the log bucket and its key as another stack would find them.
func importedBucket(s awscdk.Stack) (awss3.IBucket, awskms.IKey) {
	return awss3.Bucket_FromBucketName(s, jsii.String("LogBucket"), jsii.String(bucketName)),
		awskms.Key_FromKeyArn(s, jsii.String("LogKey"), jsii.String(keyArn))
}

// policyOf parses a policy that the template holds as a JSON string.
func policyOf(t *testing.T, v any) map[string]any {
	t.Helper()
	s, ok := v.(string)
	if !ok {
		t.Fatalf("policy is %T, want a literal JSON string: %v", v, v)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(s), &doc); err != nil {
		t.Fatalf("policy %q: %v", s, err)
	}
	return doc
}

func anyValue() any { return assertions.Match_AnyValue() }
