package landingzone_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// deploymentAccount runs the test pipeline.
const deploymentAccount = "999999999999"

// pipelineConfig is validConfig delivered by a pipeline, with two development
// accounts and a second production one.
func pipelineConfig() landingzone.Config {
	cfg := validConfig()
	cfg.Workloads = append(cfg.Workloads,
		landingzone.Workload{Name: "dev-a", ID: "555555555555", Environment: "dev", Team: "a", OU: "Workloads", VPC: landingzone.VPC{Cidr: "10.2.0.0/16", Egress: "none"}},
		landingzone.Workload{Name: "dev-b", ID: "666666666666", Environment: "dev", Team: "b", OU: "Workloads", VPC: landingzone.VPC{Cidr: "10.3.0.0/16", Egress: "none"}},
		landingzone.Workload{Name: "prod-b", ID: "777777777777", Environment: "prod", Team: "b", OU: "Workloads", VPC: landingzone.VPC{Cidr: "10.4.0.0/16", Egress: "none"}},
	)
	cfg.Deployment.Pipeline = &landingzone.Pipeline{
		Account:                 deploymentAccount,
		ConnectionArn:           "arn:aws:codeconnections:eu-west-1:999999999999:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
		Repository:              "example/landingzone",
		ReviewManagementChanges: true,
		AlarmNames:              []string{"landingzone-workload-health"},
	}
	return cfg
}

// pipelineStage is one stage of a synthesized CodePipeline.
type pipelineStage struct {
	Name    string
	Actions []struct{ Name string }
}

// has reports whether the stage holds an action whose name ends with suffix.
func (s pipelineStage) has(suffix string) bool {
	return slices.ContainsFunc(s.Actions, func(a struct{ Name string }) bool { return strings.HasSuffix(a.Name, suffix) })
}

func TestPipelineDeploysTheLandingZoneInStages(t *testing.T) {
	lz, asm := synthLandingZone(t, pipelineConfig())
	if lz.Pipeline == nil || *lz.Pipeline.Stack.Account() != deploymentAccount || *lz.Pipeline.Stack.StackName() != "Pipeline-eu-west-1" {
		t.Fatalf("pipeline %+v: want the stack Pipeline-eu-west-1 in the deployment account", lz.Pipeline)
	}

	// Every other stack is in the stage of its place in the deploy order.
	wantStage := map[string]string{
		"Organization-": "Organization", "SecurityDelegation-": "Organization",
		"LogArchive-": "LogArchive", "Baseline-log-archive-": "LogArchive",
		"Security-": "Audit", "Baseline-audit-": "Audit",
		"OrgTrail-": "Management", "Baseline-management-": "Management",
		"Network-": "Network", "Baseline-network-": "Network",
		"Baseline-app-prod-": "app-prod", "Baseline-dev-a-": "dev-a", "Baseline-dev-b-": "dev-b", "Baseline-prod-b-": "prod-b",
	}
	for _, s := range lz.Stacks {
		name, stage := *s.StackName(), *awscdk.Stage_Of(s).StageName()
		if s == lz.Pipeline.Stack {
			continue
		}
		want := ""
		for prefix, st := range wantStage {
			if strings.HasPrefix(name, prefix) {
				want = st
			}
		}
		if stage != want {
			t.Errorf("stack %s in stage %q, want %q", name, stage, want)
		}
	}

	raw, _ := json.Marshal(asm.Stack(t, "Pipeline-eu-west-1").Single("AWS::CodePipeline::Pipeline")["Stages"])
	var stages []pipelineStage
	if err := json.Unmarshal(raw, &stages); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range stages {
		names = append(names, s.Name)
	}
	// The core stages in deploy order; then the one-box, the other development
	// account, and production one account at a time. No stack of this landing zone
	// has an asset to publish (GuardDuty's handler is inline).
	want := "Source Build UpdatePipeline Organization LogArchive Audit Management Network dev-a dev-b app-prod prod-b"
	if got := strings.Join(names, " "); got != want {
		t.Fatalf("pipeline stages %s, want %s", got, want)
	}
	for _, s := range stages[3:] {
		reviewed := s.Name == "Organization" || s.Name == "Management"
		if s.has("-Summary") != reviewed || s.has("-Approve") != reviewed {
			t.Errorf("stage %s: change-set review %v, want %v", s.Name, s.has("-Summary"), reviewed)
		}
		wave := !slices.Contains([]string{"Organization", "LogArchive", "Audit", "Management", "Network"}, s.Name)
		if s.has("Bake") != wave || s.has("AlarmCheck") != wave {
			t.Errorf("stage %s: bake %v, alarm check %v, want both %v", s.Name, s.has("Bake"), s.has("AlarmCheck"), wave)
		}
		if approval := s.Actions[0].Name == "Approve"; approval != (s.Name == "app-prod") {
			t.Errorf("stage %s: approval first %v, want it before the first production wave only", s.Name, approval)
		}
	}
}

// New checks the pipeline against what only the built stacks tell, and names each
// problem by its path in the configuration.
func TestPipelineProblemsNameTheirPath(t *testing.T) {
	cfg := pipelineConfig()
	cfg.Deployment.Pipeline.Waves = landingzone.Waves{OneBox: "prod-b", GrowthFactor: 1, BakeTime: "-PT1H"}
	// A workload without an account yet is not in the pipeline, so the pipeline's
	// workload 4 is the configuration's workloads[5].
	cfg.Workloads = append([]landingzone.Workload{{Name: "later", Environment: "dev", Team: "x", OU: "Workloads", CreateAccount: true, VPC: landingzone.VPC{Cidr: "10.8.0.0/16"}}}, cfg.Workloads...)
	cfg.Workloads = append(cfg.Workloads, landingzone.Workload{Name: "prod1", ID: "888888888888", Environment: "dev", Team: "x", OU: "Workloads", VPC: landingzone.VPC{Cidr: "10.9.0.0/16"}})
	cfg.Organization.AccountEmail.Domain = "example.com"
	err := cfg.Validate()
	lztest.ExpectInvalid(t, err, "landingzone: ",
		`workloads[5].name "prod1": reserved for the stages of the waves`,
		`deployment.pipeline.waves.bakeTime "-PT1H": negative`,
		`deployment.pipeline.waves.oneBox "prod-b": a production account`,
	)
}

// Options.Place and a pipeline both decide where stacks go: New refuses the pair.
func TestPipelineRefusesPlace(t *testing.T) {
	app := lztest.NewApp(t)
	_, err := landingzone.NewWithOptions(app, pipelineConfig(), landingzone.Options{Place: func(string) constructs.Construct { return app }})
	if err == nil || !strings.Contains(err.Error(), "Options.Place") {
		t.Fatalf("err = %v, want Options.Place refused", err)
	}
}

// The rollout plan of the reference configuration, as `make plan` prints it.
func ExampleConfig_RolloutPlan() {
	cfg, err := landingzone.LoadConfig("examples/multi-account/landingzone.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, err := cfg.RolloutPlan()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(plan)
	// Output:
	// 3 workload accounts in 3 waves, growth factor 2, bake PT2H after each wave
	//  1. OneBox  1 account    payments-dev
	//     -- manual approval --
	//  2. Prod1   1 account    payments-prod
	//  3. Prod2   1 account    data-prod
}
