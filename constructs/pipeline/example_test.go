package pipeline_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsssm"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
)

// The wave plan of the reference landing zone's three workloads: the development
// account alone, then, after an approval, production one account at a time.
func ExamplePlanWaves() {
	plan, err := pipeline.PlanWaves([]pipeline.Account{
		{Name: "payments-prod", ID: "555555555555", Production: true},
		{Name: "payments-dev", ID: "666666666666"},
		{Name: "data-prod", ID: "777777777777", Production: true},
	}, pipeline.WaveOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(plan)
	// Output:
	// 3 workload accounts in 3 waves, growth factor 2, bake PT1H after each wave
	//  1. OneBox  1 account    payments-dev
	//     -- manual approval --
	//  2. Prod1   1 account    payments-prod
	//  3. Prod2   1 account    data-prod
}

// Every problem in the options comes back at once.
func ExamplePlanWaves_errors() {
	_, err := pipeline.PlanWaves([]pipeline.Account{
		{Name: "payments-prod", ID: "555555555555", Production: true},
	}, pipeline.WaveOptions{OneBox: "payments-prod", GrowthFactor: 0.5, BakeTime: "P14D"})
	fmt.Println(err)
	// Output:
	// pipeline: WaveOptions.GrowthFactor 0.5: below 1: each wave must be at least as large as the one before
	// pipeline: WaveOptions.BakeTime "P14D": over P6DT23H: CodePipeline stops the Step Functions action that waits out the bake after 7 days
	// pipeline: WaveOptions.OneBox "payments-prod": a production account; the one-box must be a low-risk non-production workload account
}

// A pipeline in the deployment account: the management stage, whose change sets a
// person reviews, then the workloads in waves. Each callback adds the stacks of its
// stage, with their own account and region.
func ExampleNewPipeline() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Pipeline"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("eu-west-1")},
	})
	marker := func(stage awscdk.Stage, name, account string) {
		s := awscdk.NewStack(stage, jsii.String(name), &awscdk.StackProps{
			StackName: jsii.String(name),
			Env:       &awscdk.Environment{Account: jsii.String(account), Region: jsii.String("eu-west-1")},
		})
		awsssm.NewStringParameter(s, jsii.String("Marker"), &awsssm.StringParameterProps{StringValue: jsii.String(name)})
	}

	p, err := pipeline.NewPipeline(stack, "Pipeline", pipeline.PipelineProps{
		ConnectionArn: "arn:aws:codeconnections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
		Repository:    "example/landingzone",
		Core: []pipeline.CoreStage{{
			Name:             "Management",
			Build:            func(s awscdk.Stage) { marker(s, "Organization", "111111111111") },
			ReviewChangeSets: true,
		}},
		Workloads: []pipeline.Account{
			{Name: "payments-dev", ID: "666666666666"},
			{Name: "search-dev", ID: "888888888888"},
			{Name: "data-dev", ID: "999999999999"},
			{Name: "payments-prod", ID: "555555555555", Production: true},
		},
		BuildWorkload: func(s awscdk.Stage, a pipeline.Account) { marker(s, "Baseline-"+a.Name, a.ID) },
		AlarmNames:    []string{"landingzone-rollout-health"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range p.Stages {
		fmt.Printf("%-14s %2d actions  approval %-5v bake %-5v alarm check %v\n", s.Name, s.Actions, s.Approval, s.Bake, s.AlarmCheck)
	}
	// Output:
	// Management      4 actions  approval false bake false alarm check false
	// payments-dev    4 actions  approval false bake true  alarm check true
	// NonProd1        6 actions  approval false bake true  alarm check true
	// payments-prod   5 actions  approval true  bake true  alarm check true
}

// A drift check in the management account: each landing-zone stack checked daily,
// drifted ones reported to the audit account's alert topic through its event bus.
func ExampleNewDriftCheck() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Organization"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-west-1")},
	})
	d, err := pipeline.NewDriftCheck(stack, "DriftCheck", pipeline.DriftCheckProps{
		StackNames:    []string{"Organization-eu-west-1", "OrgTrail-eu-west-1", "Identity-eu-west-1"},
		AlertTopicArn: "arn:aws:sns:eu-west-1:333333333333:landingzone-alerts",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("schedules:", len(d.Schedules))
	fmt.Println("forwarded to another account:", d.ForwardRole != nil)
	fmt.Println("relay bus:", pipeline.DefaultBusArn("aws", "333333333333", "eu-west-1"))
	// Output:
	// schedules: 3
	// forwarded to another account: true
	// relay bus: arn:aws:events:eu-west-1:333333333333:event-bus/default
}
