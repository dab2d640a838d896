package landingzonetest

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"
)

func TestExpectNoResources(t *testing.T) {
	stack := NewStack(t)
	Do(t, func() { awss3.Bucket_FromBucketName(stack, jsii.String("Imported"), jsii.String("some-bucket")) })
	ExpectNoResources(t, stack)

	Do(t, func() { awssns.NewTopic(stack, jsii.String("Topic"), nil) })
	got := capture(t, func(r *recorder) { ExpectNoResources(r, stack) })
	if !strings.Contains(got, "Test/Topic/Resource is a AWS::SNS::Topic resource") {
		t.Errorf("ExpectNoResources reported %q", got)
	}
}
