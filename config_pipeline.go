package landingzone

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
	"github.com/go-landingzone/landingzone/internal/check"
)

// Pipeline delivers the landing zone through a self-mutating CDK pipeline in a
// deployment account: the core stages one after the other, then the workload
// accounts in waves of growing size, each baked and checked against alarms. See
// package constructs/pipeline for the rollout model.
type Pipeline struct {
	// Account is the deployment account that runs the pipeline: a member of the
	// organization with no other role here. Every account the pipeline deploys to
	// trusts it through `cdk bootstrap --trust`. Required.
	Account string `json:"account"`
	// Region is where the pipeline runs, a governed region. Empty means the home
	// region.
	Region string `json:"region,omitempty"`
	// ConnectionArn is the AWS CodeConnections connection to the repository host,
	// created and authorized in the deployment account. Required.
	ConnectionArn string `json:"connectionArn"`
	// Repository is the repository as "owner/name". Required.
	Repository string `json:"repository"`
	// Branch is the branch whose pushes start the pipeline. Empty means main.
	Branch string `json:"branch,omitempty"`
	// SynthCommands test the project and leave the cloud assembly in cdk.out. Empty
	// means "make test" and "make synth".
	SynthCommands []string `json:"synthCommands,omitempty"`
	// ReviewManagementChanges makes the pipeline post a summary of each change set of
	// the management account's stages (Organization and Management) and wait for a
	// person's approval before executing it. False executes them unreviewed.
	ReviewManagementChanges bool `json:"reviewManagementChanges,omitempty"`
	// Waves shapes the workload waves. Its zero value is one non-production account,
	// then waves doubling in size, an hour's bake after each, and an approval before
	// the first production wave.
	Waves Waves `json:"waves,omitempty"`
	// AlarmNames are CloudWatch alarms of the deployment account and region whose
	// ALARM state after a wave's bake stops the rollout, such as a composite alarm
	// over the workloads' health. Required with workloads.
	AlarmNames []string `json:"alarmNames,omitempty"`
	// ApproverEmails receive the approval requests and change-set summaries. Empty
	// means none: approvers watch the pipeline's console.
	ApproverEmails []string `json:"approverEmails,omitempty"`
}

// Waves shapes the workload waves; see pipeline.WaveOptions.
type Waves struct {
	// OneBox names the non-production workload deployed alone first. Empty means the
	// first non-production workload.
	OneBox string `json:"oneBox,omitempty"`
	// GrowthFactor multiplies each wave's size for the next, at least 1. Zero means 2.
	GrowthFactor float64 `json:"growthFactor,omitempty"`
	// BakeTime is how long each wave is watched before the alarm check, an ISO 8601
	// duration from PT0S to P6DT23H. Empty means PT1H.
	BakeTime string `json:"bakeTime,omitempty"`
	// Approval is when a person approves production waves: "first-production",
	// "every-production" or "none". Empty means first-production.
	Approval string `json:"approval,omitempty" jsonschema:"enum=first-production,enum=every-production,enum=none"`
}

// production reports whether w is a production account, deployed after the
// non-production waves.
func (w Workload) production() bool { return w.Environment == "prod" }

// pipelineRegion is the region of the pipeline stack.
func (c Config) pipelineRegion() string {
	if r := c.Deployment.Pipeline.Region; r != "" {
		return r
	}
	return c.Organization.HomeRegion
}

// pipelineProps are the pipeline's props without its stages, over the workloads whose
// accounts exist.
func (c Config) pipelineProps() pipeline.PipelineProps {
	p := c.Deployment.Pipeline
	props := pipeline.PipelineProps{
		Name:          c.prefix() + "-pipeline",
		ConnectionArn: p.ConnectionArn,
		Repository:    p.Repository,
		Branch:        p.Branch,
		SynthCommands: p.SynthCommands,
		Waves: pipeline.WaveOptions{
			OneBox: p.Waves.OneBox, GrowthFactor: p.Waves.GrowthFactor, BakeTime: p.Waves.BakeTime,
			Approval: pipeline.ApprovalMode(p.Waves.Approval),
		},
		AlarmNames:         p.AlarmNames,
		ApproverEmails:     p.ApproverEmails,
		BootstrapQualifier: c.qualifier(),
	}
	for _, w := range c.Workloads {
		if w.ID != "" {
			props.Workloads = append(props.Workloads, pipeline.Account{Name: w.name(), ID: w.ID, Production: w.production()})
		}
	}
	return props
}

// RolloutPlan returns the waves in which the pipeline of deployment.pipeline rolls
// the workloads out, or an error naming the configuration's mistakes. It needs no
// CDK: `make plan` prints it.
func (c Config) RolloutPlan() (pipeline.Plan, error) {
	if err := c.Validate(); err != nil {
		return pipeline.Plan{}, err
	}
	if c.Deployment.Pipeline == nil {
		return pipeline.Plan{}, fmt.Errorf("landingzone: deployment.pipeline: not configured, so nothing rolls out in waves: %w", ErrInvalidConfig)
	}
	props := c.pipelineProps()
	return pipeline.PlanWaves(props.Workloads, props.Waves)
}

func (c Config) validatePipeline(l *check.List) {
	p := c.Deployment.Pipeline
	if p == nil {
		return
	}
	required(l, "deployment.pipeline.account", p.Account, check.AccountID)
	if other, taken := c.accountRoles()[p.Account]; taken {
		l.Addf("deployment.pipeline.account", p.Account, "already the account of %s; the pipeline needs a deployment account of its own", other)
	}
	if p.Region != "" {
		c.governedRegion(l, "deployment.pipeline.region", p.Region)
	}
	props := c.pipelineProps()
	// Validate wants the stages' builders, which only New has.
	for _, name := range coreStageNames {
		props.Core = append(props.Core, pipeline.CoreStage{Name: name, Build: func(awscdk.Stage) {}})
	}
	props.BuildWorkload = func(awscdk.Stage, pipeline.Account) {}
	c.mergePipelineProblems(l, props.Validate())
}

// pipelineWorkloads matches a problem of PipelineProps.Workloads, or of one of them.
var pipelineWorkloads = regexp.MustCompile(`^PipelineProps\.Workloads(?:\[(\d+)\])?(.*)$`)

// mergePipelineProblems records the problems of the pipeline's props under their
// names in the configuration: a workload's under workloads[i], the rest under
// deployment.pipeline.
func (c Config) mergePipelineProblems(l *check.List, err error) {
	// The pipeline's workloads are those with an account ID, in order.
	var index []int
	for i, w := range c.Workloads {
		if w.ID != "" {
			index = append(index, i)
		}
	}
	l.MergeFunc("deployment.pipeline", err, func(field string) (string, bool) {
		if m := pipelineWorkloads.FindStringSubmatch(field); m != nil {
			if m[1] == "" {
				return "workloads" + check.JSONName(m[2]), true
			}
			if i, _ := strconv.Atoi(m[1]); i < len(index) {
				return fmt.Sprintf("workloads[%d]", index[i]) + check.JSONName(m[2]), true
			}
		}
		field = strings.TrimPrefix(field, "PipelineProps.")
		return "deployment.pipeline." + check.JSONName(field), true
	})
}

// accountRoles maps each account ID of the configuration to the field that names it.
func (c Config) accountRoles() map[string]string {
	roles := c.coreAccountRoles()
	for i, w := range c.Workloads {
		if _, taken := roles[w.ID]; w.ID != "" && !taken {
			roles[w.ID] = fmt.Sprintf("workloads[%d]", i)
		}
	}
	delete(roles, "")
	return roles
}
