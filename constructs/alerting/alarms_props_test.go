package alerting_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestLogPatternAlarmPropsErrors(t *testing.T) {
	stack := lztest.NewStack(t)
	var logs awslogs.ILogGroup
	var topic awssns.ITopic
	lztest.Do(t, func() {
		logs = awslogs.LogGroup_FromLogGroupName(stack, jsii.String("Logs"), jsii.String("/app"))
		topic = awssns.Topic_FromTopicArn(stack, jsii.String("Topic"), jsii.String(topicArn))
	})
	valid := func(edit func(p *alerting.LogPatternAlarmProps)) alerting.LogPatternAlarmProps {
		p := alerting.LogPatternAlarmProps{LogGroup: logs, Topic: topic, Pattern: "ERROR"}
		edit(&p)
		return p
	}
	for _, tc := range []struct {
		name  string
		props alerting.LogPatternAlarmProps
		want  []string
	}{
		{"evaluation over a day with periods under an hour", valid(func(p *alerting.LogPatternAlarmProps) { p.PeriodMinutes, p.EvaluationPeriods = 5, 289 }),
			[]string{`LogPatternAlarmProps.EvaluationPeriods 289: 289 periods of 5 minutes are 1445 minutes; CloudWatch evaluates at most 1440 minutes (one day below one-hour periods) for this period`}},
		{"evaluation over seven days", valid(func(p *alerting.LogPatternAlarmProps) { p.PeriodMinutes, p.EvaluationPeriods = 1440, 8 }),
			[]string{`LogPatternAlarmProps.EvaluationPeriods 8: 8 periods of 1440 minutes are 11520 minutes; CloudWatch evaluates at most 10080 minutes (seven days)`}},
		{"empty pattern", valid(func(p *alerting.LogPatternAlarmProps) { p.Pattern = "" }),
			[]string{`LogPatternAlarmProps.Pattern "": required: an empty pattern would match every event`}},
		{"blank pattern", valid(func(p *alerting.LogPatternAlarmProps) { p.Pattern = "  " }),
			[]string{`LogPatternAlarmProps.Pattern "  ": required`}},
		{"pattern too long", valid(func(p *alerting.LogPatternAlarmProps) { p.Pattern = strings.Repeat("x", 1025) }),
			[]string{`LogPatternAlarmProps.Pattern 1025: a pattern of 1025 characters; CloudWatch Logs allows at most 1024`}},
		{"threshold below 1", valid(func(p *alerting.LogPatternAlarmProps) { p.Threshold = -1 }),
			[]string{`LogPatternAlarmProps.Threshold -1: below 1`}},
		{"period out of range", valid(func(p *alerting.LogPatternAlarmProps) { p.PeriodMinutes = 1441 }),
			[]string{`LogPatternAlarmProps.PeriodMinutes 1441: out of range; allowed 1-1440`}},
		{"evaluation periods out of range", valid(func(p *alerting.LogPatternAlarmProps) { p.EvaluationPeriods = -2 }),
			[]string{`LogPatternAlarmProps.EvaluationPeriods -2: out of range`}},
		{"AWS namespace", valid(func(p *alerting.LogPatternAlarmProps) { p.Namespace = "AWS/Logs" }),
			[]string{`LogPatternAlarmProps.Namespace "AWS/Logs": not a custom metric namespace`}},
		{"missing log group and topic", valid(func(p *alerting.LogPatternAlarmProps) { p.LogGroup, p.Topic = nil, nil }),
			[]string{`LogPatternAlarmProps.LogGroup: required`, `LogPatternAlarmProps.Topic: required`}},
		{"every problem at once", alerting.LogPatternAlarmProps{Threshold: -5, PeriodMinutes: -1},
			[]string{`LogPatternAlarmProps.LogGroup`, `LogPatternAlarmProps.Topic`, `LogPatternAlarmProps.Pattern ""`, `LogPatternAlarmProps.Threshold -5`, `LogPatternAlarmProps.PeriodMinutes -1`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			lztest.Do(t, func() { _, err = alerting.NewLogPatternAlarm(stack, "Errors", tc.props) })
			lztest.ExpectInvalid(t, err, "alerting: LogPatternAlarmProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Errors")
		})
	}
}

func TestTrailAlarmsPropsErrors(t *testing.T) {
	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() {
		_, err = alerting.NewTrailAlarms(stack, "CIS", alerting.TrailAlarmsProps{Namespace: "AWS/CIS", Exclude: []string{"CloudWatch.15", "CloudWatch.1", "CloudWatch.1"}})
	})
	lztest.ExpectInvalid(t, err, "alerting: TrailAlarmsProps.",
		`TrailAlarmsProps.LogGroup: required`, `TrailAlarmsProps.Topic: required`, `TrailAlarmsProps.Namespace "AWS/CIS"`,
		`TrailAlarmsProps.Exclude[0] "CloudWatch.15": not a control ID of CISAlarms`,
		`TrailAlarmsProps.Exclude[2] "CloudWatch.1": duplicate of TrailAlarmsProps.Exclude[1]`)
	lztest.ExpectNoChild(t, stack, "CIS")
}

func TestAlarmPropsValidateWithoutStack(t *testing.T) {
	lztest.ExpectInvalid(t, alerting.LogPatternAlarmProps{}.Validate(), "alerting: LogPatternAlarmProps.", "Pattern")
	lztest.ExpectInvalid(t, alerting.TrailAlarmsProps{}.Validate(), "alerting: TrailAlarmsProps.", "LogGroup")
}
