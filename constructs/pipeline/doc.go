// Package pipeline delivers the landing zone the way large operators ship: first one
// low-risk account, then waves of growing size, each watched for a bake time and
// stopped by an alarm check, instead of one big-bang deploy. It also reviews change
// sets before they run, and checks the deployed stacks for drift.
//
// # Rollout model
//
// PlanWaves orders the workload accounts; it needs no CDK, so a plan can be printed
// (Plan.String) and checked (Plan.Layout) before synthesis:
//
//   - the one-box: one non-production account alone (WaveOptions.OneBox, or the
//     first one given); a production account cannot be the one-box;
//   - the other non-production accounts in waves of growing size: each wave the
//     previous one times GrowthFactor (default 2), rounded up: 1, 2, 4, 8...;
//   - the production accounts the same way, starting again from one account, after
//     a manual approval (before the first production wave by default, before every
//     one, or never: WaveOptions.Approval).
//
// NewPipeline deploys the core stages first (management, log archive, audit,
// network: whatever PipelineProps.Core lists, one after the other), then the waves.
// After each wave, the bake: a native CodePipeline Step Functions action runs a state
// machine whose one Wait state lasts BakeTime. It costs three state transitions
// whatever its length, where a CodeBuild job would bill every minute and stop at 8
// hours; CodePipeline stops a Step Functions action after 7 days, hence the longest
// bake of 6 days 23 hours. Then the alarm check: one `aws cloudwatch
// describe-alarms --state-value ALARM` call in CodeBuild, which fails the stage, and
// so stops the rollout, when any of PipelineProps.AlarmNames is in ALARM. A composite
// alarm in a CloudWatch cross-account observability monitoring account can watch
// every workload account.
//
// # Stages
//
// Each core stage and each workload account gets a CDK stage of its own, added to the
// app beside the pipeline's stack (stage names must be free there), so that `cdk
// deploy 'LogArchive/*'` can also deploy one by hand, as the first deployment of a
// landing zone needs. The app's aspects are added to every stage: the CDK applies no
// aspect across a stage's boundary by itself, and CDK Pipelines synthesizes each stage
// while NewPipeline runs, so a cdk-nag pack must be on the app before NewPipeline.
//
// # Quotas
//
// A CodePipeline stage holds 50 actions and a pipeline 50 stages. CDK Pipelines gives
// each stack two actions (create the change set, execute it), so a wave too large for
// one stage is split into parts deployed one after the other, the approval before the
// first part and the bake and alarm check after the last. Each account and region the
// pipeline deploys to also names its deploy role in the artifact bucket's policy,
// which S3 limits to 20 KB, and adds about 2.8 KB to the pipeline's template (1 MB):
// NewPipeline refuses more than MaxDeployTargets (200) targets, or more than 50
// stages, naming the limit. Plan.Layout tells the same before synthesis: 150
// accounts with one Baseline each fit in 11 wave stages; 500 accounts do not. Such
// organizations roll the workloads' governance out by CloudFormation StackSets (the
// landingzone deployment mode stacksets), whose stacks the pipeline then deploys in a
// core stage, and keep the waves for the accounts that need stacks of their own.
//
// # Change-set review
//
// A core stage with ReviewChangeSets runs two steps between the creation and the
// execution of each stack's change set: a CodeBuild step reads the change set in the
// target account, through the read-only lookup role that `cdk bootstrap` creates,
// and posts a summary to the pipeline's encrypted notification topic; then a manual
// approval, announced on the same topic, gates the execution.
//
// # Accounts and bootstrap
//
// The pipeline lives in a deployment account of its own. Every target account and
// region must be bootstrapped with `cdk bootstrap --trust <deployment account>
// --cloudformation-execution-policies <policy>`, which lets the pipeline assume the
// deploy and lookup roles there. Artifacts are encrypted with a customer-managed key,
// rotated yearly, that only those deploy roles may use.
//
// # Drift
//
// NewDriftCheck, in each account and region that holds landing-zone stacks, starts
// CloudFormation drift detection of each stack on a schedule through the EventBridge
// Scheduler universal target, and routes the DRIFTED results to the alert topic: to
// the topic itself in its own account, otherwise to the alert account's default event
// bus, where NewDriftAlertRelay publishes them. Neither holds an asset or a custom
// resource, so both fit StackSet-deployed baselines.
package pipeline

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
