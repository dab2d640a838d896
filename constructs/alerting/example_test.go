package alerting_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
)

// The audit account's alert topic: e-mail and a Slack channel receive every alert, and
// the management account's trail alarms may publish to it.
func ExampleNewAlertTopic() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Security"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("333333333333"), Region: jsii.String("eu-west-1")},
	})

	topic, err := alerting.NewAlertTopic(stack, "Alerts", alerting.AlertTopicProps{
		Emails:        []string{"security@example.com"},
		Slack:         []alerting.SlackChannel{{WorkspaceID: "T07EA123LEP", ChannelID: "C07EZ1ABC23"}},
		AlarmAccounts: []string{"111111111111"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(topic.Name, len(topic.Slack))
	fmt.Println(alerting.TopicArn("333333333333", "eu-west-1", topic.Name))
	// Output:
	// landingzone-alerts 1
	// arn:aws:sns:eu-west-1:333333333333:landingzone-alerts
}

// Every problem comes back at once, and nothing is added to the stack.
func ExampleNewAlertTopic_errors() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Security"), nil)

	_, err := alerting.NewAlertTopic(stack, "Alerts", alerting.AlertTopicProps{
		Emails: []string{"security.example.com"},
		Slack:  []alerting.SlackChannel{{WorkspaceID: "T07EA123LEP", ChannelID: "#security"}},
	})
	fmt.Println(err)
	fmt.Println("children:", len(*stack.Node().Children()))
	// Output:
	// alerting: AlertTopicProps.Emails[0] "security.example.com": not an e-mail address such as "security@example.com"
	// alerting: AlertTopicProps.Slack[0].ChannelID "#security": not a Slack channel ID such as "C07EZ1ABC23"; copy it from the end of the channel's link
	// children: 0
}

// The CIS monitoring alarms on the organization trail's log group, in the management
// account, notifying the audit account's alert topic by its ARN.
func ExampleNewTrailAlarms() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("OrgTrail"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-west-1")},
	})
	trailLogs := awslogs.LogGroup_FromLogGroupName(stack, jsii.String("TrailLogs"), jsii.String("/landingzone/org-trail"))
	topic := awssns.Topic_FromTopicArn(stack, jsii.String("Alerts"),
		jsii.String(alerting.TopicArn("333333333333", "eu-west-1", alerting.DefaultTopicName)))

	alarms, err := alerting.NewTrailAlarms(stack, "CIS", alerting.TrailAlarmsProps{LogGroup: trailLogs, Topic: topic})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range alerting.CISAlarms()[:3] {
		fmt.Println(c.ControlID, c.Name, alarms.Alarm(c.ControlID) != nil)
	}
	fmt.Println("alarms:", len(alarms.Alarms))
	// Output:
	// CloudWatch.1 RootAccountUsage true
	// CloudWatch.2 UnauthorizedAPICalls true
	// CloudWatch.3 ConsoleSigninWithoutMFA true
	// alarms: 15
}

// An alarm on application errors: five ERROR lines within ten minutes notify the topic.
func ExampleNewLogPatternAlarm() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Workload"), nil)
	logs := awslogs.LogGroup_FromLogGroupName(stack, jsii.String("AppLogs"), jsii.String("/app/payments"))
	topic := awssns.Topic_FromTopicArn(stack, jsii.String("Alerts"),
		jsii.String(alerting.TopicArn("333333333333", "eu-west-1", alerting.DefaultTopicName)))

	_, err := alerting.NewLogPatternAlarm(stack, "PaymentErrors", alerting.LogPatternAlarmProps{
		LogGroup: logs, Pattern: "ERROR", Topic: topic, Threshold: 5, PeriodMinutes: 10,
	})
	fmt.Println(err)
	_, err = alerting.NewLogPatternAlarm(stack, "Everything", alerting.LogPatternAlarmProps{LogGroup: logs, Topic: topic, Threshold: -1})
	fmt.Println(err)
	// Output:
	// <nil>
	// alerting: LogPatternAlarmProps.Pattern "": required: an empty pattern would match every event; use a term such as "ERROR"
	// alerting: LogPatternAlarmProps.Threshold -1: below 1: the alarm would fire without any matching event
}
