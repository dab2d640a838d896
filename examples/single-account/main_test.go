package main

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

func TestSingleAccount(t *testing.T) {
	asm := lztest.Synth(t, func(app awscdk.App) {
		if err := build(app); err != nil {
			t.Fatal(err)
		}
	})
	tpl := asm.Stack(t, "SingleAccount")
	tpl.ResourceCountIs("AWS::EC2::NatGateway", 0)
	tpl.ResourceCountIs("AWS::AutoScaling::AutoScalingGroup", 2)
	lztest.GoldenNamed(t, "SingleAccount", tpl)
}
