package pipeline_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3assets"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsssm"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

const connection = "arn:aws:codeconnections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"

// Accounts of the test landing zone; the deployment account is lztest.Account.
const (
	managementAccount = "111111111111"
	logArchiveAccount = "222222222222"
	alarm             = "landingzone-rollout-health"
)

// addParameterStack adds to stage a stack named name in account, in the test region,
// holding one SSM parameter: the smallest stack CDK Pipelines deploys.
func addParameterStack(stage awscdk.Stage, name, account string) awscdk.Stack {
	s := awscdk.NewStack(stage, jsii.String(name), &awscdk.StackProps{
		StackName: jsii.String(name),
		Env:       &awscdk.Environment{Account: jsii.String(account), Region: jsii.String(lztest.Region)},
	})
	awsssm.NewStringParameter(s, jsii.String("Marker"), &awsssm.StringParameterProps{StringValue: jsii.String(name)})
	return s
}

// landingZoneProps is a pipeline of two core stages, the management one reviewed,
// then accounts, each stage holding one parameter stack.
func landingZoneProps(accounts []pipeline.Account) pipeline.PipelineProps {
	return pipeline.PipelineProps{
		Name:          "landingzone",
		ConnectionArn: connection,
		Repository:    "example/landingzone",
		Core: []pipeline.CoreStage{
			{Name: "Management", ReviewChangeSets: true, Build: func(s awscdk.Stage) { addParameterStack(s, "Organization", managementAccount) }},
			{Name: "LogArchive", Build: func(s awscdk.Stage) { addParameterStack(s, "LogArchive", logArchiveAccount) }},
		},
		Workloads:      accounts,
		BuildWorkload:  func(s awscdk.Stage, a pipeline.Account) { addParameterStack(s, "Baseline-"+a.Name, a.ID) },
		AlarmNames:     []string{alarm},
		ApproverEmails: []string{"platform@example.com"},
	}
}

// action is one action of a synthesized pipeline stage.
type action struct {
	Name          string
	ActionTypeID  struct{ Category, Provider string } `json:"ActionTypeId"`
	RunOrder      int
	Configuration map[string]any
}

// stage is one synthesized pipeline stage.
type stage struct {
	Name    string
	Actions []action
}

// pipelineStages returns the stages of the template's only pipeline.
func pipelineStages(t *testing.T, tpl *lztest.Template) []stage {
	t.Helper()
	raw, _ := json.Marshal(tpl.Single("AWS::CodePipeline::Pipeline")["Stages"])
	var stages []stage
	if err := json.Unmarshal(raw, &stages); err != nil {
		t.Fatal(err)
	}
	return stages
}

// find returns the actions of s whose name ends with suffix.
func (s stage) find(suffix string) []action {
	var out []action
	for _, a := range s.Actions {
		if strings.HasSuffix(a.Name, suffix) {
			out = append(out, a)
		}
	}
	return out
}

// lastDeploy is the highest run order of the stage's CloudFormation actions.
func (s stage) lastDeploy() int {
	n := 0
	for _, a := range s.Actions {
		if a.ActionTypeID.Provider == "CloudFormation" {
			n = max(n, a.RunOrder)
		}
	}
	return n
}

// firstDeploy is the lowest run order of the stage's CloudFormation actions.
func (s stage) firstDeploy() int {
	n := 1 << 30
	for _, a := range s.Actions {
		if a.ActionTypeID.Provider == "CloudFormation" {
			n = min(n, a.RunOrder)
		}
	}
	return n
}

// logicalID returns the logical ID of a resource of type typ that starts with prefix.
func logicalID(t *testing.T, tpl *lztest.Template, typ, prefix string) string {
	t.Helper()
	for id := range tpl.Resources(typ) {
		if strings.HasPrefix(id, prefix) {
			return id
		}
	}
	t.Fatalf("no %s named %s...", typ, prefix)
	return ""
}

func TestPipeline(t *testing.T) {
	var p *pipeline.Pipeline
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if p, err = pipeline.NewPipeline(s, "Pipeline", landingZoneProps(workloads(3, 3))); err != nil {
			t.Fatal(err)
		}
	})
	stages := pipelineStages(t, tpl)
	var names []string
	for _, s := range stages {
		names = append(names, s.Name)
	}

	t.Run("stage order", func(t *testing.T) {
		// The core stages one after the other, then the one-box, the other
		// non-production wave, the production one-box and the last production wave.
		want := []string{"Source", "Build", "UpdatePipeline", "Management", "LogArchive", "dev-1", "NonProd1", "prod-1", "Prod2"}
		if !slices.Equal(names, want) {
			t.Errorf("stages %q, want %q", names, want)
		}
		var planned []string
		for _, s := range p.Stages {
			planned = append(planned, s.Name)
		}
		if !slices.Equal(planned, want[3:]) {
			t.Errorf("Pipeline.Stages %q, want the synthesized %q", planned, want[3:])
		}
		wave := stages[6]
		if got := wave.find(".Deploy"); len(got) != 2 || got[0].RunOrder != got[1].RunOrder {
			t.Errorf("NonProd1 deploys %+v, want both accounts in parallel", got)
		}
	})

	t.Run("bake and alarm check after every wave", func(t *testing.T) {
		machine := logicalID(t, tpl, "AWS::StepFunctions::StateMachine", "")
		project := logicalID(t, tpl, "AWS::CodeBuild::Project", "PipelineAlarmCheck")
		for _, s := range stages[5:] {
			bake, check := s.find("Bake"), s.find("AlarmCheck")
			if len(bake) != 1 || len(check) != 1 {
				t.Errorf("stage %s: bake %+v, alarm check %+v; want one of each", s.Name, bake, check)
				continue
			}
			if bake[0].ActionTypeID.Provider != "StepFunctions" || !lztest.JSONEqual(bake[0].Configuration["StateMachineArn"], `{"Ref": "`+machine+`"}`) {
				t.Errorf("stage %s: bake %+v, want the Step Functions action of the bake machine", s.Name, bake[0])
			}
			if check[0].ActionTypeID.Provider != "CodeBuild" || !lztest.JSONEqual(check[0].Configuration["ProjectName"], `{"Ref": "`+project+`"}`) {
				t.Errorf("stage %s: alarm check %+v, want a CodeBuild action of the alarm-check project", s.Name, check[0])
			}
			if deployed := s.lastDeploy(); !(deployed < bake[0].RunOrder && bake[0].RunOrder < check[0].RunOrder) {
				t.Errorf("stage %s: deploy %d, bake %d, alarm check %d; want them in that order", s.Name, deployed, bake[0].RunOrder, check[0].RunOrder)
			}
		}
		for _, s := range stages[3:5] {
			if len(s.find("Bake")) > 0 || len(s.find("AlarmCheck")) > 0 {
				t.Errorf("core stage %s has a bake or an alarm check", s.Name)
			}
		}
		definition := tpl.Single("AWS::StepFunctions::StateMachine")["DefinitionString"].(string)
		if !strings.Contains(definition, `"Type":"Wait","Comment":"Watch the wave for PT1H before its alarm check","Seconds":3600`) {
			t.Errorf("bake definition %s, want a one-hour Wait state", definition)
		}
		tpl.HasResourceProperties("AWS::StepFunctions::StateMachine", map[string]any{
			"StateMachineType": "STANDARD", "TracingConfiguration": map[string]any{"Enabled": true},
			"LoggingConfiguration": map[string]any{"Level": "ALL"},
		})
		tpl.ResourcePropertiesCountIs("AWS::CodeBuild::Project", map[string]any{"Source": map[string]any{
			"BuildSpec": assertions.Match_StringLikeRegexp(jsii.String(`aws cloudwatch describe-alarms --state-value ALARM --alarm-types MetricAlarm CompositeAlarm --alarm-names '` + alarm + `'`)),
		}}, 1)
		tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{
			"Roles": []any{map[string]any{"Ref": logicalID(t, tpl, "AWS::IAM::Role", "PipelineAlarmCheckRole")}},
			"PolicyDocument": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{
				map[string]any{"Sid": "ReadAlarmStates", "Effect": "Allow", "Action": "cloudwatch:DescribeAlarms", "Resource": "*"},
			})},
		})
	})

	t.Run("approval before production", func(t *testing.T) {
		for _, s := range stages[5:] {
			approvals := s.find("Approve")
			if s.Name != "prod-1" {
				if len(approvals) > 0 {
					t.Errorf("stage %s has an approval %+v", s.Name, approvals)
				}
				continue
			}
			if len(approvals) != 1 || approvals[0].ActionTypeID.Category != "Approval" || approvals[0].RunOrder >= s.firstDeploy() {
				t.Errorf("stage prod-1: approvals %+v, first deployment at %d; want one approval before it", approvals, s.firstDeploy())
			}
			if !lztest.JSONEqual(approvals[0].Configuration["NotificationArn"], `{"Ref": "`+logicalID(t, tpl, "AWS::SNS::Topic", "")+`"}`) {
				t.Errorf("approval %+v does not notify the pipeline's topic", approvals[0])
			}
		}
	})

	t.Run("change-set review of the management stage", func(t *testing.T) {
		order := map[string]int{}
		for _, a := range stages[3].Actions {
			order[a.Name] = a.RunOrder
		}
		if !(order["Prepare"] < order["Organization-Summary"] && order["Organization-Summary"] < order["Organization-Approve"] && order["Organization-Approve"] < order["Deploy"]) {
			t.Errorf("Management actions %v, want Prepare, Summary, Approve, Deploy in that order", order)
		}
		if len(stages[4].Actions) != 2 {
			t.Errorf("LogArchive actions %+v, want only Prepare and Deploy", stages[4].Actions)
		}
		tpl.HasResourceProperties("AWS::CodeBuild::Project", map[string]any{
			"Environment": map[string]any{"EnvironmentVariables": assertions.Match_ArrayWith(&[]any{
				map[string]any{"Name": "TARGET_ROLE_ARN", "Type": "PLAINTEXT", "Value": "arn:aws:iam::" + managementAccount + ":role/cdk-lzadmin-lookup-role-" + managementAccount + "-eu-west-1"},
			})},
			"Source": map[string]any{"BuildSpec": assertions.Match_StringLikeRegexp(jsii.String(`aws cloudformation describe-change-set [\s\S]*aws sns publish`))},
		})
		tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{"PolicyDocument": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{
			map[string]any{"Sid": "ReadChangeSetInTargetAccount", "Effect": "Allow", "Action": "sts:AssumeRole",
				"Resource": "arn:aws:iam::" + managementAccount + ":role/cdk-lzadmin-lookup-role-" + managementAccount + "-eu-west-1"},
		})}})
	})

	t.Run("source, synth and encrypted artifacts", func(t *testing.T) {
		source := stages[0].Actions[0]
		if source.Configuration["ConnectionArn"] != connection || source.Configuration["FullRepositoryId"] != "example/landingzone" || source.Configuration["BranchName"] != "main" {
			t.Errorf("source %+v", source.Configuration)
		}
		tpl.HasResourceProperties("AWS::CodeBuild::Project", map[string]any{"Source": map[string]any{
			"BuildSpec": assertions.Match_StringLikeRegexp(jsii.String(`"make test",\s*"make synth"`)),
		}})
		tpl.HasResourceProperties("AWS::CodePipeline::Pipeline", map[string]any{"PipelineType": "V2", "Name": "landingzone"})
		tpl.AllResourcesProperties("AWS::KMS::Key", map[string]any{"EnableKeyRotation": true})
		artifacts := tpl.Resources("AWS::S3::Bucket")
		for id, b := range artifacts {
			props := b["Properties"].(map[string]any)
			if strings.Contains(id, "ArtifactsBucket") && (props["LoggingConfiguration"] == nil || !strings.Contains(fmt.Sprint(props["BucketEncryption"]), "aws:kms")) {
				t.Errorf("artifact bucket %s: %v; want KMS encryption and access logs", id, props)
			}
		}
		tpl.HasResourceProperties("AWS::SNS::Topic", map[string]any{"KmsMasterKeyId": assertions.Match_AnyValue()})
		tpl.HasResourceProperties("AWS::SNS::Subscription", map[string]any{"Protocol": "email", "Endpoint": "platform@example.com"})
	})
	t.Run("connection", func(t *testing.T) {
		// A connection of the renamed service needs the action of its own prefix; the
		// CDK grants only the old one.
		tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{"PolicyDocument": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{
			map[string]any{"Action": []any{"codeconnections:UseConnection", "codestar-connections:UseConnection"}, "Effect": "Allow", "Resource": connection},
		})}})
	})
	lztest.Golden(t, tpl)
}

// A zero bake leaves out the wait, never the alarm check; without approvals or
// reviews there is no notification topic either.
func TestPipelineWithoutBake(t *testing.T) {
	props := landingZoneProps(workloads(1, 0))
	props.Core, props.ApproverEmails, props.Waves.BakeTime = nil, nil, "PT0S"
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		if _, err := pipeline.NewPipeline(s, "Pipeline", props); err != nil {
			t.Fatal(err)
		}
	})
	stages := pipelineStages(t, tpl)
	last := stages[len(stages)-1]
	if last.Name != "dev-1" || len(last.find("Bake")) != 0 || len(last.find("AlarmCheck")) != 1 {
		t.Errorf("last stage %+v, want dev-1 with an alarm check and no bake", last)
	}
	tpl.ResourceCountIs("AWS::StepFunctions::StateMachine", 0)
	tpl.ResourceCountIs("AWS::SNS::Topic", 0)
}

// Stacks in another region make CodePipeline add a support stack there, with a
// replication bucket and key, which must pass the gates too.
func TestPipelineAcrossRegions(t *testing.T) {
	props := landingZoneProps(workloads(1, 0))
	props.Core[1].Build = func(s awscdk.Stage) {
		st := awscdk.NewStack(s, jsii.String("LogArchive"), &awscdk.StackProps{
			StackName: jsii.String("LogArchive-us-east-1"),
			Env:       &awscdk.Environment{Account: jsii.String(logArchiveAccount), Region: jsii.String("us-east-1")},
		})
		awsssm.NewStringParameter(st, jsii.String("Marker"), &awsssm.StringParameterProps{StringValue: jsii.String("us-east-1")})
	}
	asm := lztest.Synth(t, func(app awscdk.App) {
		s := awscdk.NewStack(app, jsii.String("Deployment"), &awscdk.StackProps{Env: lztest.Env()})
		if _, err := pipeline.NewPipeline(s, "Pipeline", props); err != nil {
			t.Fatal(err)
		}
	})
	support := asm.Stack(t, "cross-region-stack-"+lztest.Account+"_us-east-1")
	support.HasResourceProperties("AWS::KMS::Key", map[string]any{"EnableKeyRotation": true})
	support.ResourceCountIs("AWS::S3::Bucket", 1)
}

// A stack with assets, such as a custom resource's handler, adds the Assets stage,
// which publishes them with a pinned cdk-assets before any deployment.
func TestPipelineWithAssets(t *testing.T) {
	props := landingZoneProps(workloads(1, 0))
	props.Core[1].Build = func(s awscdk.Stage) {
		st := addParameterStack(s, "LogArchive", logArchiveAccount)
		awss3assets.NewAsset(st, jsii.String("Handler"), &awss3assets.AssetProps{Path: jsii.String("doc.go")})
	}
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		if _, err := pipeline.NewPipeline(s, "Pipeline", props); err != nil {
			t.Fatal(err)
		}
	})
	if stages := pipelineStages(t, tpl); stages[3].Name != "Assets" || stages[4].Name != "Management" {
		t.Errorf("stages %+v, want Assets after UpdatePipeline", stages[:5])
	}
	tpl.HasResourceProperties("AWS::CodeBuild::Project", map[string]any{"Source": map[string]any{
		"BuildSpec": assertions.Match_StringLikeRegexp(jsii.String(`npm install -g cdk-assets@` + pipeline.DefaultAssetsCliVersion)),
	}})
}
