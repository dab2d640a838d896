package landingzone

import (
	"fmt"
	"slices"
	"strings"

	"github.com/go-landingzone/landingzone/constructs/pipeline"
	"github.com/go-landingzone/landingzone/internal/shard"
)

// Record is a value that a stack outputs on its first deploy and that the
// configuration must then hold: a Transit Gateway ID, a key ARN, an attachment to
// accept. Until it does, New leaves out what needs the value (Waiting), so that every
// stack it builds can deploy; once it does, the stacks in Consumers change and deploy
// again. The deploy order of FirstDeploy, `make plan` and the README come from these.
type Record struct {
	// Field is the value's path in the configuration, such as "logging.keyArn".
	Field string
	// Stack and Output name the stack output that holds the value once deployed.
	Stack, Output string
	// Waiting says what is left out until the value is recorded.
	Waiting string
	// Consumers are the stacks that change once the value is recorded.
	Consumers []string
	// get and set read and write the value in a configuration.
	get func(Config) string
	set func(*Config, string)
	// example is a value of the right form, which plans of a first deploy stand in
	// with where the configuration does not hold the value yet.
	example string
}

// Value returns the value of r that c holds, or "" while it awaits it.
func (r Record) Value(c Config) string { return r.get(c) }

// recorded reports whether c holds the value of r.
func (r Record) recorded(c Config) bool { return r.get(c) != "" }

// Records lists every value of c that a stack outputs on its first deploy, recorded
// already or not, in deploy order of the stacks that output them.
func (c Config) Records() []Record {
	var out []Record
	home := c.Organization.HomeRegion
	if c.Deployment.stackSets() {
		needed := map[string]bool{}
		for _, name := range c.workloadOUs() {
			needed[name] = true
		}
		for i, ou := range c.OrganizationalUnits {
			if !needed[ou.Name] {
				continue
			}
			out = append(out, Record{
				Field: fmt.Sprintf("organizationalUnits[%d].id", i), Stack: "Organization-" + home, Output: ouOutput(i, ou.Name),
				Waiting:   "the StackSets of the workload governance (BaselineStackSets-" + home + "), which deploy to the OU",
				Consumers: []string{"BaselineStackSets-" + home},
				example:   fmt.Sprintf("ou-0000-%08x", i+1),
				get:       func(c Config) string { return c.OrganizationalUnits[i].ID },
				set:       func(c *Config, v string) { c.OrganizationalUnits[i].ID = v },
			})
		}
	}
	for i, w := range c.Workloads {
		if !w.CreateAccount {
			continue
		}
		out = append(out, Record{
			Field: fmt.Sprintf("workloads[%d].id", i), Stack: "Organization-" + home, Output: accountOutput(i, w.name()),
			Waiting: "every stack of workload " + w.name() + ", whose account the Organization stack creates",
			Consumers: c.stacksNamed(func(s PlannedStack) bool {
				return s.Stage == StagePipeline || strings.HasPrefix(s.Name, "IdentityAssignments")
			}),
			example: fmt.Sprintf("%012d", 900000000000+i),
			get:     func(c Config) string { return c.Workloads[i].ID },
			set:     func(c *Config, v string) { c.Workloads[i].ID = v },
		})
	}
	if c.Logging.ExistingBucketName == "" {
		out = append(out, Record{
			Field: "logging.keyArn", Stack: "LogArchive-" + home, Output: logKeyOutput,
			Waiting:   "the GuardDuty detectors of the Security stacks, which archive findings encrypted with the log archive's key",
			Consumers: c.stacksNamed(func(s PlannedStack) bool { return strings.HasPrefix(s.Name, "Security-") }),
			example:   "arn:aws:kms:" + home + ":" + c.Accounts.LogArchive + ":key/00000000-0000-4000-8000-000000000000",
			get:       func(c Config) string { return c.Logging.KeyArn },
			set:       func(c *Config, v string) { c.Logging.KeyArn = v },
		})
	}
	var spokes []string
	for _, w := range c.Workloads {
		if w.attached() && w.ID != "" {
			spokes = append(spokes, c.vpcStackName(w))
		}
	}
	if !c.Network.Disabled && !c.Network.AdoptExisting && len(spokes) > 0 {
		out = append(out, Record{
			Field: "network.transitGatewayId", Stack: "Network-" + home, Output: transitGatewayOutput,
			Waiting:   "the VPCs of the workloads whose egress is the Transit Gateway",
			Consumers: spokes,
			example:   "tgw-00000000000000000",
			get:       func(c Config) string { return c.Network.TransitGatewayID },
			set:       func(c *Config, v string) { c.Network.TransitGatewayID = v },
		})
	}
	for i, w := range c.Workloads {
		if !w.attached() || c.Network.Disabled {
			continue
		}
		out = append(out, Record{
			Field: fmt.Sprintf("workloads[%d].transitGatewayAttachmentId", i), Stack: c.vpcStackName(w), Output: attachmentOutput,
			Waiting: "the acceptance of " + w.name() + "'s attachment by the network account, and the routes through it",
			// The NetworkSpokes stack reads the segments' route tables from outputs
			// of the Network stack, which publishes one when a spoke first needs it.
			Consumers: []string{"Network-" + home, c.spokeStackOf(w), c.vpcStackName(w)},
			example:   fmt.Sprintf("tgw-attach-%017x", i+1),
			get:       func(c Config) string { return c.Workloads[i].TransitGatewayAttachmentID },
			set:       func(c *Config, v string) { c.Workloads[i].TransitGatewayAttachmentID = v },
		})
	}
	return out
}

// Pending lists the Records that c does not hold yet.
func (c Config) Pending() []Record {
	var out []Record
	for _, r := range c.Records() {
		if !r.recorded(c) {
			out = append(out, r)
		}
	}
	return out
}

// Names of the outputs that Records name.
const (
	logKeyOutput         = "LogKeyArn"
	transitGatewayOutput = "TransitGatewayId"
	attachmentOutput     = "TransitGatewayAttachmentId"
)

// ouOutput is the output of the Organization stack with the ID of OU i.
func ouOutput(i int, name string) string { return fmt.Sprintf("OU%d%s", i+1, outputName(name)) }

// accountOutput is the output of the Organization stack with the ID of the account
// it creates for workload i.
func accountOutput(i int, name string) string {
	return fmt.Sprintf("Account%d%s", i+1, outputName(name))
}

// vpcStackName is the stack that holds the VPC of w.
func (c Config) vpcStackName(w Workload) string {
	r := c.workloadRegion(w)
	if c.Deployment.stackSets() {
		return "Vpc-" + w.name() + "-" + r
	}
	return baselineStackName(w.name(), r)
}

// spokeStackOf is the NetworkSpokes stack that accepts the attachment of w, counting
// w among the spokes whether or not its ID is known yet.
func (c Config) spokeStackOf(w Workload) string {
	spokes := c.spokes()
	n := c.spokeStackCount(spokes)
	if w.ID == "" || n == 0 {
		return ""
	}
	return spokeStackName(c.Organization.HomeRegion, shard.Of(w.ID, n))
}

// stacksNamed lists the planned stacks that keep accepts.
func (c Config) stacksNamed(keep func(PlannedStack) bool) []string {
	var out []string
	for _, s := range c.Stacks() {
		if keep(s) {
			out = append(out, s.Name)
		}
	}
	return out
}

// DeployStep is one step of a landing zone's first deploy: stacks of one stage to
// deploy, in order, then the values to copy from their outputs into the
// configuration.
type DeployStep struct {
	// Stage is the stage the stacks belong to (see PlannedStack.Stage).
	Stage string
	// Stacks are deployed in order; each is deployed in the account and region
	// Stacks of the configuration gives it.
	Stacks []PlannedStack
	// Again marks a step that deploys stacks a second time, because a value recorded
	// since changes them.
	Again bool
	// ByPipeline marks a step that the deployment pipeline runs, once deployed.
	ByPipeline bool
	// Records are the values to record once the step's stacks are deployed.
	Records []Record
}

// FirstDeploy returns the steps that deploy c from an empty organization: each stage
// in deploy order, a value recorded in the configuration as soon as the stack that
// outputs it has deployed, and the stages a recorded value changes deployed again,
// until nothing changes. c's own recorded values count as not recorded yet, and its
// pending ones as recorded when their stack has deployed: this is the order of a
// complete first deploy, whatever c holds already. With deployment.pipeline,
// the core stages are deployed by hand, then the pipeline, which deploys everything
// after.
func (c Config) FirstDeploy() []DeployStep {
	var steps []DeployStep
	for _, s := range c.firstDeploy() {
		steps = append(steps, s.DeployStep)
	}
	return steps
}

// plannedStep is a DeployStep with the configuration as it is when the step begins.
type plannedStep struct {
	DeployStep
	config Config
}

// firstDeploy plans the steps of FirstDeploy, each with its configuration.
func (c Config) firstDeploy() []plannedStep {
	records := c.Records()
	state := c.clone()
	for _, r := range records {
		r.set(&state, "")
	}
	var steps []plannedStep
	deployed := map[string]bool{}
	redeploy := map[string]bool{}
	pipelineDeployed := false
	for pass := 0; pass < len(records)+2; pass++ {
		progress := false
		for _, stage := range c.stageOrder() {
			stacks := stacksOfStage(state.Stacks(), stage)
			var todo []PlannedStack
			again := false
			for _, s := range stacks {
				if !deployed[s.Name] || redeploy[s.Name] {
					again = again || deployed[s.Name]
					todo = append(todo, s)
				}
			}
			if len(todo) == 0 {
				continue
			}
			progress = true
			step := plannedStep{DeployStep: DeployStep{Stage: stage, Stacks: todo, Again: again, ByPipeline: pipelineDeployed}, config: state.clone()}
			for _, s := range todo {
				deployed[s.Name], redeploy[s.Name] = true, false
			}
			if stage == StagePipeline {
				pipelineDeployed = true
			}
			for _, r := range records {
				if r.recorded(state) || !slices.ContainsFunc(todo, func(s PlannedStack) bool { return s.Name == r.Stack }) {
					continue
				}
				step.Records = append(step.Records, r)
				value := r.get(c)
				if value == "" {
					// The configuration awaits the value too: stand in for it.
					value = r.example
				}
				r.set(&state, value)
				for _, consumer := range r.Consumers {
					if deployed[consumer] {
						redeploy[consumer] = true
					}
				}
			}
			steps = append(steps, step)
		}
		if !progress {
			break
		}
	}
	return steps
}

// stageOrder lists the stages of c in first-deploy order: the core stages, the
// pipeline's own stack when there is one, then each workload, in the order of the
// pipeline's waves when there is a pipeline.
func (c Config) stageOrder() []string {
	out := CoreStages()
	if p := c.Deployment.Pipeline; p != nil {
		out = append(out, StagePipeline)
		props := c.pipelineProps()
		if plan, err := pipeline.PlanWaves(props.Workloads, props.Waves); err == nil {
			for _, w := range plan.Waves {
				for _, a := range w.Accounts {
					out = append(out, a.Name)
				}
			}
		}
	}
	for _, w := range c.Workloads {
		if !slices.Contains(out, w.name()) {
			out = append(out, w.name())
		}
	}
	return out
}

// stacksOfStage keeps the stacks of stage, in order.
func stacksOfStage(stacks []PlannedStack, stage string) []PlannedStack {
	var out []PlannedStack
	for _, s := range stacks {
		if s.Stage == stage {
			out = append(out, s)
		}
	}
	return out
}

// clone returns a copy of c whose lists of OUs and workloads, which plans change, are
// its own.
func (c Config) clone() Config {
	c.OrganizationalUnits = slices.Clone(c.OrganizationalUnits)
	c.Workloads = slices.Clone(c.Workloads)
	return c
}
