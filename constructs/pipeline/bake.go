package pipeline

import (
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodepipeline"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodepipelineactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// Construct IDs of the bake.
const (
	idBake     = "Bake"
	idBakeLogs = "BakeLogs"
	idBakeWait = "WaitOutBake"
	idBakeDone = "Baked"
)

// bakeLogRetentionDays keeps the bake's execution history a year.
const bakeLogRetentionDays = 365

// newBakeMachine returns the state machine that waits out the bake: a Standard
// workflow whose one Wait state lasts bake. Step Functions charges per state
// transition, so a bake costs three transitions whatever its length, where a
// CodeBuild job would bill every minute and stop after 8 hours.
func newBakeMachine(scope constructs.Construct, bake time.Duration, key awskms.IKey) awsstepfunctions.StateMachine {
	logs := secure.NewLogGroup(scope, idBakeLogs, secure.LogGroupProps{RetentionDays: bakeLogRetentionDays, Key: key})
	wait := awsstepfunctions.NewWait(scope, jsii.String(idBakeWait), &awsstepfunctions.WaitProps{
		Comment: jsii.String("Watch the wave for " + formatDays(bake) + " before its alarm check"),
		Time:    awsstepfunctions.WaitTime_Duration(awscdk.Duration_Seconds(jsii.Number(bake.Seconds()))),
	})
	done := awsstepfunctions.NewSucceed(scope, jsii.String(idBakeDone), nil)
	return awsstepfunctions.NewStateMachine(scope, jsii.String(idBake), &awsstepfunctions.StateMachineProps{
		Comment:          jsii.String("Bake of a landing-zone rollout wave: " + check.FormatISODuration(bake)),
		DefinitionBody:   awsstepfunctions.DefinitionBody_FromChainable(wait.Next(done)),
		StateMachineType: awsstepfunctions.StateMachineType_STANDARD,
		Logs:             &awsstepfunctions.LogOptions{Destination: logs.LogGroup, Level: awsstepfunctions.LogLevel_ALL},
		TracingEnabled:   jsii.Bool(true),
	})
}

// newBakeStep returns the step that runs machine as a native CodePipeline Step
// Functions action.
func newBakeStep(id string, machine awsstepfunctions.IStateMachine) *actionStep {
	return newActionStep(id, func(name *string, runOrder *float64, _ awscodepipeline.Artifact) awscodepipeline.IAction {
		return awscodepipelineactions.NewStepFunctionInvokeAction(&awscodepipelineactions.StepFunctionsInvokeActionProps{
			ActionName: name, RunOrder: runOrder, StateMachine: machine,
		})
	})
}
