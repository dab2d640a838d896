package pipeline_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// expectRefused asserts that NewPipeline refuses props with every problem of want and
// leaves nothing behind.
func expectRefused(t *testing.T, props pipeline.PipelineProps, want []string) {
	t.Helper()
	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() { _, err = pipeline.NewPipeline(stack, "Pipeline", props) })
	lztest.ExpectInvalid(t, err, "pipeline: PipelineProps.", want...)
	lztest.ExpectNoChild(t, stack, "Pipeline")
}

// propsWith returns the test landing zone's props for accounts, changed by edit.
func propsWith(accounts []pipeline.Account, edit func(p *pipeline.PipelineProps)) pipeline.PipelineProps {
	p := landingZoneProps(accounts)
	edit(&p)
	return p
}

func TestPipelinePropsErrors(t *testing.T) {
	with := func(edit func(p *pipeline.PipelineProps)) pipeline.PipelineProps {
		return propsWith(workloads(2, 1), edit)
	}
	for _, tc := range []struct {
		name  string
		props pipeline.PipelineProps
		want  []string
	}{
		{"connection ARN missing", with(func(p *pipeline.PipelineProps) { p.ConnectionArn = "" }),
			[]string{"PipelineProps.ConnectionArn: required"}},
		{"connection ARN of a CodeCommit repository", with(func(p *pipeline.PipelineProps) {
			p.ConnectionArn = "arn:aws:codecommit:eu-west-1:123456789012:landingzone"
		}), []string{`PipelineProps.ConnectionArn "arn:aws:codecommit:eu-west-1:123456789012:landingzone": not a connection ARN`}},
		{"connection ARN without its UUID", with(func(p *pipeline.PipelineProps) {
			p.ConnectionArn = "arn:aws:codestar-connections:eu-west-1:123456789012:connection/landingzone"
		}), []string{`PipelineProps.ConnectionArn "arn:aws:codestar-connections:eu-west-1:123456789012:connection/landingzone": not a connection ARN`}},
		{"connection ARN of a host", with(func(p *pipeline.PipelineProps) {
			p.ConnectionArn = "arn:aws:codeconnections:eu-west-1:123456789012:host/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
		}), []string{`PipelineProps.ConnectionArn "arn:aws:codeconnections:eu-west-1:123456789012:host/`}},
		{"repository without owner", with(func(p *pipeline.PipelineProps) { p.Repository = "landingzone" }),
			[]string{`PipelineProps.Repository "landingzone": want the repository as "owner/name"`}},
		{"pipeline name", with(func(p *pipeline.PipelineProps) { p.Name = "landing zone" }),
			[]string{`PipelineProps.Name "landing zone": not a pipeline name`}},
		{"empty synth command", with(func(p *pipeline.PipelineProps) { p.SynthCommands = []string{"make synth", ""} }),
			[]string{`PipelineProps.SynthCommands[1] "": empty command`}},
		{"growth factor below 1", with(func(p *pipeline.PipelineProps) { p.Waves.GrowthFactor = 0.5 }),
			[]string{"PipelineProps.Waves.GrowthFactor 0.5: below 1"}},
		{"negative bake time", with(func(p *pipeline.PipelineProps) { p.Waves.BakeTime = "-PT30M" }),
			[]string{`PipelineProps.Waves.BakeTime "-PT30M": negative`}},
		{"bake time over 7 days", with(func(p *pipeline.PipelineProps) { p.Waves.BakeTime = "P10D" }),
			[]string{`PipelineProps.Waves.BakeTime "P10D": over P6DT23H`}},
		{"one-box a core account", with(func(p *pipeline.PipelineProps) { p.Waves.OneBox = "Management" }),
			[]string{`PipelineProps.Waves.OneBox "Management": not a workload account`}},
		{"one-box in production", with(func(p *pipeline.PipelineProps) { p.Waves.OneBox = "prod-1" }),
			[]string{`PipelineProps.Waves.OneBox "prod-1": a production account`}},
		{"workload account ID", with(func(p *pipeline.PipelineProps) { p.Workloads[1].ID = "30000000002" }),
			[]string{`PipelineProps.Workloads[1].ID "30000000002": not a 12-digit AWS account ID`}},
		{"workloads without BuildWorkload", with(func(p *pipeline.PipelineProps) { p.BuildWorkload = nil }),
			[]string{"PipelineProps.BuildWorkload: required with `Workloads`"}},
		{"workloads without alarms", with(func(p *pipeline.PipelineProps) { p.AlarmNames = nil }),
			[]string{"PipelineProps.AlarmNames: required with `Workloads`"}},
		{"alarm names", with(func(p *pipeline.PipelineProps) { p.AlarmNames = []string{"ok", "", "ok", "bad\nname"} }),
			[]string{`PipelineProps.AlarmNames[1] "": not a CloudWatch alarm name`, `PipelineProps.AlarmNames[2] "ok": duplicate of PipelineProps.AlarmNames[0]`, `PipelineProps.AlarmNames[3] "bad\nname"`}},
		{"core stage without Build", with(func(p *pipeline.PipelineProps) { p.Core[1].Build = nil }),
			[]string{"PipelineProps.Core[1].Build: required"}},
		{"core stage named like an account", with(func(p *pipeline.PipelineProps) { p.Core[1].Name = "dev-1" }),
			[]string{"PipelineProps.Core[1].Name \"dev-1\": already the name of `Workloads[0]`"}},
		{"core stage named like a wave", with(func(p *pipeline.PipelineProps) { p.Core[1].Name = "OneBox" }),
			[]string{`PipelineProps.Core[1].Name "OneBox": reserved for the stages of the waves`}},
		{"core stages of one name", with(func(p *pipeline.PipelineProps) { p.Core[1].Name = "Management" }),
			[]string{`PipelineProps.Core[1].Name "Management": duplicate of PipelineProps.Core[0].Name`}},
		{"approver e-mail", with(func(p *pipeline.PipelineProps) { p.ApproverEmails = []string{"platform"} }),
			[]string{`PipelineProps.ApproverEmails[0] "platform": not an e-mail address`}},
		{"CLI version", with(func(p *pipeline.PipelineProps) { p.CliVersion = "latest" }),
			[]string{`PipelineProps.CliVersion "latest": not a CDK CLI version such as "2.1148.1"`}},
		{"cdk-assets version", with(func(p *pipeline.PipelineProps) { p.AssetsCliVersion = "^4" }),
			[]string{`PipelineProps.AssetsCliVersion "^4": not a cdk-assets version such as "4.7.3"`}},
		{"bootstrap qualifier", with(func(p *pipeline.PipelineProps) { p.BootstrapQualifier = "Landing-Zone" }),
			[]string{`PipelineProps.BootstrapQualifier "Landing-Zone": not a bootstrap qualifier`}},
		{"every problem at once", with(func(p *pipeline.PipelineProps) {
			p.ConnectionArn, p.Repository = "arn:aws:s3:::bucket", ""
			p.Waves = pipeline.WaveOptions{GrowthFactor: 0.1, BakeTime: "-P1D", OneBox: "nobody"}
			p.AlarmNames = nil
		}), []string{"PipelineProps.ConnectionArn", "PipelineProps.Repository", "PipelineProps.Waves.GrowthFactor", "PipelineProps.Waves.BakeTime",
			"PipelineProps.Waves.OneBox", "PipelineProps.AlarmNames"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectRefused(t, tc.props, tc.want)
			lztest.ExpectInvalid(t, tc.props.Validate(), "pipeline: PipelineProps.", tc.want...)
		})
	}
}

// Some problems show only once the stages hold their stacks; the pipeline is then
// removed again.
func TestPipelineStageErrors(t *testing.T) {
	with := propsWith
	for _, tc := range []struct {
		name  string
		props pipeline.PipelineProps
		want  []string
	}{
		{"workload without stacks", with(workloads(2, 0), func(p *pipeline.PipelineProps) {
			p.BuildWorkload = func(s awscdk.Stage, a pipeline.Account) {
				if a.Name == "dev-1" {
					addParameterStack(s, "Baseline", a.ID)
				}
			}
		}), []string{"PipelineProps.Workloads[1] \"dev-2\": `BuildWorkload` added no stack for this account"}},
		{"core stage without stacks", with(nil, func(p *pipeline.PipelineProps) { p.Core[1].Build = func(awscdk.Stage) {} }),
			[]string{"PipelineProps.Core[1].Build: added no stack to stage LogArchive"}},
		{"reviewed stack without an environment", with(nil, func(p *pipeline.PipelineProps) {
			p.Core[0].Build = func(s awscdk.Stage) { awscdk.NewStack(s, strp("Organization"), nil) }
		}), []string{"PipelineProps.Core[0].ReviewChangeSets true: stack Management-Organization has no account and region of its own"}},
		// One account per wave: 60 waves, far over the 50 stages of a pipeline.
		{"more waves than stages", with(workloads(60, 0), func(p *pipeline.PipelineProps) { p.Waves.GrowthFactor = 1 }),
			[]string{"PipelineProps.Workloads: 60 accounts in 60 waves need 66 CodePipeline stages", "over the 50 a pipeline allows", "deployment mode stacksets"}},
		// 199 workloads and the two core accounts: one deploy role too many for the
		// artifact bucket's policy.
		{"more deploy targets than the bucket policy holds", with(workloads(199, 0), func(*pipeline.PipelineProps) {}),
			[]string{"PipelineProps.Workloads: 201 account and region pairs to deploy to, over the 200 one pipeline holds"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectRefused(t, tc.props, tc.want)
		})
	}
}

func strp(s string) *string { return &s }
