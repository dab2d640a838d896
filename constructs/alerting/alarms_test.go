package alerting_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/secure"
)

func TestLogPatternAlarm(t *testing.T) {
	var alarm *alerting.LogPatternAlarm
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		topic, err := alerting.NewAlertTopic(s, "Alerts", alerting.AlertTopicProps{})
		if err != nil {
			t.Fatal(err)
		}
		logs := secure.NewLogGroup(s, "AppLogs", secure.LogGroupProps{RetentionDays: 365})
		alarm, err = alerting.NewLogPatternAlarm(s, "AppErrors", alerting.LogPatternAlarmProps{
			LogGroup: logs.LogGroup, Pattern: "ERROR", Topic: topic.Topic, Threshold: 5, PeriodMinutes: 10,
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	tpl.HasResourceProperties("AWS::Logs::MetricFilter", map[string]any{
		"FilterPattern": "ERROR",
		"LogGroupName":  map[string]any{"Ref": assertLogicalID("AppLogs")},
		"MetricTransformations": []any{map[string]any{
			"MetricNamespace": alerting.DefaultLogPatternNamespace, "MetricName": "AppErrors", "MetricValue": "1",
		}},
	})
	tpl.HasResourceProperties("AWS::CloudWatch::Alarm", map[string]any{
		"Namespace": alerting.DefaultLogPatternNamespace, "MetricName": "AppErrors", "Statistic": "Sum", "Period": 600,
		"Threshold": 5, "EvaluationPeriods": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold",
		"TreatMissingData": "notBreaching",
		"AlarmActions":     []any{map[string]any{"Ref": assertLogicalID("Alerts")}},
	})
	if alarm.Filter == nil || alarm.Alarm == nil {
		t.Error("Filter or Alarm is nil")
	}
	lztest.Golden(t, tpl)
}

func TestTrailAlarms(t *testing.T) {
	var alarms *alerting.TrailAlarms
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		// The management account's trail alarms notify the audit account's topic,
		// found by its deterministic ARN.
		topic := awssns.Topic_FromTopicArn(s, jsii.String("AuditAlerts"), jsii.String(alerting.TopicArn("333333333333", lztest.Region, alerting.DefaultTopicName)))
		trail := secure.NewLogGroup(s, "TrailLogs", secure.LogGroupProps{RetentionDays: 365})
		var err error
		if alarms, err = alerting.NewTrailAlarms(s, "CIS", alerting.TrailAlarmsProps{LogGroup: trail.LogGroup, Topic: topic}); err != nil {
			t.Fatal(err)
		}
	})
	n := len(alerting.CISAlarms())
	tpl.ResourceCountIs("AWS::Logs::MetricFilter", n)
	tpl.ResourceCountIs("AWS::CloudWatch::Alarm", n)
	// Every control's exact pattern, on the trail's log group.
	for _, c := range alerting.CISAlarms() {
		tpl.HasResourceProperties("AWS::Logs::MetricFilter", map[string]any{
			"FilterPattern": c.Pattern,
			"LogGroupName":  map[string]any{"Ref": assertLogicalID("TrailLogs")},
			"MetricTransformations": []any{map[string]any{
				"MetricNamespace": alerting.DefaultCISNamespace, "MetricName": c.Name, "MetricValue": "1",
			}},
		})
		if alarms.Alarm(c.ControlID) == nil {
			t.Errorf("no alarm for %s", c.ControlID)
		}
	}
	// Every alarm routes to the topic, on the first matching event.
	tpl.AllResourcesProperties("AWS::CloudWatch::Alarm", map[string]any{
		"AlarmActions":       []any{"arn:aws:sns:eu-west-1:333333333333:landingzone-alerts"},
		"Threshold":          1,
		"ComparisonOperator": "GreaterThanOrEqualToThreshold",
		"Namespace":          alerting.DefaultCISNamespace,
	})
	lztest.Golden(t, tpl)
}

// The list of monitored changes, each one control of CISAlarms.
func TestCISAlarmsCoverTheBenchmark(t *testing.T) {
	want := map[string]string{
		"CloudWatch.1": "RootAccountUsage", "CloudWatch.2": "UnauthorizedAPICalls", "CloudWatch.3": "ConsoleSigninWithoutMFA",
		"CloudWatch.4": "IAMPolicyChanges", "CloudWatch.5": "CloudTrailChanges", "CloudWatch.6": "ConsoleAuthenticationFailures",
		"CloudWatch.7": "DisableOrDeleteCMK", "CloudWatch.8": "S3BucketPolicyChanges", "CloudWatch.9": "AWSConfigChanges",
		"CloudWatch.10": "SecurityGroupChanges", "CloudWatch.11": "NACLChanges", "CloudWatch.12": "NetworkGatewayChanges",
		"CloudWatch.13": "RouteTableChanges", "CloudWatch.14": "VPCChanges", "CIS-4.15": "OrganizationsChanges",
	}
	if len(alerting.CISAlarms()) != len(want) {
		t.Errorf("%d controls, want %d", len(alerting.CISAlarms()), len(want))
	}
	for _, c := range alerting.CISAlarms() {
		if want[c.ControlID] != c.Name {
			t.Errorf("%s is %q, want %q", c.ControlID, c.Name, want[c.ControlID])
		}
		if err := (alerting.LogPatternAlarmProps{Pattern: c.Pattern}).Validate(); err == nil || containsField(err, "Pattern") {
			t.Errorf("%s: pattern refused: %v", c.ControlID, err)
		}
	}
}

func TestTrailAlarmsExclude(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		topic, err := alerting.NewAlertTopic(s, "Alerts", alerting.AlertTopicProps{})
		if err != nil {
			t.Fatal(err)
		}
		trail := secure.NewLogGroup(s, "TrailLogs", secure.LogGroupProps{RetentionDays: 365})
		if _, err := alerting.NewTrailAlarms(s, "CIS", alerting.TrailAlarmsProps{
			LogGroup: trail.LogGroup, Topic: topic.Topic, Namespace: "Org/CIS", Exclude: []string{"CloudWatch.2"},
		}); err != nil {
			t.Fatal(err)
		}
	})
	tpl.ResourceCountIs("AWS::CloudWatch::Alarm", len(alerting.CISAlarms())-1)
	tpl.ResourcePropertiesCountIs("AWS::Logs::MetricFilter", map[string]any{"FilterPattern": alerting.CISAlarms()[1].Pattern}, 0)
	tpl.AllResourcesProperties("AWS::CloudWatch::Alarm", map[string]any{
		"Namespace":    "Org/CIS",
		"AlarmActions": []any{map[string]any{"Ref": assertLogicalID("Alerts")}},
	})
}
