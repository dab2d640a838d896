package main

import (
	"path"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// The reference landing zone synthesizes, passes cdk-nag and the CloudFormation
// quotas (both checked by lztest.Synth, in the pipeline's stages too), and matches its
// snapshots, one per stack, named after the stack.
func TestReferenceLandingZone(t *testing.T) {
	asm := lztest.Synth(t, func(app awscdk.App) {
		if err := build(app); err != nil {
			t.Fatal(err)
		}
	})
	// The pipeline's stack, then each stage's stacks.
	want := []string{
		"Audit/Baseline-audit-eu-west-1", "Audit/Security-eu-west-1",
		"LogArchive/Baseline-log-archive-eu-west-1", "LogArchive/LogArchive-eu-west-1",
		"Management/Baseline-management-eu-west-1", "Management/Identity-eu-west-1", "Management/IdentityAssignments01", "Management/OrgTrail-eu-west-1",
		"Network/Baseline-network-eu-west-1", "Network/Network-eu-west-1", "Network/NetworkSpokes-eu-west-1-01",
		"Organization/Organization-eu-west-1", "Organization/SecurityDelegation-eu-west-1",
		"Pipeline-eu-west-1",
		"data-prod/Baseline-data-prod-eu-west-1", "payments-dev/Baseline-payments-dev-eu-west-1", "payments-prod/Baseline-payments-prod-eu-west-1",
	}
	if got := asm.StackIDs(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("stacks %v, want %v", got, want)
	}
	for _, id := range want {
		tpl := asm.Stack(t, id)
		name := path.Base(id)
		if strings.HasPrefix(name, "Baseline-") {
			lztest.AssertStackSetSafe(t, id, tpl)
			lztest.AssertNoBootstrapCheck(t, id, tpl)
		}
		t.Logf("%s: %d resources, %d bytes", id, tpl.Stats.Resources, tpl.Stats.Bytes)
		lztest.GoldenNamed(t, name, tpl)
	}

	// The pipeline deploys the core stages in the landing zone's deploy order, then
	// the waves: the development account alone, then production one account at a
	// time, after an approval.
	var stages []string
	for _, st := range asm.Stack(t, "Pipeline-eu-west-1").Single("AWS::CodePipeline::Pipeline")["Stages"].([]any) {
		stages = append(stages, st.(map[string]any)["Name"].(string))
	}
	want = []string{"Source", "Build", "UpdatePipeline", "Assets", "Organization", "LogArchive", "Audit", "Management", "Network",
		"payments-dev", "payments-prod", "data-prod"}
	if strings.Join(stages, " ") != strings.Join(want, " ") {
		t.Errorf("pipeline stages %v, want %v", stages, want)
	}
}

// LANDINGZONE_CONFIG points the app at another file; its mistakes come back with
// their lines, before anything is built.
func TestConfigFromEnvironment(t *testing.T) {
	t.Setenv("LANDINGZONE_CONFIG", "../../testdata/config/broken/values.yaml")
	app := lztest.NewApp(t)
	err := build(app)
	if err == nil || !strings.Contains(err.Error(), `values.yaml:12:9: workloads[0].id "5555": not a 12-digit AWS account ID`) {
		t.Fatalf("err = %v, want the broken file's problems with lines", err)
	}
	if n := len(*app.Node().Children()); n != 0 {
		t.Errorf("%d stacks built from a broken file", n)
	}
}

// -plan prints what the reference still awaits (payments-dev's attachment), the order of
// its first deploy, then the core stages and the workloads' waves: the development
// account alone, then production one account at a time after an approval.
func TestPrintPlan(t *testing.T) {
	var out strings.Builder
	if err := printPlan(&out); err != nil {
		t.Fatal(err)
	}
	lztest.GoldenText(t, "plan.txt", []byte(out.String()))
}
