package pipeline_test

import (
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// shape is a plan as wave names and sizes, with "!" before a wave that needs an
// approval: "OneBox:1 NonProd1:2 !Prod1:1".
func shape(p pipeline.Plan) string {
	var parts []string
	for _, w := range p.Waves {
		s := w.Name + ":" + strconv.Itoa(len(w.Accounts))
		if w.Approval {
			s = "!" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestPlanWaveSizes(t *testing.T) {
	for _, tc := range []struct {
		name          string
		nonProd, prod int
		opts          pipeline.WaveOptions
		want          string
	}{
		{"one account", 1, 0, pipeline.WaveOptions{}, "OneBox:1"},
		{"one production account", 0, 1, pipeline.WaveOptions{}, "!Prod1:1"},
		{"seven accounts", 7, 0, pipeline.WaveOptions{}, "OneBox:1 NonProd1:2 NonProd2:4"},
		{"seven accounts, four in production", 3, 4, pipeline.WaveOptions{}, "OneBox:1 NonProd1:2 !Prod1:1 Prod2:2 Prod3:1"},
		{"500 accounts", 500, 0, pipeline.WaveOptions{},
			"OneBox:1 NonProd1:2 NonProd2:4 NonProd3:8 NonProd4:16 NonProd5:32 NonProd6:64 NonProd7:128 NonProd8:245"},
		{"500 accounts, 400 in production", 100, 400, pipeline.WaveOptions{},
			"OneBox:1 NonProd1:2 NonProd2:4 NonProd3:8 NonProd4:16 NonProd5:32 NonProd6:37 " +
				"!Prod1:1 Prod2:2 Prod3:4 Prod4:8 Prod5:16 Prod6:32 Prod7:64 Prod8:128 Prod9:145"},
		{"growth factor 1.5", 10, 0, pipeline.WaveOptions{GrowthFactor: 1.5}, "OneBox:1 NonProd1:2 NonProd2:3 NonProd3:4"},
		// 10 × 1.1 is 11.000000000000002 in floating point; the wave after ten
		// accounts still has eleven.
		{"growth factor 1.1", 67, 0, pipeline.WaveOptions{GrowthFactor: 1.1},
			"OneBox:1 NonProd1:2 NonProd2:3 NonProd3:4 NonProd4:5 NonProd5:6 NonProd6:7 NonProd7:8 NonProd8:9 NonProd9:10 NonProd10:11 NonProd11:1"},
		{"growth factor 1", 2, 2, pipeline.WaveOptions{GrowthFactor: 1}, "OneBox:1 NonProd1:1 !Prod1:1 Prod2:1"},
		{"approval before every production wave", 1, 3, pipeline.WaveOptions{Approval: pipeline.ApprovalEveryProduction}, "OneBox:1 !Prod1:1 !Prod2:2"},
		{"no approval", 1, 3, pipeline.WaveOptions{Approval: pipeline.ApprovalNone}, "OneBox:1 Prod1:1 Prod2:2"},
		{"no accounts", 0, 0, pipeline.WaveOptions{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			accounts := workloads(tc.nonProd, tc.prod)
			plan, err := pipeline.PlanWaves(accounts, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := shape(plan); got != tc.want {
				t.Errorf("plan %q, want %q", got, tc.want)
			}
			if plan.Len() != len(accounts) {
				t.Errorf("plan holds %d accounts, want %d", plan.Len(), len(accounts))
			}
		})
	}
}

// The rollout keeps the given order within each kind, starts with the one-box and
// puts every production account after every non-production one.
func TestPlanOrder(t *testing.T) {
	accounts := []pipeline.Account{
		{Name: "prod-payments", ID: "100000000001", Production: true},
		{Name: "dev-payments", ID: "100000000002"},
		{Name: "prod-search", ID: "100000000003", Production: true},
		{Name: "test-search", ID: "100000000004"},
		{Name: "sandbox", ID: "100000000005"},
	}
	plan, err := pipeline.PlanWaves(accounts, pipeline.WaveOptions{OneBox: "sandbox"})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, w := range plan.Waves {
		var names []string
		for _, a := range w.Accounts {
			names = append(names, a.Name)
			if a.Production != w.Production {
				t.Errorf("%s in wave %s: production %v, wave %v", a.Name, w.Name, a.Production, w.Production)
			}
		}
		got = append(got, names)
	}
	want := [][]string{{"sandbox"}, {"dev-payments", "test-search"}, {"prod-payments"}, {"prod-search"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("waves %q, want %q", got, want)
	}
	if plan.BakeTime != time.Hour || plan.GrowthFactor != 2 {
		t.Errorf("bake %s, factor %g; want the defaults 1h and 2", plan.BakeTime, plan.GrowthFactor)
	}
}

func TestPlanString(t *testing.T) {
	plan, err := pipeline.PlanWaves(workloads(3, 3), pipeline.WaveOptions{BakeTime: "P1DT2H"})
	if err != nil {
		t.Fatal(err)
	}
	want := `6 workload accounts in 4 waves, growth factor 2, bake P1DT2H after each wave
 1. OneBox    1 account    dev-1
 2. NonProd1  2 accounts   dev-2 dev-3
    -- manual approval --
 3. Prod1     1 account    prod-1
 4. Prod2     2 accounts   prod-2 prod-3
`
	if got := plan.String(); got != want {
		t.Errorf("String():\n%s\nwant:\n%s", got, want)
	}
}

func TestPlanWavesErrors(t *testing.T) {
	two := workloads(1, 1)
	for _, tc := range []struct {
		name     string
		accounts []pipeline.Account
		opts     pipeline.WaveOptions
		want     []string
	}{
		{"growth factor below 1", two, pipeline.WaveOptions{GrowthFactor: 0.5}, []string{"WaveOptions.GrowthFactor 0.5: below 1"}},
		{"negative growth factor", two, pipeline.WaveOptions{GrowthFactor: -2}, []string{"WaveOptions.GrowthFactor -2: below 1"}},
		{"growth factor not a number", two, pipeline.WaveOptions{GrowthFactor: math.NaN()}, []string{"WaveOptions.GrowthFactor NaN: not a finite number; want 1 or more"}},
		{"negative bake time", two, pipeline.WaveOptions{BakeTime: "-PT1H"}, []string{`WaveOptions.BakeTime "-PT1H": negative; a bake lasts from "PT0S" to P6DT23H`}},
		{"bake time over 7 days", two, pipeline.WaveOptions{BakeTime: "P8D"}, []string{`WaveOptions.BakeTime "P8D": over P6DT23H: CodePipeline stops the Step Functions action`}},
		{"bake time of 7 days", two, pipeline.WaveOptions{BakeTime: "P7D"}, []string{`WaveOptions.BakeTime "P7D": over P6DT23H`}},
		{"bake time not a duration", two, pipeline.WaveOptions{BakeTime: "1h"}, []string{`WaveOptions.BakeTime "1h": not an ISO 8601 duration`}},
		{"one-box not a workload account", two, pipeline.WaveOptions{OneBox: "Management"}, []string{`WaveOptions.OneBox "Management": not a workload account`}},
		{"one-box in production", two, pipeline.WaveOptions{OneBox: "prod-1"}, []string{`WaveOptions.OneBox "prod-1": a production account; the one-box must be a low-risk non-production workload account`}},
		{"unknown approval mode", two, pipeline.WaveOptions{Approval: "always"}, []string{`WaveOptions.Approval "always": want one of ["first-production" "every-production" "none"]`}},
		{"account name", []pipeline.Account{{Name: "dev payments", ID: "100000000001"}, {Name: "", ID: "100000000002"}},
			pipeline.WaveOptions{}, []string{`Accounts[0].Name "dev payments": want 1-40 letters`, `Accounts[1].Name "": want 1-40 letters`}},
		{"account name of a wave", []pipeline.Account{{Name: "Prod2", ID: "100000000001"}}, pipeline.WaveOptions{}, []string{`Accounts[0].Name "Prod2": reserved for the stages of the waves`}},
		{"account ID", []pipeline.Account{{Name: "dev", ID: "12345"}}, pipeline.WaveOptions{}, []string{`Accounts[0].ID "12345": not a 12-digit AWS account ID`}},
		{"duplicates", []pipeline.Account{{Name: "dev", ID: "100000000001"}, {Name: "dev", ID: "100000000001"}}, pipeline.WaveOptions{},
			[]string{`Accounts[1].Name "dev": duplicate of Accounts[0].Name`, `Accounts[1].ID "100000000001": duplicate of Accounts[0].ID`}},
		{"every problem at once", []pipeline.Account{{Name: "-", ID: "x"}}, pipeline.WaveOptions{GrowthFactor: 0.9, BakeTime: "P30D", OneBox: "nobody", Approval: "sometimes"},
			[]string{"Accounts[0].Name", "Accounts[0].ID", "WaveOptions.GrowthFactor 0.9", "WaveOptions.BakeTime \"P30D\"", "WaveOptions.OneBox \"nobody\"", "WaveOptions.Approval \"sometimes\""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := pipeline.PlanWaves(tc.accounts, tc.opts)
			lztest.ExpectInvalid(t, err, "pipeline: ", tc.want...)
		})
	}
}
