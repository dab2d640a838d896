package landingzonetest

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/constructs/organization/scpsim"
)

// A topic with TLS enforced passes AwsSolutions, but HIPAA asks for KMS encryption.
func tlsTopic(s awscdk.Stack) awssns.Topic {
	return awssns.NewTopic(s, jsii.String("Topic"), &awssns.TopicProps{EnforceSSL: jsii.Bool(true)})
}

func TestWithNagPacksAddsTheirFindings(t *testing.T) {
	SynthStack(t, func(s awscdk.Stack) { tlsTopic(s) }) // AwsSolutions alone: clean
	got := capture(t, func(r *recorder) {
		SynthStack(r, func(s awscdk.Stack) { tlsTopic(s) }, WithNagPacks(HIPAASecurity))
	})
	if !strings.Contains(got, "HIPAA.Security-SNSEncryptedKMS") || !strings.Contains(got, "at /Test/Topic/Resource") {
		t.Errorf("HIPAA pack finding not reported:\n%s", got)
	}
}

func TestWithNagPacksRefusesUnknownPack(t *testing.T) {
	got := capture(t, func(r *recorder) {
		SynthStack(r, func(s awscdk.Stack) { tlsTopic(s) }, WithNagPacks("HIPPA"))
	})
	if !strings.Contains(got, `unknown cdk-nag pack "HIPPA"`) {
		t.Errorf("got %q, want the unknown pack named", got)
	}
}

func TestWithEnvironment(t *testing.T) {
	tpl := SynthStack(t, func(s awscdk.Stack) {
		if zones := *s.AvailabilityZones(); len(zones) != 3 || *zones[0] != "us-east-2a" {
			t.Errorf("zones %v, want the cached us-east-2a, b, c", *zones[0])
		}
		tlsTopic(s)
	}, WithEnvironment("210987654321", "us-east-2"))
	if tpl.Account != "210987654321" || tpl.Region != "us-east-2" || tpl.StackName != "Test" {
		t.Errorf("stack %s in %s/%s, want Test in 210987654321/us-east-2", tpl.StackName, tpl.Account, tpl.Region)
	}
}

// denyTopicDeletion is an organization whose root denies sns:DeleteTopic to everyone
// but the roles named admin-*.
func denyTopicDeletion(string) ([]scpsim.Level, error) {
	deny := scpsim.Policy{Name: "protect-topics", Document: organization.Document{Version: "2012-10-17", Statement: []organization.Statement{{
		Effect: "Deny", Action: organization.Values{"sns:DeleteTopic"}, Resource: organization.Values{"*"},
		Condition: organization.Conditions{"ArnNotLike": {"aws:PrincipalArn": organization.Values{"arn:aws:iam::*:role/admin-*"}}},
	}}}}
	return []scpsim.Level{{Name: "root", Policies: []scpsim.Policy{scpsim.FullAWSAccess(), deny}}}, nil
}

func TestCheckGuardrails(t *testing.T) {
	asm := Synth(t, func(app awscdk.App) {
		s := awscdk.NewStack(app, jsii.String("Team"), &awscdk.StackProps{Env: Env()})
		topic := tlsTopic(s)
		for _, name := range []string{"admin-cleanup", "app-cleanup"} {
			role := awsiam.NewRole(s, jsii.String(name), &awsiam.RoleProps{
				RoleName:  jsii.String(name),
				AssumedBy: awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
			})
			role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Actions: jsii.Strings("sns:DeleteTopic"), Resources: &[]*string{topic.TopicArn()},
			}))
		}
	})
	got := capture(t, func(r *recorder) { CheckGuardrails(r, asm, denyTopicDeletion, "") })
	// The exempt admin-* role passes; app-cleanup is denied; no deploy role is checked.
	if n := strings.Count(got, "guardrails:"); n != 1 || !strings.Contains(got, "Team: appcleanup") || !strings.Contains(got, "sns:DeleteTopic") {
		t.Errorf("findings:\n%s\nwant one, app-cleanup's sns:DeleteTopic", got)
	}
	if got := capture(t, func(r *recorder) {
		CheckGuardrails(r, asm, scpsim.Levels(func(string) ([]scpsim.Level, error) { return nil, nil }), "")
	}); got != "" {
		t.Errorf("no SCPs (the management account): %s", got)
	}
}
