package main

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/landingzonetest"
)

func TestMain(m *testing.M) { landingzonetest.Main(m) }

// TestPaymentsApp is the team's CI: the stack passes cdk-nag (AwsSolutions), the
// CloudFormation quotas and the Control Tower controls (Synth fails the test
// otherwise), its security properties hold, it matches the reviewed snapshot, and
// neither its roles nor its deploy role are blocked by the organization's guardrails.
func TestPaymentsApp(t *testing.T) {
	asm := landingzonetest.Synth(t, func(app awscdk.App) {
		if err := build(app); err != nil {
			t.Fatal(err)
		}
	})
	tpl := asm.Stack(t, "PaymentsApp")

	// The queue is encrypted and refuses plain HTTP; the worker may only consume it.
	tpl.HasResourceProperties("AWS::SQS::Queue", map[string]any{"KmsMasterKeyId": "alias/aws/sqs"})
	tpl.ResourceCountIs("AWS::SQS::Queue", 2)
	tpl.HasResourceProperties("AWS::SQS::QueuePolicy", map[string]any{"PolicyDocument": map[string]any{"Statement": []any{map[string]any{
		"Effect": "Deny", "Action": "sqs:*", "Principal": map[string]any{"AWS": "*"},
		"Condition": map[string]any{"Bool": map[string]any{"aws:SecureTransport": "false"}},
	}}}})
	// Logs are kept a year and stream to the log archive's destination.
	tpl.HasResourceProperties("AWS::Logs::LogGroup", map[string]any{"LogGroupName": "/payments/settlement-worker", "RetentionInDays": 365})
	tpl.HasResourceProperties("AWS::Logs::SubscriptionFilter", map[string]any{
		"DestinationArn": "arn:aws:logs:eu-west-1:222222222222:destination:landingzone-log-archive",
	})
	landingzonetest.Golden(t, tpl)

	// The organization's guardrails, from the landing zone's own configuration.
	cfg, err := landingzone.LoadConfig("../multi-account/landingzone.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var lz *landingzone.LandingZone
	landingzonetest.Do(t, func() { lz, err = landingzone.New(awscdk.NewApp(nil), cfg) })
	if err != nil {
		t.Fatal(err)
	}
	landingzonetest.CheckGuardrails(t, asm, lz.GuardrailLevels, qualifier)
}
