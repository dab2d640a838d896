package pipeline_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/constructs/pipeline"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// The audit account of the drift tests, which holds the alert topic.
const auditAccount = "999999999999"

var (
	managementStacks = []string{"Organization-eu-west-1", "OrgTrail-eu-west-1"}
	localTopic       = alerting.TopicArn(lztest.Account, lztest.Region, alerting.DefaultTopicName)
	auditTopic       = alerting.TopicArn(auditAccount, lztest.Region, alerting.DefaultTopicName)
)

// newDriftCheck synthesizes a drift check of the management stacks alerting topic.
func newDriftCheck(t *testing.T, topic string) *lztest.Template {
	t.Helper()
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		if _, err := pipeline.NewDriftCheck(s, "Drift", pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: topic}); err != nil {
			t.Fatal(err)
		}
	})
	lztest.AssertStackSetSafe(t, t.Name(), tpl)
	return tpl
}

// stackArn matches every stack of the test account named name, whatever its ID.
func stackArn(name string) string {
	return "arn:aws:cloudformation:eu-west-1:" + lztest.Account + ":stack/" + name + "/*"
}

// assertDriftDetection checks what every drift check holds: a daily schedule per
// stack calling DetectStackDrift through the universal target, as a role only the
// scheduler of this account can assume and that may detect drift of those stacks
// only, and a rule matching their DRIFTED results.
func assertDriftDetection(t *testing.T, tpl *lztest.Template) {
	t.Helper()
	role := logicalID(t, tpl, "AWS::IAM::Role", "DriftDetectorRole")
	for _, name := range managementStacks {
		tpl.HasResourceProperties("AWS::Scheduler::Schedule", map[string]any{
			"ScheduleExpression": "rate(1 day)",
			"FlexibleTimeWindow": map[string]any{"Mode": "FLEXIBLE", "MaximumWindowInMinutes": 60},
			"Target": map[string]any{
				"Arn":     "arn:aws:scheduler:::aws-sdk:cloudformation:detectStackDrift",
				"Input":   `{"StackName":"` + name + `"}`,
				"RoleArn": map[string]any{"Fn::GetAtt": []any{role, "Arn"}},
			},
		})
	}
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": map[string]any{"Service": "scheduler.amazonaws.com"},
			"Condition": map[string]any{
				"StringEquals": map[string]any{"aws:SourceAccount": lztest.Account},
				"ArnLike":      map[string]any{"aws:SourceArn": "arn:aws:scheduler:eu-west-1:" + lztest.Account + ":schedule/*"},
			},
		}}},
		"ManagedPolicyArns": []any{"arn:aws:iam::aws:policy/ReadOnlyAccess"},
		"Policies": []any{map[string]any{"PolicyName": "DetectDrift", "PolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": []any{"cloudformation:DetectStackDrift", "cloudformation:DetectStackResourceDrift"}, "Effect": "Allow",
			"Resource": []any{
				stackArn("Organization-eu-west-1"),
				stackArn("OrgTrail-eu-west-1"),
			},
		}}}}},
	})
	tpl.HasResourceProperties("AWS::Events::Rule", map[string]any{"EventPattern": map[string]any{
		"source":      []any{"aws.cloudformation"},
		"detail-type": []any{"CloudFormation Drift Detection Status Change"},
		"detail": map[string]any{
			"status-details": map[string]any{"stack-drift-status": []any{"DRIFTED"}},
			"stack-id": []any{
				map[string]any{"wildcard": "arn:*:cloudformation:*:*:stack/Organization-eu-west-1/*"},
				map[string]any{"wildcard": "arn:*:cloudformation:*:*:stack/OrgTrail-eu-west-1/*"},
			},
		},
	}})
}

// In the alert topic's own account the rule publishes to the topic, which admits
// EventBridge rules of its account; no policy is added to it.
func TestDriftCheckLocalTopic(t *testing.T) {
	tpl := newDriftCheck(t, localTopic)
	assertDriftDetection(t, tpl)
	tpl.HasResourceProperties("AWS::Events::Rule", map[string]any{"Targets": []any{map[string]any{"Arn": localTopic, "Id": "Target0"}}})
	tpl.ResourceCountIs("AWS::SNS::TopicPolicy", 0)
	tpl.ResourceCountIs("AWS::IAM::Role", 1)
	lztest.Golden(t, tpl)
}

// In another account the rule forwards the drift events to the alert account's
// default bus, as a role only EventBridge rules of this account can assume.
func TestDriftCheckForwards(t *testing.T) {
	tpl := newDriftCheck(t, auditTopic)
	assertDriftDetection(t, tpl)
	bus := "arn:aws:events:eu-west-1:" + auditAccount + ":event-bus/default"
	forward := logicalID(t, tpl, "AWS::IAM::Role", "DriftForwardRole")
	tpl.HasResourceProperties("AWS::Events::Rule", map[string]any{"Targets": []any{map[string]any{
		"Arn": bus, "Id": "Target0", "RoleArn": map[string]any{"Fn::GetAtt": []any{forward, "Arn"}},
	}}})
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": map[string]any{"Service": "events.amazonaws.com"},
			"Condition": map[string]any{
				"StringEquals": map[string]any{"aws:SourceAccount": lztest.Account},
				"ArnLike":      map[string]any{"aws:SourceArn": "arn:aws:events:eu-west-1:" + lztest.Account + ":rule/*"},
			},
		}}},
		"Policies": []any{map[string]any{"PolicyName": "ForwardDriftEvents", "PolicyDocument": map[string]any{"Statement": []any{
			map[string]any{"Action": "events:PutEvents", "Effect": "Allow", "Resource": bus},
		}}}},
	})
	lztest.Golden(t, tpl)
}

func TestDriftAlertRelay(t *testing.T) {
	var relay *pipeline.DriftAlertRelay
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if relay, err = pipeline.NewDriftAlertRelay(s, "DriftRelay", pipeline.DriftAlertRelayProps{AlertTopicArn: localTopic, OrganizationID: "o-a1b2c3d4e5"}); err != nil {
			t.Fatal(err)
		}
	})
	lztest.AssertStackSetSafe(t, t.Name(), tpl)
	bus := "arn:aws:events:eu-west-1:" + lztest.Account + ":event-bus/default"
	if got := relay.EventBusArn(); got != bus {
		t.Errorf("EventBusArn() = %q, want %q", got, bus)
	}
	// The organization's accounts may put CloudFormation drift events, and nothing
	// else, on the default bus.
	tpl.HasResourceProperties("AWS::Events::EventBusPolicy", map[string]any{
		"EventBusName": "default", "StatementId": "AllowLandingZoneDriftEvents",
		"Statement": map[string]any{
			"Effect": "Allow", "Principal": "*", "Action": "events:PutEvents", "Resource": bus,
			"Condition": map[string]any{"StringEquals": map[string]any{
				"aws:PrincipalOrgID": "o-a1b2c3d4e5", "events:source": "aws.cloudformation", "events:detail-type": "CloudFormation Drift Detection Status Change",
			}},
		},
	})
	// Other accounts' DRIFTED results go to the topic; this account's own come from
	// its DriftCheck, so that none is reported twice.
	tpl.HasResourceProperties("AWS::Events::Rule", map[string]any{
		"EventPattern": map[string]any{
			"source": []any{"aws.cloudformation"}, "detail-type": []any{"CloudFormation Drift Detection Status Change"},
			"account": []any{map[string]any{"anything-but": []any{lztest.Account}}},
			"detail":  map[string]any{"status-details": map[string]any{"stack-drift-status": []any{"DRIFTED"}}},
		},
		"Targets": []any{map[string]any{"Arn": localTopic, "Id": "Target0"}},
	})
	lztest.Golden(t, tpl)
}

func TestDriftCheckPropsErrors(t *testing.T) {
	many := make([]string, pipeline.MaxDriftStacks+1)
	for i := range many {
		many[i] = "Stack" + strings.Repeat("x", i+1)
	}
	for _, tc := range []struct {
		name  string
		props pipeline.DriftCheckProps
		want  []string
	}{
		{"no stacks", pipeline.DriftCheckProps{AlertTopicArn: localTopic}, []string{"DriftCheckProps.StackNames: required"}},
		{"too many stacks", pipeline.DriftCheckProps{StackNames: many, AlertTopicArn: localTopic}, []string{"DriftCheckProps.StackNames: 21 stacks; at most 20"}},
		{"stack names", pipeline.DriftCheckProps{StackNames: []string{"1stack", "Org", "Org"}, AlertTopicArn: localTopic},
			[]string{`DriftCheckProps.StackNames[0] "1stack": not a stack name`, `DriftCheckProps.StackNames[2] "Org": duplicate of DriftCheckProps.StackNames[1]`}},
		{"schedule every five minutes", pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: localTopic, Schedule: "rate(5 minutes)"},
			[]string{`DriftCheckProps.Schedule "rate(5 minutes)": more often than once an hour`}},
		{"cron every minute", pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: localTopic, Schedule: "cron(* 6 * * ? *)"},
			[]string{`DriftCheckProps.Schedule "cron(* 6 * * ? *)": more often than once an hour`}},
		{"rate with a plural unit for one", pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: localTopic, Schedule: "rate(1 hours)"},
			[]string{`DriftCheckProps.Schedule "rate(1 hours)": not a rate: with a value of 1 the unit is singular, as in "rate(1 hour)"`}},
		{"rate with a singular unit for several", pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: localTopic, Schedule: "rate(2 day)"},
			[]string{`DriftCheckProps.Schedule "rate(2 day)": not a rate: with a value above 1 the unit is plural, as in "rate(2 days)"`}},
		{"rate of zero", pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: localTopic, Schedule: "rate(0 days)"},
			[]string{`DriftCheckProps.Schedule "rate(0 days)": not a rate: the value must be a positive whole number`}},
		{"schedule in words", pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: localTopic, Schedule: "daily"},
			[]string{`DriftCheckProps.Schedule "daily": not a schedule such as "rate(1 day)"`}},
		{"no topic", pipeline.DriftCheckProps{StackNames: managementStacks}, []string{"DriftCheckProps.AlertTopicArn: required"}},
		{"topic not a topic", pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: "arn:aws:sqs:eu-west-1:999999999999:alerts"},
			[]string{`DriftCheckProps.AlertTopicArn "arn:aws:sqs:eu-west-1:999999999999:alerts": an ARN of service sqs, want sns`}},
		{"topic in another region", pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: alerting.TopicArn(auditAccount, "us-east-1", "alerts")},
			[]string{`DriftCheckProps.AlertTopicArn "arn:aws:sns:us-east-1:999999999999:alerts": in region us-east-1; use the alert topic of the stack's region eu-west-1`}},
		{"every problem at once", pipeline.DriftCheckProps{StackNames: []string{""}, Schedule: "rate(1 minute)", AlertTopicArn: "topic"},
			[]string{"DriftCheckProps.StackNames[0]", "DriftCheckProps.Schedule", "DriftCheckProps.AlertTopicArn"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = pipeline.NewDriftCheck(stack, "Drift", tc.props) })
			lztest.ExpectInvalid(t, err, "pipeline: DriftCheckProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Drift")
		})
	}
	t.Run("stack without an environment", func(t *testing.T) {
		app := lztest.NewApp(t)
		var err error
		lztest.Do(t, func() {
			stack := awscdk.NewStack(app, jsii.String("Agnostic"), nil)
			_, err = pipeline.NewDriftCheck(stack, "Drift", pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: auditTopic})
		})
		lztest.ExpectInvalid(t, err, "pipeline: DriftCheckProps.", "the stack needs its own account and region")
	})
	if err := (pipeline.DriftCheckProps{StackNames: managementStacks, AlertTopicArn: auditTopic, Schedule: "cron(15 6 * * ? *)"}).Validate(); err != nil {
		t.Errorf("Validate() of good props: %v", err)
	}
}

func TestDriftAlertRelayPropsErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		props pipeline.DriftAlertRelayProps
		want  []string
	}{
		{"nothing", pipeline.DriftAlertRelayProps{}, []string{"DriftAlertRelayProps.AlertTopicArn: required", "DriftAlertRelayProps.OrganizationID: required"}},
		{"organization ID", pipeline.DriftAlertRelayProps{AlertTopicArn: localTopic, OrganizationID: "123456789012"},
			[]string{`DriftAlertRelayProps.OrganizationID "123456789012": not an organization ID`}},
		{"topic of another account", pipeline.DriftAlertRelayProps{AlertTopicArn: auditTopic, OrganizationID: "o-a1b2c3d4e5"},
			[]string{`DriftAlertRelayProps.AlertTopicArn "` + auditTopic + `": not in the stack's account 123456789012 and region eu-west-1`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = pipeline.NewDriftAlertRelay(stack, "DriftRelay", tc.props) })
			lztest.ExpectInvalid(t, err, "pipeline: DriftAlertRelayProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "DriftRelay")
		})
	}
}
