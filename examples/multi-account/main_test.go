package main

import (
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
	want := []string{"Baseline-data-prod-eu-west-1", "Baseline-payments-dev-eu-west-1", "Baseline-payments-prod-eu-west-1"}
	if got := asm.StackIDs(); len(got) != len(want) {
		t.Fatalf("stacks %v, want %v", got, want)
	}
	for _, id := range want {
		tpl := asm.Stack(t, id)
		lztest.AssertStackSetSafe(t, id, tpl)
		t.Logf("%s: %d resources, %d bytes", id, tpl.Stats.Resources, tpl.Stats.Bytes)
		lztest.GoldenNamed(t, id, tpl)
	}
}
