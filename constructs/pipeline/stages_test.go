package pipeline_test

import (
	"slices"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// stackRecorder is an aspect that records the names of the stacks it visits.
type stackRecorder struct{ names []string }

func (r *stackRecorder) Visit(node constructs.IConstruct) {
	if *awscdk.Stack_IsStack(node) {
		r.names = append(r.names, *node.(awscdk.Stack).StackName())
	}
}

// The stages go beside the pipeline's stack, in the app, and inherit the app's
// aspects, such as a cdk-nag pack, which the CDK does not carry across a stage's
// boundary.
func TestPipelineStagesInheritTheAppsAspects(t *testing.T) {
	app := lztest.NewApp(t)
	rec := &stackRecorder{}
	lztest.Do(t, func() {
		awscdk.Aspects_Of(app).Add(rec, nil)
		s := awscdk.NewStack(app, jsii.String("Deployment"), &awscdk.StackProps{Env: lztest.Env()})
		if _, err := pipeline.NewPipeline(s, "Pipeline", landingZoneProps(workloads(1, 0))); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Management", "LogArchive", "dev-1"} {
			if _, ok := app.Node().TryFindChild(jsii.String(name)).(awscdk.Stage); !ok {
				t.Errorf("the app holds no stage %s", name)
			}
		}
	})
	for _, want := range []string{"Organization", "LogArchive", "Baseline-dev-1"} {
		if !slices.Contains(rec.names, want) {
			t.Errorf("the app's aspect visited %v, not the stage's stack %s", rec.names, want)
		}
	}
}

// A stage whose name the app holds already is refused, and the stages made before it
// are removed again.
func TestPipelineStageNameTaken(t *testing.T) {
	app := lztest.NewApp(t)
	var stack awscdk.Stack
	var err error
	lztest.Do(t, func() {
		stack = awscdk.NewStack(app, jsii.String("Deployment"), &awscdk.StackProps{Env: lztest.Env()})
		awscdk.NewStack(app, jsii.String("LogArchive"), nil)
		_, err = pipeline.NewPipeline(stack, "Pipeline", landingZoneProps(workloads(1, 0)))
	})
	lztest.ExpectInvalid(t, err, "pipeline: PipelineProps.", `PipelineProps.Core[1].Name "LogArchive": the app already holds a construct of that name`)
	lztest.ExpectNoChild(t, stack, "Pipeline")
	lztest.ExpectNoChild(t, app, "Management")
}
