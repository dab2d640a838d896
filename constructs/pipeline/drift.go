package pipeline

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseventstargets"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsscheduler"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsschedulertargets"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/nag"
)

// Drift events, from the CloudFormation User Guide ("Drift Detection Status Change
// event detail").
const (
	cloudFormationSource = "aws.cloudformation"
	driftDetailType      = "CloudFormation Drift Detection Status Change"
	driftStatusDrifted   = "DRIFTED"
)

// readOnlyPolicy is the AWS-managed policy that AWS documents for drift detection,
// which reads every resource of a stack with the caller's permissions.
const readOnlyPolicy = "ReadOnlyAccess"

// Construct IDs of the drift check.
const (
	idDetectorRole = "DetectorRole"
	idSchedule     = "Schedule"
	idDriftRule    = "Drifted"
	idForwardRole  = "ForwardRole"
	idAlertTopic   = "AlertTopic"
	idAlertBus     = "AlertBus"
)

// DriftCheck detects drift of the landing-zone stacks on a schedule and reports
// drifted ones to the alert topic. It holds no asset and no custom resource.
type DriftCheck struct {
	constructs.Construct
	// StackNames are the stacks checked, in the order of Schedules.
	StackNames []string
	// Schedules start drift detection, one per stack, by the EventBridge Scheduler's
	// universal target for CloudFormation's DetectStackDrift.
	Schedules []awsscheduler.Schedule
	// DetectorRole is what the schedules detect drift as.
	DetectorRole awsiam.Role
	// Rule matches the drift events of the stacks that end DRIFTED.
	Rule awsevents.Rule
	// ForwardRole puts the events on the alert account's bus; nil when the topic is
	// in this account.
	ForwardRole awsiam.Role
}

// NewDriftCheck validates props, then schedules drift detection of each stack and
// routes DRIFTED results to the alert topic. On error nothing is added to scope.
func NewDriftCheck(scope constructs.Construct, id string, props DriftCheckProps) (*DriftCheck, error) {
	stack := awscdk.Stack_Of(scope)
	var l check.List
	topic := props.validate(&l)
	account, region := concrete(stack.Account()), concrete(stack.Region())
	if account == "" || region == "" {
		l.Addf("DriftCheckProps.AlertTopicArn", props.AlertTopicArn, "the stack needs its own account and region, which decide how drift events reach the topic")
	} else if topic.Region != "" && topic.Region != region {
		l.Addf("DriftCheckProps.AlertTopicArn", props.AlertTopicArn, "in region %s; use the alert topic of the stack's region %s", topic.Region, region)
	}
	if err := l.Err("pipeline"); err != nil {
		return nil, err
	}
	schedule := props.Schedule
	if schedule == "" {
		schedule = DefaultDriftSchedule
	}
	d := &DriftCheck{StackNames: props.StackNames}
	// Registering d itself as the construct lets callers pass *DriftCheck wherever the
	// CDK wants a construct.
	constructs.NewConstruct_Override(d, scope, jsii.String(id))
	d.DetectorRole = newDetectorRole(d.Construct, stack)
	d.addSchedules(stack, schedule)
	d.addRule(stack, topic, props.AlertTopicArn)
	// The role's policy exists once the schedules have added their statements.
	suppressDetectorFindings(d.DetectorRole)
	return d, nil
}

// addSchedules schedules drift detection of each stack of d, as its detector role.
func (d *DriftCheck) addSchedules(stack awscdk.Stack, schedule string) {
	for i, name := range d.StackNames {
		d.Schedules = append(d.Schedules, awsscheduler.NewSchedule(d.Construct, jsii.String(fmt.Sprintf("%s%d", idSchedule, i+1)), &awsscheduler.ScheduleProps{
			Description: jsii.String("Detect drift of the landing-zone stack " + name),
			Schedule:    awsscheduler.ScheduleExpression_Expression(jsii.String(schedule), nil),
			TimeWindow:  awsscheduler.TimeWindow_Flexible(awscdk.Duration_Hours(jsii.Number(driftWindowHours))),
			Target: awsschedulertargets.NewUniversal(&awsschedulertargets.UniversalTargetProps{
				Service: jsii.String("cloudformation"),
				Action:  jsii.String("detectStackDrift"),
				Input:   awsscheduler.ScheduleTargetInput_FromObject(map[string]string{"StackName": name}),
				Role:    d.DetectorRole,
				// The universal target allows its action on * unless told otherwise.
				PolicyStatements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
					Actions:   jsii.Strings("cloudformation:DetectStackDrift", "cloudformation:DetectStackResourceDrift"),
					Resources: jsii.Strings(stackArn(stack, name)),
				})},
			}),
		}))
	}
}

// addRule routes the DRIFTED results of d's stacks to the topic of arn topicArn:
// to the topic in this account, otherwise to the default bus of the topic's account.
func (d *DriftCheck) addRule(stack awscdk.Stack, topic check.ARN, topicArn string) {
	account := *stack.Account()
	var stacks []interface{}
	for _, name := range d.StackNames {
		stacks = append(stacks, map[string]string{"wildcard": "arn:*:cloudformation:*:*:stack/" + name + "/*"})
	}
	d.Rule = awsevents.NewRule(d.Construct, jsii.String(idDriftRule), &awsevents.RuleProps{
		Description: jsii.String("Landing-zone stacks found drifted"),
		EventPattern: &awsevents.EventPattern{
			Source:     jsii.Strings(cloudFormationSource),
			DetailType: jsii.Strings(driftDetailType),
			Detail: &map[string]interface{}{
				"stack-id":       stacks,
				"status-details": map[string]interface{}{"stack-drift-status": []string{driftStatusDrifted}},
			},
		},
	})
	if topic.Account == account {
		d.Rule.AddTarget(alerting.EventTarget(awssns.Topic_FromTopicArn(d.Construct, jsii.String(idAlertTopic), jsii.String(topicArn))))
	} else {
		bus := DefaultBusArn(topic.Partition, topic.Account, topic.Region)
		d.ForwardRole = newForwardRole(d.Construct, stack)
		d.Rule.AddTarget(awseventstargets.NewEventBus(awsevents.EventBus_FromEventBusArn(d.Construct, jsii.String(idAlertBus), jsii.String(bus)),
			&awseventstargets.EventBusProps{Role: d.ForwardRole}))
	}
}

// ScheduleOf returns the schedule that checks the stack named name, or nil.
//
// Like every construct type of this module, DriftCheck has at least one method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (d *DriftCheck) ScheduleOf(name string) awsscheduler.Schedule {
	for i, n := range d.StackNames {
		if n == name {
			return d.Schedules[i]
		}
	}
	return nil
}

// DefaultBusArn is the ARN of the default event bus of account in region.
func DefaultBusArn(partition, account, region string) string {
	return "arn:" + partition + ":events:" + region + ":" + account + ":event-bus/default"
}

// stackArn matches every stack named name in stack's account and region, whatever its
// ID.
func stackArn(stack awscdk.Stack, name string) string {
	return "arn:" + *stack.Partition() + ":cloudformation:" + *stack.Region() + ":" + *stack.Account() + ":stack/" + name + "/*"
}

// newDetectorRole returns the role the schedules of stack's account detect drift as.
// Drift detection reads each resource of a stack with the caller's permissions, so
// the role reads everything; only EventBridge Scheduler, for schedules of this
// account, can assume it.
func newDetectorRole(scope constructs.Construct, stack awscdk.Stack) awsiam.Role {
	role := awsiam.NewRole(scope, jsii.String(idDetectorRole), &awsiam.RoleProps{
		Description: jsii.String("Detects drift of the landing-zone stacks on schedule"),
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("scheduler.amazonaws.com"), &awsiam.ServicePrincipalOpts{Conditions: &map[string]interface{}{
			"StringEquals": map[string]interface{}{"aws:SourceAccount": stack.Account()},
			"ArnLike":      map[string]interface{}{"aws:SourceArn": "arn:" + *stack.Partition() + ":scheduler:" + *stack.Region() + ":" + *stack.Account() + ":schedule/*"},
		}}),
		ManagedPolicies: &[]awsiam.IManagedPolicy{awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(readOnlyPolicy))},
	})
	return role
}

// suppressDetectorFindings records why the detector role's wildcards do not apply.
func suppressDetectorFindings(role awsiam.Role) {
	nag.Suppress(role, true, nag.Rule{
		ID:        "AwsSolutions-IAM4",
		Reason:    "CloudFormation drift detection reads every resource of a stack with the caller's permissions; ReadOnlyAccess is what AWS documents for it and follows new resource types",
		AppliesTo: []string{"Policy::arn:<AWS::Partition>:iam::aws:policy/" + readOnlyPolicy},
	})
	nag.Suppress(role, true, nag.Rule{
		ID:        "AwsSolutions-IAM5",
		Reason:    "a stack's ARN ends in an ID CloudFormation assigns; the wildcard stands for that ID of the named landing-zone stack only",
		AppliesTo: []string{`/^Resource::arn:[^:]+:cloudformation:[a-z0-9-]+:\d{12}:stack\/[A-Za-z][A-Za-z0-9-]*\/\*$/`},
	})
}

// newForwardRole returns the role the drift rule puts events on another account's bus
// with; the rule's target grants it events:PutEvents on that bus.
func newForwardRole(scope constructs.Construct, stack awscdk.Stack) awsiam.Role {
	return awsiam.NewRole(scope, jsii.String(idForwardRole), &awsiam.RoleProps{
		Description: jsii.String("Forwards landing-zone drift events to the alert account's event bus"),
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("events.amazonaws.com"), &awsiam.ServicePrincipalOpts{Conditions: &map[string]interface{}{
			"StringEquals": map[string]interface{}{"aws:SourceAccount": stack.Account()},
			"ArnLike":      map[string]interface{}{"aws:SourceArn": "arn:" + *stack.Partition() + ":events:" + *stack.Region() + ":" + *stack.Account() + ":rule/*"},
		}}),
	})
}

// concrete returns the value of s, or empty when it is a token.
func concrete(s *string) string {
	if *awscdk.Token_IsUnresolved(s) {
		return ""
	}
	return *s
}
