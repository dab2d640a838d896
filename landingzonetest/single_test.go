package landingzonetest

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"
)

func TestSingle(t *testing.T) {
	tpl := SynthStack(t, func(s awscdk.Stack) {
		awssns.NewTopic(s, jsii.String("Topic"), &awssns.TopicProps{EnforceSSL: jsii.Bool(true), TopicName: jsii.String("alerts")})
	})
	if p := tpl.Single("AWS::SNS::Topic"); p["TopicName"] != "alerts" {
		t.Errorf("Single returned %v", p)
	}
	got := capture(t, func(r *recorder) {
		tpl.t = r
		tpl.Single("AWS::SQS::Queue")
	})
	if !strings.Contains(got, "0 resources of type AWS::SQS::Queue, want 1") {
		t.Errorf("Single on no queue reported %q", got)
	}
}
