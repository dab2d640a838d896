// Package landingzone composes the constructs of this module into one CloudFormation
// stack per account role and region, from one validated Config.
//
// # Stacks
//
// Every stack has its account and region set, a deterministic name and termination
// protection on. So far New builds:
//
//   - Baseline-<workload>-<region> in each workload account: the workload's VPC.
//
// The Baseline stack holds no asset and no custom resource, so that the same template
// can be rolled out by CloudFormation StackSets; this is why its VPC empties the default
// security group through AWS Config rather than the CDK's custom resource.
//
// Cross-account references use names and ARNs derived from account IDs and regions,
// never CloudFormation exports, which cannot cross accounts.
package landingzone

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/internal/check"
)

// LandingZone holds the stacks New built.
type LandingZone struct {
	// Baselines holds each workload's Baseline stack, by workload name.
	Baselines map[string]*Baseline
	// Stacks lists every stack in the order New built them.
	Stacks []awscdk.Stack
}

// Baseline is the stack every workload account receives.
type Baseline struct {
	Stack awscdk.Stack
	// Vpc is the workload's VPC.
	Vpc *network.Vpc
}

// New validates cfg, then adds the landing zone's stacks to app. On error it returns
// every problem found, each naming its path in the configuration, and app holds none
// of the landing zone's stacks.
func New(app awscdk.App, cfg Config) (*LandingZone, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	lz := &LandingZone{Baselines: map[string]*Baseline{}}
	var l check.List
	for i, w := range cfg.Workloads {
		b, err := newBaseline(app, cfg, w)
		if err != nil {
			// Only the checks that need the region's zones can fail here.
			l.MergeAs(fmt.Sprintf("workloads[%d].vpc.", i), "VpcProps.", err)
			continue
		}
		lz.Baselines[w.Name] = b
		lz.Stacks = append(lz.Stacks, b.Stack)
	}
	if err := l.Err("landingzone"); err != nil {
		lz.remove(app)
		return nil, err
	}
	return lz, nil
}

// remove takes the stacks New added out of app again.
func (lz *LandingZone) remove(app awscdk.App) {
	for _, s := range lz.Stacks {
		app.Node().TryRemoveChild(s.Node().Id())
	}
}

func newBaseline(app awscdk.App, cfg Config, w Workload) (*Baseline, error) {
	region := w.Region
	if region == "" {
		region = cfg.Organization.HomeRegion
	}
	name := fmt.Sprintf("Baseline-%s-%s", w.Name, region)
	stack := awscdk.NewStack(app, jsii.String(name), &awscdk.StackProps{
		StackName:             jsii.String(name),
		Env:                   &awscdk.Environment{Account: jsii.String(w.ID), Region: jsii.String(region)},
		Description:           jsii.String("landingzone: baseline of workload " + w.Name),
		TerminationProtection: jsii.Bool(true),
	})
	props := w.VPC.props()
	props.Name = w.Name
	vpc, err := network.NewVpc(stack, "Vpc", props)
	if err != nil {
		app.Node().TryRemoveChild(stack.Node().Id())
		return nil, err
	}
	return &Baseline{Stack: stack, Vpc: vpc}, nil
}
