package main

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// The reference landing zone synthesizes, passes cdk-nag and the CloudFormation
// quotas (both checked by lztest.Synth), and matches its snapshots.
func TestReferenceLandingZone(t *testing.T) {
	asm := lztest.Synth(t, func(app awscdk.App) {
		if err := build(app); err != nil {
			t.Fatal(err)
		}
	})
	want := []string{
		"Baseline-audit-eu-west-1", "Baseline-data-prod-eu-west-1", "Baseline-log-archive-eu-west-1", "Baseline-management-eu-west-1",
		"Baseline-network-eu-west-1", "Baseline-payments-dev-eu-west-1", "Baseline-payments-prod-eu-west-1",
		"Identity-eu-west-1", "IdentityAssignments01", "LogArchive-eu-west-1", "Network-eu-west-1", "NetworkSpokes-eu-west-1-01", "OrgTrail-eu-west-1", "Organization-eu-west-1",
		"Security-eu-west-1", "SecurityDelegation-eu-west-1",
	}
	if got := asm.StackIDs(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("stacks %v, want %v", got, want)
	}
	for _, id := range want {
		tpl := asm.Stack(t, id)
		if strings.HasPrefix(id, "Baseline-") {
			lztest.AssertStackSetSafe(t, id, tpl)
			lztest.AssertNoBootstrapCheck(t, id, tpl)
		}
		t.Logf("%s: %d resources, %d bytes", id, tpl.Stats.Resources, tpl.Stats.Bytes)
		lztest.GoldenNamed(t, id, tpl)
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
