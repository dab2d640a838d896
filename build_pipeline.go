package landingzone

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
)

// PipelineStack is the deployment account's pipeline stack, whose stages hold every
// other stack of the landing zone.
type PipelineStack struct {
	Stack    awscdk.Stack
	Pipeline *pipeline.Pipeline
}

// pipeline builds the deployment pipeline: the pipeline stack in the deployment
// account, the core stages in deploy order, then a stage per workload account, each
// filled by the same builders as without a pipeline.
func (b *builder) pipeline() {
	c := b.cfg
	p := c.Deployment.Pipeline
	s := b.newStack("Pipeline-"+c.pipelineRegion(), p.Account, c.pipelineRegion(), "deployment pipeline", coreStack)
	props := c.pipelineProps()
	for _, st := range b.stages() {
		props.Core = append(props.Core, pipeline.CoreStage{
			Name:             st.name,
			ReviewChangeSets: st.management && p.ReviewManagementChanges,
			Build:            func(stage awscdk.Stage) { b.fill(stage, st.build) },
		})
	}
	accounts := map[string]account{}
	for _, a := range b.workloadAccounts() {
		accounts[a.name] = a
	}
	props.BuildWorkload = func(stage awscdk.Stage, a pipeline.Account) {
		b.fill(stage, func() { b.accountBaselines(accounts[a.Name]) })
	}
	x, err := pipeline.NewPipeline(s, "Pipeline", props)
	if err != nil {
		c.mergePipelineProblems(&b.problems, err)
		return
	}
	b.lz.Pipeline = &PipelineStack{Stack: s, Pipeline: x}
}

// fill runs build with the stacks it adds going to stage.
func (b *builder) fill(stage awscdk.Stage, build func()) {
	b.stage = stage
	defer func() { b.stage = nil }()
	build()
}
