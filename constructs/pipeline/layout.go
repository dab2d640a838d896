package pipeline

import (
	"fmt"
)

// CodePipeline quotas (AWS CodePipeline User Guide, "Quotas in AWS CodePipeline").
const (
	// MaxStages is how many stages a pipeline holds.
	MaxStages = 50
	// MaxActionsPerStage is how many actions a stage holds.
	MaxActionsPerStage = 50
)

// MaxDeployTargets bounds the account and region pairs one pipeline deploys to. Each
// adds its deploy role to the artifact bucket's policy, which S3 limits to 20 KB
// (about 240 roles), and about 2.8 KB to the pipeline stack's template, which
// CloudFormation limits to 1 MB.
const MaxDeployTargets = 200

// stacksetsAdvice is the way out for an organization too large for one pipeline.
const stacksetsAdvice = "roll the workloads' governance out by CloudFormation StackSets (landingzone deployment mode stacksets) and keep only the core stages in the pipeline"

// Actions that every CodePipeline stage of the landing zone may need besides the
// deployments.
const (
	// actionsPerStack are the two actions CDK Pipelines gives each stack: create the
	// change set, then execute it.
	actionsPerStack = 2
	// actionsAfterWave are the bake and the alarm check, reserved in every stage of a
	// wave so that any of them can be its last.
	actionsAfterWave = 2
	// actionsPerReview are the change-set summary and the approval of a reviewed stack.
	actionsPerReview = 2
	// actionsBeforeWave is the manual approval before a production wave.
	actionsBeforeWave = 1
	// fixedStages are Source, Build, UpdatePipeline and, when any stack has assets,
	// Assets.
	fixedStages = 4
)

// Stage is one CodePipeline stage that deploys landing-zone stacks.
type Stage struct {
	// Name is the CodePipeline stage's name: a core stage's name, a wave's name, or
	// for a wave split over several stages the wave's name and the part, "Prod3-2".
	// CDK Pipelines names a stage that deploys one account after the account.
	Name string
	// Wave is the name of the wave the stage belongs to; empty for a core stage.
	Wave string
	// Accounts are the workload accounts the stage deploys; empty for a core stage.
	Accounts []Account
	// Actions counts the stage's actions: two for each stack, plus the approval
	// before and the bake and alarm check after a wave where they apply.
	Actions int
	// Approval, Bake and AlarmCheck say which of those steps the stage holds.
	Approval, Bake, AlarmCheck bool
}

// layoutWaves splits each wave of plan into CodePipeline stages of at most
// MaxActionsPerStage actions, given the stacks of each account, and returns them in
// order. A wave stays one stage when it fits; otherwise its parts deploy one after
// the other and the bake and alarm check follow the last part. bake tells whether a
// bake step follows each wave.
func layoutWaves(plan Plan, stacks map[string]int, bake bool) ([]Stage, error) {
	var out []Stage
	for _, w := range plan.Waves {
		var parts []Stage
		part := Stage{Wave: w.Name, Approval: w.Approval}
		capacity := MaxActionsPerStage - actionsAfterWave
		if w.Approval {
			capacity -= actionsBeforeWave
		}
		used := 0
		for _, a := range w.Accounts {
			need := actionsPerStack * stacks[a.Name]
			if need > MaxActionsPerStage-actionsAfterWave-actionsBeforeWave {
				return nil, fmt.Errorf("workload %s has %d stacks, %d actions: over the %d actions of a CodePipeline stage", a.Name, stacks[a.Name], need, MaxActionsPerStage)
			}
			if used+need > capacity {
				parts = append(parts, part)
				part, used, capacity = Stage{Wave: w.Name}, 0, MaxActionsPerStage-actionsAfterWave
			}
			part.Accounts = append(part.Accounts, a)
			used += need
			part.Actions = used
		}
		parts = append(parts, part)
		last := &parts[len(parts)-1]
		last.AlarmCheck, last.Bake = true, bake
		for i := range parts {
			p := &parts[i]
			switch {
			case len(p.Accounts) == 1:
				p.Name = p.Accounts[0].Name
			case len(parts) > 1:
				p.Name = fmt.Sprintf("%s-%d", w.Name, i+1)
			default:
				p.Name = w.Name
			}
			for _, flag := range []bool{p.Approval, p.Bake, p.AlarmCheck} {
				if flag {
					p.Actions++
				}
			}
		}
		out = append(out, parts...)
	}
	return out, nil
}

// checkStageCount returns an error when core stages and the wave stages exceed the
// stages of a pipeline, naming the quota and the way out.
func checkStageCount(core int, waves []Stage, plan Plan) error {
	n := fixedStages + core + len(waves)
	if n <= MaxStages {
		return nil
	}
	return fmt.Errorf("%d accounts in %d waves need %d CodePipeline stages with the core stages and the pipeline's own, over the %d a pipeline allows: raise `Waves.GrowthFactor` for fewer, larger waves, or %s",
		plan.Len(), len(plan.Waves), n, MaxStages, stacksetsAdvice)
}

// checkTargets returns an error when the pipeline deploys to more than
// MaxDeployTargets account and region pairs.
func checkTargets(targets int) error {
	if targets <= MaxDeployTargets {
		return nil
	}
	return fmt.Errorf("%d account and region pairs to deploy to, over the %d one pipeline holds (its artifact bucket's policy names the deploy role of each, in at most 20 KB): %s",
		targets, MaxDeployTargets, stacksetsAdvice)
}

// Layout returns the CodePipeline stages the waves of p take when every account has
// stacksPerAccount stacks, each in a region of its own (a workload's Baseline in each
// governed region), and an error when they and coreStages exceed the quotas of a
// pipeline: what NewPipeline would refuse, known before any synthesis.
func (p Plan) Layout(coreStages, stacksPerAccount int) ([]Stage, error) {
	if err := checkTargets(p.Len() * stacksPerAccount); err != nil {
		return nil, err
	}
	stacks := map[string]int{}
	for _, w := range p.Waves {
		for _, a := range w.Accounts {
			stacks[a.Name] = stacksPerAccount
		}
	}
	waves, err := layoutWaves(p, stacks, p.BakeTime > 0)
	if err != nil {
		return nil, err
	}
	return waves, checkStageCount(coreStages, waves, p)
}
