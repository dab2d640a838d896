package pipeline

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodebuild"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscodepipeline"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssnssubscriptions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/aws-cdk-go/awscdk/v2/pipelines"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// Construct IDs are part of the public API: changing one replaces the resource.
const (
	idResource      = "Resource"
	idKey           = "Key"
	idNotifications = "Notifications"
	idAccessLogs    = "AccessLogs"
	idBuildLogs     = "BuildLogs"
	// Step IDs, which name the pipeline's actions.
	idSynth      = "Synth"
	idBakeStep   = "Bake"
	idAlarmCheck = "AlarmCheck"
	idApproval   = "Approve"
)

// bootstrapQualifierContext is the context key from which the CDK CLI and the stack
// synthesizers read the bootstrap qualifier.
const bootstrapQualifierContext = "@aws-cdk/core:bootstrapQualifier"

// snsSignatureVersion makes SNS sign its messages with SHA256 instead of SHA1.
const snsSignatureVersion = "2"

// Pipeline is the landing zone's self-mutating CDK pipeline: the core stages one
// after the other, then the workload accounts in waves, each wave baked and checked
// against alarms before the next.
type Pipeline struct {
	constructs.Construct
	// CodePipeline is the CDK Pipelines construct.
	CodePipeline pipelines.CodePipeline
	// Pipeline is the underlying CodePipeline.
	Pipeline awscodepipeline.Pipeline
	// Plan is the wave plan of the workload accounts.
	Plan Plan
	// Stages are the CodePipeline stages that deploy the landing zone, in order: the
	// core stages, then the waves' (a wave too large for one stage takes several).
	Stages []Stage
	// CDKStages holds the CDK stage of each core stage and workload account, by name.
	CDKStages map[string]awscdk.Stage
	// Key encrypts the bake's logs and the notification topic.
	Key awskms.IKey
	// Notifications receives the approval requests and change-set summaries; nil when
	// the pipeline has neither.
	Notifications awssns.Topic
	// BakeMachine waits out each wave's bake; nil without workloads or with a zero
	// bake.
	BakeMachine awsstepfunctions.StateMachine
	// AlarmCheck is the CodeBuild project every wave's alarm check runs; nil without
	// workloads.
	AlarmCheck awscodebuild.PipelineProject
	// AccessLogs receives the server access logs of the artifact bucket.
	AccessLogs awss3.Bucket
	// BuildLogs receives the logs of every CodeBuild project of the pipeline.
	BuildLogs awslogs.LogGroup
}

// buildLogRetentionDays keeps the CodeBuild logs a year, like the bake's.
const buildLogRetentionDays = 365

// NewPipeline validates props, then builds the pipeline: it calls the stages'
// Build functions and BuildWorkload once per account, and checks the result against
// the CodePipeline quotas. On error nothing is added to scope.
func NewPipeline(scope constructs.Construct, id string, props PipelineProps) (*Pipeline, error) {
	if err := scopecheck.Check("pipeline", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	if props.BootstrapQualifier == "" {
		// The stacks' synthesizers read the same key.
		props.BootstrapQualifier, _ = scope.Node().TryGetContext(jsii.String(bootstrapQualifierContext)).(string)
	}
	r, err := props.validate()
	if err != nil {
		return nil, err
	}
	x := &Pipeline{Plan: r.plan, CDKStages: map[string]awscdk.Stage{}}
	// Registering x itself as the construct lets callers pass *Pipeline wherever the
	// CDK wants a construct.
	constructs.NewConstruct_Override(x, scope, jsii.String(id))
	if err := x.build(r); err != nil {
		scope.Node().TryRemoveChild(jsii.String(id))
		for name := range x.CDKStages {
			awscdk.Stage_Of(scope).Node().TryRemoveChild(jsii.String(name))
		}
		return nil, err
	}
	return x, nil
}

// ArtifactBucket returns the KMS-encrypted bucket of the pipeline's artifacts, which
// the target accounts' deploy roles read.
//
// Like every construct type of this module, Pipeline has at least one method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (x *Pipeline) ArtifactBucket() awss3.IBucket {
	return x.Pipeline.ArtifactBucket()
}

// build adds the stages and the pipeline, or returns the problems that only the
// stages' stacks reveal.
func (x *Pipeline) build(r resolved) error {
	var l check.List
	coreStacks := x.addCoreStages(&l, r)
	stacks := x.addWorkloadStages(&l, r)
	if l.Len() > 0 {
		return l.Err("pipeline")
	}
	waves, err := layoutWaves(r.plan, stacks, r.plan.BakeTime > 0)
	if err == nil {
		err = checkStageCount(len(r.Core), waves, r.plan)
	}
	if err == nil {
		err = checkTargets(x.deployTargets())
	}
	if err != nil {
		l.Addf("PipelineProps.Workloads", nil, "%s", err.Error())
		return l.Err("pipeline")
	}
	x.Stages = append(x.Stages, waves...)

	c := x.Construct
	key := secure.NewKey(c, idKey, "Encrypts the landing zone pipeline's bake logs and notifications")
	secure.AllowLogsService(key)
	x.Key = key
	// One encrypted log group for every project: CodeBuild's default groups are
	// unencrypted and kept forever, and Control Tower's CT.CODEBUILD.PR.3 requires a
	// project to configure its logging.
	x.BuildLogs = secure.NewLogGroup(c, idBuildLogs, secure.LogGroupProps{RetentionDays: buildLogRetentionDays, Key: key}).LogGroup
	if needsNotifications(r, waves) {
		x.addNotifications(key, r.ApproverEmails)
	}
	if len(waves) > 0 {
		x.AlarmCheck = newAlarmCheckProject(c, r.AlarmNames, key, x.BuildLogs)
		if r.plan.BakeTime > 0 {
			x.BakeMachine = newBakeMachine(c, r.plan.BakeTime, key)
		}
	}
	x.CodePipeline = newCodePipeline(c, r, x.BuildLogs)
	for i, cs := range r.Core {
		var steps []*pipelines.StackSteps
		if cs.ReviewChangeSets {
			for _, s := range coreStacks[i] {
				review := reviewSteps(s, x.Notifications, key, r.BootstrapQualifier)
				steps = append(steps, &pipelines.StackSteps{Stack: s, ChangeSet: &review})
			}
		}
		x.CodePipeline.AddStage(x.CDKStages[cs.Name], &pipelines.AddStageOpts{StackSteps: &steps})
	}
	for _, st := range waves {
		wave := x.CodePipeline.AddWave(jsii.String(st.Name), x.waveSteps(st))
		for _, a := range st.Accounts {
			wave.AddStage(x.CDKStages[a.Name], nil)
		}
	}
	x.CodePipeline.BuildPipeline()
	x.Pipeline = x.CodePipeline.Pipeline()
	allowConnection(x.Pipeline.Role(), r.ConnectionArn)
	x.AccessLogs = logArtifactAccess(c, x.Pipeline.ArtifactBucket())
	hardenArtifacts(x.Pipeline.ArtifactBucket())
	suppressPipelineFindings(x)
	return nil
}

// addCoreStages adds a stage for each core stage, fills it and returns the stacks of
// each, recording the stages the pipeline could not deploy.
func (x *Pipeline) addCoreStages(l *check.List, r resolved) [][]awscdk.Stack {
	out := make([][]awscdk.Stack, len(r.Core))
	for i, cs := range r.Core {
		field := check.Index("PipelineProps.Core", i)
		stage := x.newStage(l, field+".Name", cs.Name)
		if stage == nil {
			continue
		}
		cs.Build(stage)
		stacks := stacksOf(stage)
		out[i] = stacks
		st := Stage{Name: cs.Name, Actions: actionsPerStack * len(stacks)}
		if cs.ReviewChangeSets {
			st.Actions += actionsPerReview * len(stacks)
			for _, s := range stacks {
				if *awscdk.Token_IsUnresolved(s.Account()) || *awscdk.Token_IsUnresolved(s.Region()) {
					l.Addf(field+".ReviewChangeSets", true, "stack %s has no account and region of its own, and the review reads its change set in its account", *s.StackName())
				}
			}
		}
		switch {
		case len(stacks) == 0:
			l.Addf(field+".Build", nil, "added no stack to stage %s", cs.Name)
		case st.Actions > MaxActionsPerStage:
			l.Addf(field+".Build", nil, "stage %s has %d stacks, %d actions: over the %d actions of a CodePipeline stage; split it into several core stages",
				cs.Name, len(stacks), st.Actions, MaxActionsPerStage)
		}
		x.Stages = append(x.Stages, st)
	}
	return out
}

// addWorkloadStages adds a stage for each workload account, fills it and returns the
// number of stacks of each account by name.
func (x *Pipeline) addWorkloadStages(l *check.List, r resolved) map[string]int {
	stacks := map[string]int{}
	for i, a := range r.Workloads {
		stage := x.newStage(l, check.Index("PipelineProps.Workloads", i)+".Name", a.Name)
		if stage == nil {
			continue
		}
		r.BuildWorkload(stage, a)
		if stacks[a.Name] = len(stacksOf(stage)); stacks[a.Name] == 0 {
			l.Addf(check.Index("PipelineProps.Workloads", i), a.Name, "`BuildWorkload` added no stack for this account")
		}
	}
	return stacks
}

// newStage adds the stage named name beside the pipeline's stack, in the app (or the
// stage that holds the stack), so that `cdk deploy 'name/*'` can also deploy it by
// hand. The aspects of that app, such as a cdk-nag pack, are added to the stage too:
// the CDK applies no aspect across a stage's boundary, and CDK Pipelines synthesizes
// the stage as soon as it is added. It records a problem at field and returns nil when
// the app holds a construct of that name already.
func (x *Pipeline) newStage(l *check.List, field, name string) awscdk.Stage {
	parent := awscdk.Stage_Of(x)
	if parent.Node().TryFindChild(jsii.String(name)) != nil {
		l.Addf(field, name, "the app already holds a construct of that name, beside which the stage would go")
		return nil
	}
	stage := awscdk.NewStage(parent, jsii.String(name), nil)
	for _, a := range *awscdk.Aspects_Of(parent).All() {
		awscdk.Aspects_Of(stage).Add(a, nil)
	}
	x.CDKStages[name] = stage
	return stage
}

// addNotifications adds the encrypted topic of approval requests and change-set
// summaries, with its e-mail subscribers.
func (x *Pipeline) addNotifications(key awskms.IKey, emails []string) {
	x.Notifications = awssns.NewTopic(x.Construct, jsii.String(idNotifications), &awssns.TopicProps{
		DisplayName:      jsii.String("Landing zone pipeline"),
		MasterKey:        key,
		EnforceSSL:       jsii.Bool(true),
		SignatureVersion: jsii.String(snsSignatureVersion),
	})
	for _, e := range emails {
		x.Notifications.AddSubscription(awssnssubscriptions.NewEmailSubscription(jsii.String(e), nil))
	}
}

// waveSteps returns the steps around a wave stage: the approval before, the bake and
// the alarm check after, as the layout placed them.
func (x *Pipeline) waveSteps(st Stage) *pipelines.WaveOptions {
	var pre, post []pipelines.Step
	if st.Approval {
		pre = append(pre, pipelines.NewManualApprovalStep(jsii.String(idApproval), &pipelines.ManualApprovalStepProps{
			Comment:           jsii.String("Approve to start the production rollout with wave " + st.Wave),
			NotificationTopic: x.Notifications,
		}))
	}
	var bake pipelines.Step
	if st.Bake {
		bake = newBakeStep(idBakeStep, x.BakeMachine)
		post = append(post, bake)
	}
	if st.AlarmCheck {
		alarms := newAlarmCheckStep(idAlarmCheck, x.AlarmCheck)
		if bake != nil {
			alarms.AddStepDependency(bake)
		}
		post = append(post, alarms)
	}
	return &pipelines.WaveOptions{Pre: &pre, Post: &post}
}

// needsNotifications reports whether any step notifies people.
func needsNotifications(r resolved, waves []Stage) bool {
	for _, c := range r.Core {
		if c.ReviewChangeSets {
			return true
		}
	}
	for _, w := range waves {
		if w.Approval {
			return true
		}
	}
	return false
}

// deployTargets counts the account and region pairs the stages deploy to; a stack
// without an account or region of its own counts alone.
func (x *Pipeline) deployTargets() int {
	targets := map[string]bool{}
	for _, stage := range x.CDKStages {
		for _, s := range stacksOf(stage) {
			account, region := concrete(s.Account()), concrete(s.Region())
			if account == "" || region == "" {
				account = *s.Node().Path()
			}
			targets[account+"/"+region] = true
		}
	}
	return len(targets)
}

// stacksOf lists the stacks of stage, leaving out those of stages nested in it.
func stacksOf(stage awscdk.Stage) []awscdk.Stack {
	var out []awscdk.Stack
	for _, c := range *stage.Node().FindAll(constructs.ConstructOrder_PREORDER) {
		if *awscdk.Stack_IsStack(c) {
			s := c.(awscdk.Stack)
			if *awscdk.Stage_Of(s).Node().Path() == *stage.Node().Path() {
				out = append(out, s)
			}
		}
	}
	return out
}
