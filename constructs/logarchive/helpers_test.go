package logarchive_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/lztest"
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

// only returns the single resource of a type in tpl, failing otherwise.
func only(t *testing.T, tpl *lztest.Template, typ string) map[string]any {
	t.Helper()
	props := tpl.Properties(typ)
	if len(props) != 1 {
		t.Fatalf("%d resources of type %s, want 1", len(props), typ)
	}
	for _, p := range props {
		return p
	}
	return nil
}

func anyValue() any { return assertions.Match_AnyValue() }
