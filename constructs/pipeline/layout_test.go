package pipeline_test

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
)

func TestPlanLayout(t *testing.T) {
	plan, err := pipeline.PlanWaves(workloads(500, 0), pipeline.WaveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// One stack per account: 24 accounts (48 actions) fill a stage beside the bake
	// and the alarm check, so the waves of 32, 64, 128 and 245 take 2, 3, 6 and 11
	// stages.
	stages, err := plan.Layout(4, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(stages) != 27 {
		t.Errorf("%d wave stages, want 27", len(stages))
	}
	var last []string
	for _, s := range stages {
		if s.Actions > pipeline.MaxActionsPerStage {
			t.Errorf("stage %s has %d actions", s.Name, s.Actions)
		}
		if s.Wave == "NonProd8" {
			last = append(last, s.Name)
			if s.Bake != (s.Name == "NonProd8-11") || s.AlarmCheck != (s.Name == "NonProd8-11") {
				t.Errorf("stage %s: bake %v, alarm check %v; want both only after the wave's last part", s.Name, s.Bake, s.AlarmCheck)
			}
		}
	}
	if len(last) != 11 || last[0] != "NonProd8-1" || len(stages[len(stages)-1].Accounts) != 5 {
		t.Errorf("last wave's stages %q, the last with %d accounts; want 11 stages, the last with 5", last, len(stages[len(stages)-1].Accounts))
	}

	// Two stacks per account (two governed regions) halve a stage's accounts: 55
	// stages with the core and the pipeline's own, over the quota.
	_, err = plan.Layout(4, 2)
	for _, want := range []string{"500 accounts in 9 waves need 55 CodePipeline stages", "over the 50 a pipeline allows", "deployment mode stacksets"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Layout(4, 2) = %v, want an error holding %q", err, want)
		}
	}
}
