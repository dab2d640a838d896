package logarchive_test

import (
	"reflect"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// A destination in a second governed region targets the home region's stream by its
// deterministic ARN.
func TestLogDestinationOtherRegion(t *testing.T) {
	streamArn := logarchive.DeliveryStreamArn(lztest.Region, lztest.Account, logarchive.DefaultDeliveryStreamName)
	var dest *logarchive.LogDestination
	asm := lztest.Synth(t, func(app awscdk.App) {
		stack := awscdk.NewStack(app, jsii.String("LogArchiveUsEast1"), &awscdk.StackProps{
			Env: &awscdk.Environment{Account: jsii.String(lztest.Account), Region: jsii.String("us-east-1")},
		})
		var err error
		if dest, err = logarchive.NewLogDestination(stack, "Destination", logarchive.LogDestinationProps{DeliveryStreamArn: streamArn, OrganizationID: orgID}); err != nil {
			t.Fatal(err)
		}
	})
	tpl := asm.Stack(t, "LogArchiveUsEast1")

	want := "arn:aws:logs:us-east-1:123456789012:destination:landingzone-log-archive"
	if dest.Arn != want || logarchive.DestinationArn("us-east-1", lztest.Account, logarchive.DefaultDestinationName) != want {
		t.Errorf("destination ARN %s, want %s", dest.Arn, want)
	}
	d := tpl.Single("AWS::Logs::Destination")
	if d["TargetArn"] != "arn:aws:firehose:eu-west-1:123456789012:deliverystream/landingzone-log-archive" {
		t.Errorf("target %v, want the home region's stream", d["TargetArn"])
	}
	statement := policyOf(t, d["DestinationPolicy"])["Statement"].([]any)[0].(map[string]any)
	if statement["Resource"] != want || !reflect.DeepEqual(statement["Condition"], map[string]any{"StringEquals": map[string]any{"aws:PrincipalOrgID": orgID}}) {
		t.Errorf("destination policy statement %v", statement)
	}
	tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{"PolicyDocument": map[string]any{"Statement": []any{map[string]any{
		"Effect": "Allow", "Action": []any{"firehose:PutRecord", "firehose:PutRecordBatch"}, "Resource": streamArn,
	}}}})
	tpl.ResourceCountIs("AWS::KinesisFirehose::DeliveryStream", 0)
	lztest.Golden(t, tpl)
}
