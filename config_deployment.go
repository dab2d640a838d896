package landingzone

import (
	"fmt"
	"regexp"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Deployment modes of the workload baselines.
const (
	// DeployStacks gives every workload account its own Baseline stack per region,
	// deployed with `cdk deploy` into accounts bootstrapped for the CDK.
	DeployStacks = "stacks"
	// DeployStackSets rolls the workloads' governance (Config, log subscription, audit
	// and SAML roles) out as one service-managed StackSet per region, deployed from the
	// management account to the workload OUs and to every account that joins them
	// later; only each workload's VPC stays a stack of its own.
	DeployStackSets = "stacksets"
)

// Defaults of StackSets.
const (
	DefaultFailureTolerancePercentage = 10
	DefaultMaxConcurrentPercentage    = 25
)

// Deployment configures how the workload baselines reach their accounts.
type Deployment struct {
	// Mode is "stacks" or "stacksets". Empty means stacks.
	Mode string `json:"mode,omitempty" jsonschema:"enum=stacks,enum=stacksets"`
	// StackSets tunes the stacksets mode.
	StackSets StackSets `json:"stackSets,omitempty"`
	// Pipeline delivers the landing zone through a deployment pipeline, core stages
	// first, then the workloads in waves. Nil means none: the stacks deploy by
	// `cdk deploy`, in the order their dependencies give.
	Pipeline *Pipeline `json:"pipeline,omitempty"`
	// BootstrapQualifier is the qualifier of the CDK bootstrap, kept for the landing
	// zone, that every account and governed region is bootstrapped with (`cdk bootstrap
	// --qualifier`): 1-10 lower-case letters and digits. Every stack deploys through its
	// roles, and the guardrails exempt them ("cdk-<qualifier>-*") and the roles the
	// landing zone names for itself ("<qualifier>-*"); cdk.json's context key
	// @aws-cdk/core:bootstrapQualifier must say the same. Empty means "lzadmin".
	BootstrapQualifier string `json:"bootstrapQualifier,omitempty"`
}

// StackSets tunes the StackSet roll-out.
type StackSets struct {
	// AdministratorAccount runs the StackSets: the management account, or an account
	// registered as StackSets delegated administrator. Empty means the management
	// account.
	AdministratorAccount string `json:"administratorAccount,omitempty"`
	// FailureTolerancePercentage is the share of accounts per region whose failure
	// stops the roll-out, 0-100. Zero means 10.
	FailureTolerancePercentage int `json:"failureTolerancePercentage,omitempty"`
	// MaxConcurrentPercentage is the share of accounts deployed at once, 1-100. Zero
	// means 25.
	MaxConcurrentPercentage int `json:"maxConcurrentPercentage,omitempty"`
	// SequentialRegions deploys one region after the other. False deploys the regions
	// in parallel.
	SequentialRegions bool `json:"sequentialRegions,omitempty"`
}

// stackSets reports whether the workloads' governance rolls out by StackSets.
func (d Deployment) stackSets() bool { return d.Mode == DeployStackSets }

var ouIDPattern = regexp.MustCompile(`^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`)

func (c Config) validateDeployment(l *check.List) {
	d := c.Deployment
	switch d.Mode {
	case "", DeployStacks:
		return
	case DeployStackSets:
	default:
		l.Addf("deployment.mode", d.Mode, "want %q or %q", DeployStacks, DeployStackSets)
		return
	}
	s := d.StackSets
	if s.AdministratorAccount != "" {
		check.AccountID(l, "deployment.stackSets.administratorAccount", s.AdministratorAccount)
	}
	if s.FailureTolerancePercentage != 0 {
		check.Range(l, "deployment.stackSets.failureTolerancePercentage", s.FailureTolerancePercentage, 0, 100)
	}
	if s.MaxConcurrentPercentage != 0 {
		check.Range(l, "deployment.stackSets.maxConcurrentPercentage", s.MaxConcurrentPercentage, 1, 100)
	}
	index := map[string]int{}
	for i, ou := range c.OrganizationalUnits {
		index[ou.Name] = i
	}
	for _, name := range c.workloadOUs() {
		i, known := index[name]
		switch {
		case !known:
			// Reported against the workload or guardrails.workloadOUs already.
		case c.OrganizationalUnits[i].ID == "":
			// The StackSets wait for it (Config.Pending).
		case !ouIDPattern.MatchString(c.OrganizationalUnits[i].ID):
			l.Addf(fmt.Sprintf("organizationalUnits[%d].id", i), c.OrganizationalUnits[i].ID, "not an OU ID such as \"ou-ab12-cd34ef56\"")
		}
	}
}

// stackSetName is the name of the StackSet of the workload governance in region.
func (c Config) stackSetName(region string) string {
	return fmt.Sprintf("%s-governance-%s", c.prefix(), region)
}
