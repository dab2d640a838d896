package nag_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/nag"
)

func TestMain(m *testing.M) { lztest.Main(m) }

func TestSuppressPanicsWithoutReason(t *testing.T) {
	stack := lztest.NewStack(t)
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(error).Error(), "AwsSolutions-IAM5 needs a reason") {
			t.Errorf("recovered %v, want the missing reason named", r)
		}
	}()
	nag.Suppress(stack, false, nag.Rule{ID: "AwsSolutions-IAM5", Reason: "because"})
}

func TestSuppressRecordsRules(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		topic := awssns.NewTopic(s, jsii.String("Topic"), nil)
		nag.Suppress(topic, true,
			nag.Rule{ID: "AwsSolutions-SNS3", Reason: "a reason long enough"},
			nag.Rule{ID: "AwsSolutions-IAM5", Reason: "a reason long enough", AppliesTo: []string{"Literal::x", "/^Regex::.*$/"}})
	})
	tpl.HasResource("AWS::SNS::Topic", map[string]any{"Metadata": map[string]any{"cdk_nag": map[string]any{"rules_to_suppress": []any{
		map[string]any{"id": "AwsSolutions-SNS3", "reason": "a reason long enough"},
		map[string]any{"id": "AwsSolutions-IAM5", "reason": "a reason long enough", "applies_to": []any{"Literal::x", map[string]any{"regex": "/^Regex::.*$/"}}},
	}}}})
}
