package landingzone_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

// checkedStacks returns the names of the stacks whose drift the schedules of tpl
// detect, sorted.
func checkedStacks(t *testing.T, tpl *lztest.Template) []string {
	t.Helper()
	var names []string
	for _, props := range tpl.Properties("AWS::Scheduler::Schedule") {
		var input struct{ StackName string }
		target, _ := props["Target"].(map[string]any)
		if err := json.Unmarshal([]byte(target["Input"].(string)), &input); err != nil {
			t.Fatal(err)
		}
		names = append(names, input.StackName)
	}
	slices.Sort(names)
	return names
}

// Each account's Baseline checks the drift of every landing-zone stack of its account
// and region, itself included; the audit account relays the others' drift alerts.
func TestDriftChecksCoverEveryStack(t *testing.T) {
	lz, asm := synthLandingZone(t, validConfig())
	for name, b := range lz.Baselines {
		var want []string
		for _, s := range lz.Stacks {
			if *s.Account() == *b.Stack.Account() && *s.Region() == *b.Stack.Region() {
				want = append(want, *s.StackName())
			}
		}
		slices.Sort(want)
		if got := checkedStacks(t, asm.Stack(t, name)); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s checks the drift of %v, want %v", name, got, want)
		}
	}
	management := checkedStacks(t, asm.Stack(t, "Baseline-management-eu-west-1"))
	if want := "Baseline-management-eu-west-1 OrgTrail-eu-west-1 Organization-eu-west-1 SecurityDelegation-eu-west-1"; strings.Join(management, " ") != want {
		t.Errorf("the management account checks %v, want %s", management, want)
	}
	security := asm.Stack(t, "Security-eu-west-1")
	security.HasResourceProperties("AWS::Events::EventBusPolicy", map[string]any{
		"Statement": map[string]any{"Condition": map[string]any{"StringEquals": map[string]any{"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}},
	})
}

func TestDriftCheckDisabled(t *testing.T) {
	cfg := validConfig()
	cfg.Alerting.DriftCheck.Disabled = true
	_, asm := synthLandingZone(t, cfg)
	for _, id := range asm.StackIDs() {
		tpl := asm.Stack(t, id)
		tpl.ResourceCountIs("AWS::Scheduler::Schedule", 0)
		tpl.ResourceCountIs("AWS::Events::EventBusPolicy", 0)
	}
}
