package pipeline

import (
	"regexp"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Defaults of PipelineProps.
const (
	DefaultBranch = "main"
	// DefaultCliVersion is the CDK CLI that self-mutation and asset publishing
	// install: the one package.json pins for `make synth`.
	DefaultCliVersion = "2.1148.1"
	// DefaultAssetsCliVersion is the cdk-assets release that publishes the stacks'
	// assets (Lambda code of custom resources) to the target accounts.
	DefaultAssetsCliVersion = "4.7.3"
	// DefaultBootstrapQualifier is the CDK's own: `cdk bootstrap` names the roles of a
	// target account with it when neither --qualifier nor the context names another.
	DefaultBootstrapQualifier = "hnb659fds"
)

// DefaultSynthCommands returns the project's own checks and synthesis, in a new slice at
// each call: every package's tests, then the cloud assembly in cdk.out.
func DefaultSynthCommands() []string { return []string{"make test", "make synth"} }

// MaxAlarmNames is how many alarms one DescribeAlarms call takes by name.
const MaxAlarmNames = 100

// PipelineProps configures NewPipeline. Its zero value is not usable: the source
// connection, repository and the stages' contents are the caller's.
type PipelineProps struct {
	// Name is the CodePipeline's name: letters, digits and ._- up to 100 characters.
	// Empty lets CloudFormation choose one.
	Name string
	// ConnectionArn is the AWS CodeConnections connection to the repository host,
	// such as "arn:aws:codeconnections:eu-west-1:111111111111:connection/<uuid>" (or
	// the older codestar-connections service), authorized once in the console of the
	// deployment account. Required.
	ConnectionArn string
	// Repository is the repository as "owner/name". Required.
	Repository string
	// Branch is the branch whose pushes start the pipeline. Empty means
	// DefaultBranch.
	Branch string
	// SynthCommands build and test the app and leave the cloud assembly in cdk.out.
	// Empty means DefaultSynthCommands.
	SynthCommands []string
	// CliVersion is the CDK CLI version the pipeline installs to update itself and
	// publish assets, pinned rather than the latest of the day. Empty means
	// DefaultCliVersion.
	CliVersion string
	// AssetsCliVersion is the cdk-assets version that publishes assets, pinned too.
	// Empty means DefaultAssetsCliVersion.
	AssetsCliVersion string

	// Core are the landing zone's core stages, such as management, log archive, audit
	// and network, deployed one after the other in this order before any workload.
	// Empty means none.
	Core []CoreStage
	// Workloads are the workload accounts, rolled out in the waves PlanWaves makes of
	// them with Waves. Empty means none.
	Workloads []Account
	// Waves shapes the waves. Its zero value is WaveOptions' defaults.
	Waves WaveOptions
	// BuildWorkload adds the stacks of one workload account to its stage, each stack
	// with its own account and region. Required with Workloads.
	BuildWorkload func(stage awscdk.Stage, account Account)
	// AlarmNames are the CloudWatch alarms, metric or composite, of the deployment
	// account and region whose ALARM state after a wave's bake stops the rollout. A
	// composite alarm in a CloudWatch cross-account observability monitoring account
	// can watch every workload account. Required with Workloads; at most
	// MaxAlarmNames.
	AlarmNames []string

	// ApproverEmails subscribe to the topic that receives the approval requests and
	// the change-set summaries of the stages with ReviewChangeSets. Each must confirm
	// the subscription. Empty means none: approvers then watch the pipeline's console.
	ApproverEmails []string
	// BootstrapQualifier is the qualifier the target accounts were bootstrapped with;
	// the change-set review reads change sets through their bootstrap lookup role. It
	// must be the qualifier the stages' stacks are synthesized with. Empty means the
	// app's context @aws-cdk/core:bootstrapQualifier (cdk.json), which the stacks'
	// synthesizers use too, or DefaultBootstrapQualifier without it.
	BootstrapQualifier string
}

// CoreStage is one core stage of the landing zone.
type CoreStage struct {
	// Name names the stage in the pipeline and in the app: letters, digits and
	// hyphens, starting with a letter or digit, at most 40 characters, and not a
	// wave's name ("OneBox", "NonProd2", "Prod1"). Unique among the core stages, the
	// workload accounts and the app's other children.
	Name string
	// Build adds the stage's stacks, each with its own account and region. Required.
	Build func(stage awscdk.Stage)
	// ReviewChangeSets makes the pipeline post a summary of each stack's change set to
	// the review topic and wait for a person's approval before executing it, for
	// teams that review every change to the management account. False executes each
	// change set as soon as it is created.
	ReviewChangeSets bool
}

// Shapes from the CodeConnections, CodePipeline and CloudFormation references.
var (
	connectionArn = regexp.MustCompile(`^arn:aws(-cn|-us-gov)?:(codeconnections|codestar-connections):[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:connection/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	repository    = regexp.MustCompile(`^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+$`)
	pipelineName  = regexp.MustCompile(`^[A-Za-z0-9.@_-]{1,100}$`)
	qualifier     = regexp.MustCompile(`^[a-z0-9]{1,10}$`)
	cliVersion    = regexp.MustCompile(`^2\.\d+\.\d+$`)
	semver        = regexp.MustCompile(`^\d+\.\d+\.\d+$`)
	// A CloudWatch alarm name is 1-255 characters without control characters.
	alarmName = regexp.MustCompile(`^[^\x00-\x1f\x7f]{1,255}$`)
)

// resolved are PipelineProps with defaults filled in and the wave plan made.
type resolved struct {
	PipelineProps
	plan Plan
}

// Validate reports every problem in p that needs no construct, with fields named as
// in PipelineProps ("PipelineProps.Waves.GrowthFactor"). Configuration loaders use it
// to report mistakes before building anything. NewPipeline also checks the stacks
// the stages hold and the CodePipeline quotas.
func (p PipelineProps) Validate() error {
	_, err := p.validate()
	return err
}

func (p PipelineProps) validate() (resolved, error) {
	var l check.List
	r := resolved{PipelineProps: p}
	if r.Branch == "" {
		r.Branch = DefaultBranch
	}
	if len(r.SynthCommands) == 0 {
		r.SynthCommands = DefaultSynthCommands()
	}
	if r.CliVersion == "" {
		r.CliVersion = DefaultCliVersion
	}
	if !cliVersion.MatchString(r.CliVersion) {
		l.Addf("PipelineProps.CliVersion", p.CliVersion, "not a CDK CLI version such as %q", DefaultCliVersion)
	}
	if r.AssetsCliVersion == "" {
		r.AssetsCliVersion = DefaultAssetsCliVersion
	}
	if !semver.MatchString(r.AssetsCliVersion) {
		l.Addf("PipelineProps.AssetsCliVersion", p.AssetsCliVersion, "not a cdk-assets version such as %q", DefaultAssetsCliVersion)
	}
	if r.BootstrapQualifier == "" {
		r.BootstrapQualifier = DefaultBootstrapQualifier
	}
	if p.Name != "" && !pipelineName.MatchString(p.Name) {
		l.Addf("PipelineProps.Name", p.Name, "not a pipeline name: 1-100 letters, digits and ._-@")
	}
	switch {
	case p.ConnectionArn == "":
		l.Addf("PipelineProps.ConnectionArn", nil, "required: create a connection to the repository host in the deployment account and authorize it in the console")
	case !connectionArn.MatchString(p.ConnectionArn):
		l.Addf("PipelineProps.ConnectionArn", p.ConnectionArn, "not a connection ARN such as \"arn:aws:codeconnections:eu-west-1:111111111111:connection/<uuid>\"")
	}
	if !repository.MatchString(p.Repository) {
		l.Addf("PipelineProps.Repository", p.Repository, "want the repository as \"owner/name\"")
	}
	for i, c := range p.SynthCommands {
		if c == "" {
			l.Addf(check.Index("PipelineProps.SynthCommands", i), c, "empty command")
		}
	}
	if !qualifier.MatchString(r.BootstrapQualifier) {
		l.Addf("PipelineProps.BootstrapQualifier", p.BootstrapQualifier, "not a bootstrap qualifier: 1-10 lower-case letters and digits")
	}
	validateCore(&l, p.Core, p.Workloads)
	r.plan = planWaves(&l, "PipelineProps.Workloads", "PipelineProps.Waves.", p.Workloads, p.Waves)
	validateWorkloads(&l, p)
	for i, e := range p.ApproverEmails {
		check.Email(&l, check.Index("PipelineProps.ApproverEmails", i), e)
	}
	check.Duplicates(&l, "PipelineProps.ApproverEmails[%d]", p.ApproverEmails)
	return r, l.Err("pipeline")
}

func validateCore(l *check.List, core []CoreStage, workloads []Account) {
	names := make([]string, len(core))
	for i, c := range core {
		field := check.Index("PipelineProps.Core", i)
		stageName(l, field+".Name", c.Name)
		if c.Build == nil {
			l.Addf(field+".Build", nil, "required: the function that adds the stage's stacks")
		}
		names[i] = c.Name
		for j, w := range workloads {
			if w.Name == c.Name {
				l.Addf(field+".Name", c.Name, "already the name of `Workloads[%d]`; stages need distinct names", j)
			}
		}
	}
	check.Duplicates(l, "PipelineProps.Core[%d].Name", names)
}

func validateWorkloads(l *check.List, p PipelineProps) {
	if len(p.Workloads) > 0 && p.BuildWorkload == nil {
		l.Addf("PipelineProps.BuildWorkload", nil, "required with `Workloads`: the function that adds a workload account's stacks")
	}
	switch n := len(p.AlarmNames); {
	case n == 0 && len(p.Workloads) > 0:
		l.Addf("PipelineProps.AlarmNames", nil, "required with `Workloads`: name the CloudWatch alarms whose ALARM state stops the rollout")
	case n > MaxAlarmNames:
		l.Addf("PipelineProps.AlarmNames", nil, "%d alarms; at most %d, or combine them in a composite alarm", n, MaxAlarmNames)
	}
	names(l, "PipelineProps.AlarmNames", p.AlarmNames, alarmName, "not a CloudWatch alarm name: 1-255 characters without control characters")
}

// names records a problem for every value that pattern does not match, with msg, and
// for every value given twice.
func names(l *check.List, field string, values []string, pattern *regexp.Regexp, msg string) {
	for i, v := range values {
		if !pattern.MatchString(v) {
			l.Addf(check.Index(field, i), v, "%s", msg)
		}
	}
	check.Duplicates(l, field+"[%d]", values)
}
