package pipeline

import (
	"encoding/json"
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsscheduler"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/nag"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
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
)

// DriftCheck detects drift of the landing-zone stacks on a schedule and reports
// drifted ones to the alert topic. It holds no asset and no custom resource.
//
// Its resources are CloudFormation (L1) constructs: every account and region of the
// landing zone holds a drift check, and the L2 schedules, rule and roles, with their
// grants and targets, cost several times as much to build and synthesize for the
// same template (BENCHMARKS.md).
type DriftCheck struct {
	constructs.Construct
	// StackNames are the stacks checked, in the order of Schedules.
	StackNames []string
	// Schedules start drift detection, one per stack, by the EventBridge Scheduler's
	// universal target for CloudFormation's DetectStackDrift.
	Schedules []awsscheduler.CfnSchedule
	// DetectorRole is what the schedules detect drift as.
	DetectorRole awsiam.CfnRole
	// Rule matches the drift events of the stacks that end DRIFTED.
	Rule awsevents.CfnRule
	// ForwardRole puts the events on the alert account's bus; nil when the topic is
	// in this account.
	ForwardRole awsiam.CfnRole
}

// NewDriftCheck validates props, then schedules drift detection of each stack and
// routes DRIFTED results to the alert topic. On error nothing is added to scope.
func NewDriftCheck(scope constructs.Construct, id string, props DriftCheckProps) (*DriftCheck, error) {
	if err := scopecheck.Check("pipeline", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
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
	env := environment{partition: *stack.Partition(), account: account, region: region}
	d.DetectorRole = newDetectorRole(d.Construct, env, d.StackNames)
	d.addSchedules(env, schedule)
	d.addRule(env, topic, props.AlertTopicArn)
	return d, nil
}

// environment is where a drift check runs; partition is a token.
type environment struct{ partition, account, region string }

// arn returns the ARN of resource of service in the environment.
func (e environment) arn(service, resource string) string {
	return "arn:" + e.partition + ":" + service + ":" + e.region + ":" + e.account + ":" + resource
}

// addSchedules schedules drift detection of each stack of d, as its detector role.
func (d *DriftCheck) addSchedules(env environment, schedule string) {
	for i, name := range d.StackNames {
		input, _ := json.Marshal(map[string]string{"StackName": name})
		d.Schedules = append(d.Schedules, awsscheduler.NewCfnSchedule(d.Construct, jsii.String(fmt.Sprintf("%s%d", idSchedule, i+1)), &awsscheduler.CfnScheduleProps{
			Description:        jsii.String("Detect drift of the landing-zone stack " + name),
			ScheduleExpression: jsii.String(schedule),
			State:              jsii.String("ENABLED"),
			FlexibleTimeWindow: &awsscheduler.CfnSchedule_FlexibleTimeWindowProperty{
				Mode: jsii.String("FLEXIBLE"), MaximumWindowInMinutes: jsii.Number(driftWindowHours * 60),
			},
			// The universal target calls an AWS API with the schedule's input.
			Target: &awsscheduler.CfnSchedule_TargetProperty{
				Arn:     jsii.String("arn:" + env.partition + ":scheduler:::aws-sdk:cloudformation:detectStackDrift"),
				RoleArn: d.DetectorRole.AttrArn(),
				Input:   jsii.String(string(input)),
			},
		}))
	}
}

// addRule routes the DRIFTED results of d's stacks to the topic of arn topicArn:
// to the topic in this account, otherwise to the default bus of the topic's account.
func (d *DriftCheck) addRule(env environment, topic check.ARN, topicArn string) {
	var stacks []interface{}
	for _, name := range d.StackNames {
		stacks = append(stacks, map[string]string{"wildcard": "arn:*:cloudformation:*:*:stack/" + name + "/*"})
	}
	target := awsevents.CfnRule_TargetProperty{Id: jsii.String("Target0"), Arn: jsii.String(topicArn)}
	if topic.Account != env.account {
		bus := DefaultBusArn(topic.Partition, topic.Account, topic.Region)
		d.ForwardRole = newForwardRole(d.Construct, env, bus)
		target = awsevents.CfnRule_TargetProperty{Id: jsii.String("Target0"), Arn: jsii.String(bus), RoleArn: d.ForwardRole.AttrArn()}
	}
	d.Rule = awsevents.NewCfnRule(d.Construct, jsii.String(idDriftRule), &awsevents.CfnRuleProps{
		Description: jsii.String("Landing-zone stacks found drifted"),
		State:       jsii.String("ENABLED"),
		EventPattern: map[string]interface{}{
			"source":      []string{cloudFormationSource},
			"detail-type": []string{driftDetailType},
			"detail": map[string]interface{}{
				"stack-id":       stacks,
				"status-details": map[string]interface{}{"stack-drift-status": []string{driftStatusDrifted}},
			},
		},
		Targets: &[]interface{}{&target},
	})
}

// ScheduleOf returns the schedule that checks the stack named name, or nil.
//
// Like every construct type of this module, DriftCheck has at least one method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (d *DriftCheck) ScheduleOf(name string) awsscheduler.CfnSchedule {
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

// trustService returns the trust policy that lets service assume a role for its
// resources of this account only, the confused-deputy guard AWS documents.
func trustService(env environment, service, resources string) map[string]interface{} {
	return policyDocument(map[string]interface{}{
		"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": map[string]interface{}{"Service": service + ".amazonaws.com"},
		"Condition": map[string]interface{}{
			"StringEquals": map[string]interface{}{"aws:SourceAccount": env.account},
			"ArnLike":      map[string]interface{}{"aws:SourceArn": env.arn(service, resources)},
		},
	})
}

// policyDocument is an IAM policy of statements.
func policyDocument(statements ...map[string]interface{}) map[string]interface{} {
	return map[string]interface{}{"Version": "2012-10-17", "Statement": statements}
}

// newDetectorRole returns the role the schedules detect drift of stacks as. Drift
// detection reads each resource of a stack with the caller's permissions, so the
// role reads everything; only EventBridge Scheduler, for schedules of this account,
// can assume it.
func newDetectorRole(scope constructs.Construct, env environment, stacks []string) awsiam.CfnRole {
	var arns []string
	for _, name := range stacks {
		arns = append(arns, env.arn("cloudformation", "stack/"+name+"/*"))
	}
	role := awsiam.NewCfnRole(scope, jsii.String(idDetectorRole), &awsiam.CfnRoleProps{
		Description:              jsii.String("Detects drift of the landing-zone stacks on schedule"),
		AssumeRolePolicyDocument: trustService(env, "scheduler", "schedule/*"),
		ManagedPolicyArns:        &[]interface{}{"arn:" + env.partition + ":iam::aws:policy/" + readOnlyPolicy},
		Policies: &[]interface{}{&awsiam.CfnRole_PolicyProperty{
			PolicyName: jsii.String("DetectDrift"),
			PolicyDocument: policyDocument(map[string]interface{}{
				"Effect": "Allow", "Action": []string{"cloudformation:DetectStackDrift", "cloudformation:DetectStackResourceDrift"}, "Resource": arns,
			}),
		}},
	})
	nag.Suppress(role, false, nag.Rule{
		ID:     "AwsSolutions-IAM4",
		Reason: "CloudFormation drift detection reads every resource of a stack with the caller's permissions; ReadOnlyAccess is what AWS documents for it and follows new resource types",
		// cdk-nag spells the partition of an L1's managed policy ARN as resolved.
		AppliesTo: []string{`/^Policy::arn:(<AWS::Partition>|aws[a-z-]*):iam::aws:policy\/` + readOnlyPolicy + `$/`},
	}, nag.Rule{
		ID:        "AwsSolutions-IAM5",
		Reason:    "a stack's ARN ends in an ID CloudFormation assigns; the wildcard stands for that ID of the named landing-zone stack only",
		AppliesTo: []string{`/^Resource::arn:[^:]+:cloudformation:[a-z0-9-]+:\d{12}:stack\/[A-Za-z][A-Za-z0-9-]*\/\*$/`},
	})
	return role
}

// newForwardRole returns the role the drift rule puts events on the bus of ARN bus
// with.
func newForwardRole(scope constructs.Construct, env environment, bus string) awsiam.CfnRole {
	return awsiam.NewCfnRole(scope, jsii.String(idForwardRole), &awsiam.CfnRoleProps{
		Description:              jsii.String("Forwards landing-zone drift events to the alert account's event bus"),
		AssumeRolePolicyDocument: trustService(env, "events", "rule/*"),
		Policies: &[]interface{}{&awsiam.CfnRole_PolicyProperty{
			PolicyName:     jsii.String("ForwardDriftEvents"),
			PolicyDocument: policyDocument(map[string]interface{}{"Effect": "Allow", "Action": "events:PutEvents", "Resource": bus}),
		}},
	})
}

// concrete returns the value of s, or empty when it is a token.
func concrete(s *string) string {
	if *awscdk.Token_IsUnresolved(s) {
		return ""
	}
	return *s
}
