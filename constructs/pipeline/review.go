package pipeline

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/pipelines"
	"github.com/aws/jsii-runtime-go"
)

// changeSetName is the name CDK Pipelines gives every change set it creates.
const changeSetName = "PipelineChange"

// reviewTimeoutMinutes bounds the summary, two API calls.
const reviewTimeoutMinutes = 10

// LookupRoleArn is the ARN of the read-only role `cdk bootstrap` creates in account
// and region with qualifier. An account bootstrapped with `--trust <deployment
// account>` lets the deployment account assume it; the change-set review reads change
// sets through it.
func LookupRoleArn(partition, account, region, qualifier string) string {
	return "arn:" + partition + ":iam::" + account + ":role/cdk-" + qualifier + "-lookup-role-" + account + "-" + region
}

// reviewSteps returns the steps that run between the creation and the execution of
// stack's change set: a summary of the change set posted to topic, then a person's
// approval with a link to the same topic.
func reviewSteps(stack awscdk.Stack, topic awssns.ITopic, key awskms.IKey, qualifier string) []pipelines.Step {
	name := *stack.StackName()
	role := LookupRoleArn(*awscdk.Stack_Of(topic).Partition(), *stack.Account(), *stack.Region(), qualifier)
	summary := pipelines.NewCodeBuildStep(jsii.String(name+"-Summary"), &pipelines.CodeBuildStepProps{
		Env: &map[string]*string{
			"STACK_NAME":      jsii.String(name),
			"CHANGE_SET":      jsii.String(changeSetName),
			"TARGET_REGION":   stack.Region(),
			"TARGET_ROLE_ARN": jsii.String(role),
			"TOPIC_ARN":       topic.TopicArn(),
		},
		Commands: jsii.Strings(
			// The change set lives in the target account: read it as the bootstrap
			// lookup role there, from the build's own container credentials.
			`export AWS_CONFIG_FILE="$(mktemp)"`,
			`printf '[profile target]\nrole_arn = %s\ncredential_source = EcsContainer\n' "$TARGET_ROLE_ARN" > "$AWS_CONFIG_FILE"`,
			`aws cloudformation describe-change-set --profile target --region "$TARGET_REGION" --stack-name "$STACK_NAME" --change-set-name "$CHANGE_SET" --query '{Stack: StackName, Status: Status, Changes: Changes[].ResourceChange.{Action: Action, Resource: LogicalResourceId, Type: ResourceType, Replacement: Replacement}}' --output table > summary.txt`,
			`cat summary.txt`,
			// An SNS message holds at most 256 KB.
			`head -c 240000 summary.txt > message.txt`,
			`aws sns publish --topic-arn "$TOPIC_ARN" --subject "Landing zone change set of $STACK_NAME ready for review" --message file://message.txt`,
		),
		RolePolicyStatements: &[]awsiam.PolicyStatement{
			awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Sid:       jsii.String("ReadChangeSetInTargetAccount"),
				Actions:   jsii.Strings("sts:AssumeRole"),
				Resources: jsii.Strings(role),
			}),
			awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Sid:       jsii.String("PostSummary"),
				Actions:   jsii.Strings("sns:Publish"),
				Resources: &[]*string{topic.TopicArn()},
			}),
			awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
				Sid:       jsii.String("EncryptSummary"),
				Actions:   jsii.Strings("kms:GenerateDataKey*", "kms:Decrypt"),
				Resources: &[]*string{key.KeyArn()},
				Conditions: &map[string]interface{}{
					"StringEquals": map[string]interface{}{"kms:ViaService": "sns." + *awscdk.Stack_Of(topic).Region() + ".amazonaws.com"},
				},
			}),
		},
		Timeout: awscdk.Duration_Minutes(jsii.Number(reviewTimeoutMinutes)),
	})
	approve := pipelines.NewManualApprovalStep(jsii.String(name+"-Approve"), &pipelines.ManualApprovalStepProps{
		Comment:           jsii.String("Review the change set of " + name + " (summary sent to the notification topic), then approve to execute it"),
		NotificationTopic: topic,
	})
	approve.AddStepDependency(summary)
	return []pipelines.Step{summary, approve}
}
