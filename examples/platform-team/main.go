// Command platform-team is how a platform team's own repository uses landingzone: an
// application stack of its own in a workload account of the landing zone, built from
// two of the library's constructs (an alert topic and a log-archive subscription) and
// resources of its own (a queue, the log group it subscribes, the role that reads the
// queue). The directory is laid out as a team's repository would be: cdk.json and
// cdk.context.json beside main.go, and main_test.go testing the stack with the public
// package landingzonetest (gates, golden snapshot, guardrails). From this directory:
//
//	cdk synth      # runs `go run .`, as cdk.json says
//	go test ./...  # the team's CI
package main

import (
	"fmt"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/constructs/logsubscription"
)

// Where the team deploys: its production account of the reference landing zone
// (examples/multi-account/landingzone.yaml, workload payments-prod) and the log archive
// account its logs go to.
const (
	account           = "555555555555"
	region            = "eu-west-1"
	logArchiveAccount = "222222222222"
	// qualifier is the team's own CDK bootstrap (`cdk bootstrap --qualifier payments`):
	// the landing zone's guardrails exempt only the landing zone's own deploy roles.
	qualifier = "payments"
)

// build adds the team's stack to app.
func build(app awscdk.App) error {
	stack := awscdk.NewStack(app, jsii.String("PaymentsApp"), &awscdk.StackProps{
		Env:         &awscdk.Environment{Account: jsii.String(account), Region: jsii.String(region)},
		Description: jsii.String("payments team: the settlement queue, its worker role, logs and alerts"),
		Synthesizer: awscdk.NewDefaultStackSynthesizer(&awscdk.DefaultStackSynthesizerProps{Qualifier: jsii.String(qualifier)}),
	})

	alerts, err := alerting.NewAlertTopic(stack, "Alerts", alerting.AlertTopicProps{
		Name:   "payments-alerts",
		Emails: []string{"payments-oncall@example.com"},
	})
	if err != nil {
		return err
	}

	dlq := awssqs.NewQueue(stack, jsii.String("SettlementsDLQ"), &awssqs.QueueProps{
		Encryption: awssqs.QueueEncryption_KMS_MANAGED,
		EnforceSSL: jsii.Bool(true),
	})
	// Control Tower's CT.SQS.PR.1 wants a dead-letter queue on every queue, this one
	// too; the suppression, in the format of @cdklabs/cdk-validator-cfnguard, says why.
	dlq.Node().DefaultChild().(awscdk.CfnResource).AddMetadata(jsii.String("control_tower"), map[string]any{
		"rules_to_suppress": []any{map[string]any{"id": "CT.SQS.PR.1",
			"reason": "this is the dead-letter queue of Settlements; a queue behind it would only hold the same messages again"}},
	})
	queue := awssqs.NewQueue(stack, jsii.String("Settlements"), &awssqs.QueueProps{
		Encryption:      awssqs.QueueEncryption_KMS_MANAGED,
		EnforceSSL:      jsii.Bool(true),
		DeadLetterQueue: &awssqs.DeadLetterQueue{Queue: dlq, MaxReceiveCount: jsii.Number(5)},
	})
	worker := awsiam.NewRole(stack, jsii.String("Worker"), &awsiam.RoleProps{
		RoleName:  jsii.String("payments-settlement-worker"),
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("ecs-tasks.amazonaws.com"), nil),
	})
	queue.GrantConsumeMessages(worker)
	// Publishing to the encrypted alert topic needs a data key of its key; the CDK's
	// GrantPublish would grant kms:GenerateDataKey*, a wildcard cdk-nag refuses.
	worker.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions: jsii.Strings("sns:Publish"), Resources: &[]*string{alerts.Topic.TopicArn()},
	}))
	worker.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions: jsii.Strings("kms:GenerateDataKey", "kms:Decrypt"), Resources: &[]*string{alerts.Key.KeyArn()},
	}))

	logs := awslogs.NewLogGroup(stack, jsii.String("WorkerLogs"), &awslogs.LogGroupProps{
		LogGroupName:  jsii.String(logGroupName),
		Retention:     awslogs.RetentionDays_ONE_YEAR,
		EncryptionKey: logKey(stack),
	})
	logs.GrantWrite(worker)
	_, err = logsubscription.NewLogGroupSubscription(stack, "ToArchive", logsubscription.LogGroupSubscriptionProps{
		LogGroupName:   *logs.LogGroupName(),
		DestinationArn: logarchive.DestinationArn(region, logArchiveAccount, logarchive.DefaultDestinationName),
	})
	return err
}

// logGroupName is the worker's log group.
const logGroupName = "/payments/settlement-worker"

// logKey is the key of the worker's log group, which Control Tower's CT.CLOUDWATCH.PR.3
// asks for. CloudWatch Logs may use it for that log group only, and nobody may create
// grants on it except AWS services (CT.KMS.PR.3).
func logKey(stack awscdk.Stack) awskms.Key {
	key := awskms.NewKey(stack, jsii.String("LogKey"), &awskms.KeyProps{
		Description:       jsii.String("Encrypts " + logGroupName),
		EnableKeyRotation: jsii.Bool(true),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
	})
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String("logs."+region+".amazonaws.com"), nil)},
		Actions:    jsii.Strings("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]any{"ArnEquals": map[string]any{
			"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:" + region + ":" + account + ":log-group:" + logGroupName,
		}},
	}), nil)
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Effect:     awsiam.Effect_DENY,
		Principals: &[]awsiam.IPrincipal{awsiam.NewAnyPrincipal()},
		Actions:    jsii.Strings("kms:CreateGrant"),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]any{"BoolIfExists": map[string]any{
			"kms:GrantIsForAWSResource": "false", "aws:PrincipalIsAWSService": "false",
		}},
	}), nil)
	return key
}

func main() {
	app := awscdk.NewApp(nil)
	if err := build(app); err != nil {
		fmt.Fprintln(os.Stderr, err)
		jsii.Close()
		os.Exit(1)
	}
	app.Synth(nil)
	jsii.Close()
}
