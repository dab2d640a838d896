package logsubscription_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/logsubscription"
	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/secure"
)

func TestLogGroupSubscription(t *testing.T) {
	var sub *logsubscription.LogGroupSubscription
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		group := secure.NewLogGroup(s, "AuditEvents", secure.LogGroupProps{Name: "/landingzone/audit", RetentionDays: 365, Description: "test log group"})
		var err error
		sub, err = logsubscription.NewLogGroupSubscription(s, "AuditToArchive", logsubscription.LogGroupSubscriptionProps{
			LogGroupName:   *group.LogGroup.LogGroupName(),
			DestinationArn: destinationArn,
			FilterPattern:  `{ $.eventType = "AwsApiCall" }`,
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	filter := tpl.Single("AWS::Logs::SubscriptionFilter")
	for field, want := range map[string]any{
		"DestinationArn": destinationArn,
		"FilterName":     logsubscription.DefaultFilterName,
		"FilterPattern":  `{ $.eventType = "AwsApiCall" }`,
	} {
		if got := filter[field]; got != want {
			t.Errorf("%s = %v, want %v", field, got, want)
		}
	}
	if ref, _ := filter["LogGroupName"].(map[string]any); ref["Ref"] != logicalID(t, tpl, "AWS::Logs::LogGroup") {
		t.Errorf("log group %v, want a reference to the log group", filter["LogGroupName"])
	}
	assertSenderRole(t, tpl)
	if sub.Region() != lztest.Region {
		t.Errorf("Region() = %s", sub.Region())
	}
	lztest.AssertStackSetSafe(t, "log group subscription", tpl)
	lztest.Golden(t, tpl)
}

// A log group subscription next to the account policy shares its role.
func TestLogGroupSubscriptionSharesRole(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		account, err := logsubscription.NewAccountSubscription(s, "LogSubscription", logsubscription.AccountSubscriptionProps{
			DestinationArn: destinationArn, ExcludeLogGroups: []string{"/landingzone/audit"},
		})
		if err != nil {
			t.Fatal(err)
		}
		_, err = logsubscription.NewLogGroupSubscription(s, "AuditToArchive", logsubscription.LogGroupSubscriptionProps{
			LogGroupName: "/landingzone/audit", DestinationArn: destinationArn, FilterPattern: "ERROR", Role: account.Role,
		})
		if err != nil {
			t.Fatal(err)
		}
		if account.Covers("/landingzone/audit") {
			t.Error("the account policy covers the log group subscribed on its own")
		}
	})
	tpl.ResourceCountIs("AWS::IAM::Role", 1)
	tpl.HasResourceProperties("AWS::Logs::SubscriptionFilter", map[string]any{
		"LogGroupName": "/landingzone/audit", "FilterPattern": "ERROR",
		"RoleArn": map[string]any{"Fn::GetAtt": []any{logicalID(t, tpl, "AWS::IAM::Role"), "Arn"}},
	})
}
