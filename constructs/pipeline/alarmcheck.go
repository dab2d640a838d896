package pipeline

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodebuild"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodepipeline"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodepipelineactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// idAlarmCheckProject is the construct ID of the alarm check's CodeBuild project.
const idAlarmCheckProject = "AlarmCheck"

// alarmCheckTimeoutMinutes bounds the check, which makes one paginated API call.
const alarmCheckTimeoutMinutes = 10

// newAlarmCheckProject returns the CodeBuild project that fails, and so stops the
// rollout, when any of alarms is in the ALARM state: one `aws cloudwatch
// describe-alarms` call, no function of ours to maintain. Every wave runs the same
// project, which keeps the pipeline's template small.
func newAlarmCheckProject(scope constructs.Construct, alarms []string, key awskms.IKey, logs awslogs.ILogGroup) awscodebuild.PipelineProject {
	quoted := make([]string, len(alarms))
	for i, a := range alarms {
		quoted[i] = shellQuote(a)
	}
	describe := "aws cloudwatch describe-alarms --state-value ALARM --alarm-types MetricAlarm CompositeAlarm --alarm-names " +
		strings.Join(quoted, " ") + " --query '[MetricAlarms[].AlarmName, CompositeAlarms[].AlarmName][]' --output text"
	project := awscodebuild.NewPipelineProject(scope, jsii.String(idAlarmCheckProject), &awscodebuild.PipelineProjectProps{
		Description: jsii.String("Stops the landing-zone rollout when a watched alarm is in ALARM"),
		BuildSpec: awscodebuild.BuildSpec_FromObject(&map[string]interface{}{
			"version": "0.2",
			"phases": map[string]interface{}{"build": map[string]interface{}{"commands": []string{
				`firing="$(` + describe + `)"`,
				`if [ -n "$firing" ]; then echo "in ALARM: $firing; the rollout stops before the next wave" >&2; exit 1; fi`,
				`echo "no watched alarm is in ALARM"`,
			}}},
		}),
		Environment:   &awscodebuild.BuildEnvironment{BuildImage: awscodebuild.LinuxBuildImage_STANDARD_7_0(), ComputeType: awscodebuild.ComputeType_SMALL},
		EncryptionKey: key,
		Logging:       buildLogging(logs),
		Timeout:       awscdk.Duration_Minutes(jsii.Number(alarmCheckTimeoutMinutes)),
	})
	// DescribeAlarms returns composite alarms only to a caller allowed it on every
	// alarm; the action reads alarm states and nothing else.
	project.AddToRolePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("ReadAlarmStates"),
		Actions:   jsii.Strings("cloudwatch:DescribeAlarms"),
		Resources: jsii.Strings("*"),
	}))
	return project
}

// newAlarmCheckStep returns the step that runs project as a CodeBuild test action.
// The check reads no file, but a CodeBuild action needs an input: it takes the one
// CDK Pipelines offers such steps.
func newAlarmCheckStep(id string, project awscodebuild.IProject) *actionStep {
	return newActionStep(id, func(name *string, runOrder *float64, input awscodepipeline.Artifact) awscodepipeline.IAction {
		return awscodepipelineactions.NewCodeBuildAction(&awscodepipelineactions.CodeBuildActionProps{
			ActionName: name, RunOrder: runOrder, Project: project, Input: input, Type: awscodepipelineactions.CodeBuildActionType_TEST,
		})
	})
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'"'"'`) + "'"
}
