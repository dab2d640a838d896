package logsubscription_test

import (
	"reflect"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/constructs/logsubscription"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// logArchive is the log archive account of the tests; the destination is in the test
// stack's region.
const logArchive = "222222222222"

var destinationArn = logarchive.DestinationArn(lztest.Region, logArchive, logarchive.DefaultDestinationName)

func synthAccountSubscription(t *testing.T, props logsubscription.AccountSubscriptionProps) (*logsubscription.AccountSubscription, *lztest.Template) {
	t.Helper()
	var sub *logsubscription.AccountSubscription
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if sub, err = logsubscription.NewAccountSubscription(s, "LogSubscription", props); err != nil {
			t.Fatalf("NewAccountSubscription: %v", err)
		}
	})
	return sub, tpl
}

func TestAccountSubscription(t *testing.T) {
	sub, tpl := synthAccountSubscription(t, logsubscription.AccountSubscriptionProps{DestinationArn: destinationArn})

	// Every log group but the log archive's Firehose error log group streams to the
	// destination, with every event.
	policy := tpl.Single("AWS::Logs::AccountPolicy")
	for field, want := range map[string]any{
		"PolicyName":        logsubscription.DefaultPolicyName,
		"PolicyType":        "SUBSCRIPTION_FILTER_POLICY",
		"Scope":             "ALL",
		"SelectionCriteria": `LogGroupName NOT IN ["/aws/kinesisfirehose/landingzone-log-archive"]`,
	} {
		if got := policy[field]; got != want {
			t.Errorf("%s = %v, want %v", field, got, want)
		}
	}
	doc := policyDocument(t, tpl, policy["PolicyDocument"])
	if doc["DestinationArn"] != destinationArn || doc["FilterPattern"] != "" || !reflect.DeepEqual(doc["RoleArn"], map[string]any{"Fn::GetAtt": []any{logicalID(t, tpl, "AWS::IAM::Role"), "Arn"}}) {
		t.Errorf("policy document %v", doc)
	}
	assertSenderRole(t, tpl)
	if sub.Covers("/aws/kinesisfirehose/landingzone-log-archive") || !sub.Covers("/aws/lambda/payments") {
		t.Errorf("Covers: the error log group must be excluded, others covered; excluded %v", sub.Excluded)
	}
	// The baseline this goes into is rolled out by StackSets.
	lztest.AssertStackSetSafe(t, "account subscription", tpl)
	lztest.Golden(t, tpl)
}

func TestAccountSubscriptionExclusions(t *testing.T) {
	sub, tpl := synthAccountSubscription(t, logsubscription.AccountSubscriptionProps{
		DestinationArn:     destinationArn,
		ExcludeLogGroups:   []string{"/aws/lambda/card-vault", "/landingzone/local-only", logarchive.ErrorLogGroupName("central-logs")},
		FilterPattern:      `-"DEBUG"`,
		DeliveryStreamName: "central-logs",
		PolicyName:         "org-log-archive",
	})
	want := `LogGroupName NOT IN ["/aws/kinesisfirehose/central-logs","/aws/lambda/card-vault","/landingzone/local-only"]`
	policy := tpl.Single("AWS::Logs::AccountPolicy")
	if policy["SelectionCriteria"] != want || sub.SelectionCriteria != want {
		t.Errorf("selection criteria %v, want %s", policy["SelectionCriteria"], want)
	}
	if doc := policyDocument(t, tpl, policy["PolicyDocument"]); doc["FilterPattern"] != `-"DEBUG"` {
		t.Errorf("filter pattern %v", doc["FilterPattern"])
	}
	if policy["PolicyName"] != "org-log-archive" {
		t.Errorf("policy name %v", policy["PolicyName"])
	}
	for _, name := range []string{"/aws/lambda/card-vault", "/landingzone/local-only", "/aws/kinesisfirehose/central-logs"} {
		if sub.Covers(name) {
			t.Errorf("Covers(%q) = true for an excluded log group", name)
		}
	}
	lztest.Golden(t, tpl)
}
