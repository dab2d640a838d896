package pipeline

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodepipeline"
	"github.com/aws/aws-cdk-go/awscdk/v2/pipelines"
	"github.com/aws/jsii-runtime-go"
)

// actionStep is a CDK Pipelines step that adds one native CodePipeline action of the
// caller's making, for what CDK Pipelines has no step of its own: a step that also
// implements ICodePipelineActionFactory adds its action itself.
type actionStep struct {
	pipelines.Step
	// action makes the action, given its name, its run order and an input artifact
	// for actions that need one but read nothing.
	action func(name *string, runOrder *float64, input awscodepipeline.Artifact) awscodepipeline.IAction
}

func newActionStep(id string, action func(name *string, runOrder *float64, input awscodepipeline.Artifact) awscodepipeline.IAction) *actionStep {
	s := &actionStep{action: action}
	pipelines.NewStep_Override(s, jsii.String(id))
	return s
}

// ProduceAction adds the action to the CodePipeline stage; CDK Pipelines calls it
// while it builds the pipeline.
func (s *actionStep) ProduceAction(stage awscodepipeline.IStage, options *pipelines.ProduceActionOptions) *pipelines.CodePipelineActionFactoryResult {
	stage.AddAction(s.action(options.ActionName, options.RunOrder, options.FallbackArtifact))
	return &pipelines.CodePipelineActionFactoryResult{RunOrdersConsumed: jsii.Number(1)}
}
