package pipeline_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
)

func TestPlanLayout(t *testing.T) {
	plan, err := pipeline.PlanWaves(workloads(150, 0), pipeline.WaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// One stack per account: 24 accounts (48 actions) fill a stage beside the bake
	// and the alarm check, so the waves of 32 and 64 accounts take 2 and 3 stages.
	stages, err := plan.Layout(4, 1)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range stages {
		names = append(names, s.Name)
		if s.Actions > pipeline.MaxActionsPerStage {
			t.Errorf("stage %s has %d actions", s.Name, s.Actions)
		}
		last := !strings.HasPrefix(s.Name, "NonProd5-1") && !strings.HasPrefix(s.Name, "NonProd6-1") && !strings.HasPrefix(s.Name, "NonProd6-2")
		if s.Bake != last || s.AlarmCheck != last {
			t.Errorf("stage %s: bake %v, alarm check %v; want both only after a wave's last part", s.Name, s.Bake, s.AlarmCheck)
		}
	}
	want := []string{"dev-1", "NonProd1", "NonProd2", "NonProd3", "NonProd4", "NonProd5-1", "NonProd5-2", "NonProd6-1", "NonProd6-2", "NonProd6-3", "NonProd7"}
	if !slices.Equal(names, want) {
		t.Errorf("stages %q, want %q", names, want)
	}
	if n := len(stages[9].Accounts); n != 16 || stages[9].Actions != 16*2+2 {
		t.Errorf("last part of NonProd6: %d accounts, %d actions; want 16 and 34", n, stages[9].Actions)
	}
}

// The production approval takes an action of the wave's first stage only.
func TestPlanLayoutApproval(t *testing.T) {
	plan, err := pipeline.PlanWaves(workloads(0, 31), pipeline.WaveOptions{GrowthFactor: 30})
	if err != nil {
		t.Fatal(err)
	}
	stages, err := plan.Layout(4, 1)
	if err != nil {
		t.Fatal(err)
	}
	// Prod1 is the production one-box; Prod2's 30 accounts take 24 and 6.
	if len(stages) != 3 || !stages[0].Approval || stages[1].Approval || stages[2].Approval || len(stages[1].Accounts) != 24 {
		t.Errorf("stages %+v, want the approval before prod-1 only and Prod2 in parts of 24 and 6", stages)
	}
}

// What a pipeline refuses, and why: 500 accounts are too many deploy roles for the
// artifact bucket's policy; one account per wave is too many stages.
func TestPlanLayoutRefusals(t *testing.T) {
	for _, tc := range []struct {
		name             string
		accounts         int
		factor           float64
		stacksPerAccount int
		want             []string
	}{
		{"500 accounts", 500, 0, 1, []string{"500 account and region pairs to deploy to, over the 200 one pipeline holds", "deployment mode stacksets"}},
		{"150 accounts in two regions", 150, 0, 2, []string{"300 account and region pairs", "over the 200"}},
		{"a wave per account", 60, 1, 1, []string{"60 accounts in 60 waves need 68 CodePipeline stages", "over the 50 a pipeline allows", "deployment mode stacksets"}},
		{"an account of 25 stacks", 1, 0, 25, []string{"workload dev-1 has 25 stacks, 50 actions: over the 50 actions of a CodePipeline stage"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan, err := pipeline.PlanWaves(workloads(tc.accounts, 0), pipeline.WaveOptions{GrowthFactor: tc.factor})
			if err != nil {
				t.Fatal(err)
			}
			_, err = plan.Layout(4, tc.stacksPerAccount)
			for _, want := range tc.want {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("Layout = %v, want an error holding %q", err, want)
				}
			}
		})
	}
}
