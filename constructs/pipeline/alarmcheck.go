package pipeline

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/pipelines"
	"github.com/aws/jsii-runtime-go"
)

// alarmCheckTimeoutMinutes bounds the check, which makes one paginated API call.
const alarmCheckTimeoutMinutes = 10

// newAlarmCheckStep returns the step that fails, and so stops the rollout, when any of
// alarms is in the ALARM state. It is one `aws cloudwatch describe-alarms` call in
// CodeBuild: no function of ours to maintain.
func newAlarmCheckStep(id string, alarms []string) pipelines.CodeBuildStep {
	quoted := make([]string, len(alarms))
	for i, a := range alarms {
		quoted[i] = shellQuote(a)
	}
	describe := "aws cloudwatch describe-alarms --state-value ALARM --alarm-types MetricAlarm CompositeAlarm --alarm-names " +
		strings.Join(quoted, " ") + " --query '[MetricAlarms[].AlarmName, CompositeAlarms[].AlarmName][]' --output text"
	return pipelines.NewCodeBuildStep(jsii.String(id), &pipelines.CodeBuildStepProps{
		Commands: jsii.Strings(
			`firing="$(`+describe+`)"`,
			`if [ -n "$firing" ]; then echo "in ALARM: $firing; the rollout stops before the next wave" >&2; exit 1; fi`,
			`echo "no watched alarm is in ALARM"`,
		),
		// DescribeAlarms returns composite alarms only to a caller allowed it on every
		// alarm; the action reads alarm states and nothing else.
		RolePolicyStatements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Sid:       jsii.String("ReadAlarmStates"),
			Actions:   jsii.Strings("cloudwatch:DescribeAlarms"),
			Resources: jsii.Strings("*"),
		})},
		Timeout: awscdk.Duration_Minutes(jsii.Number(alarmCheckTimeoutMinutes)),
	})
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'"'"'`) + "'"
}
