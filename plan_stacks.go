package landingzone

import (
	"fmt"
	"slices"
)

// PlannedStack is one stack that New builds, as the configuration decides it without
// the CDK: New builds exactly these, in this order, and refuses to build another.
type PlannedStack struct {
	// Name is the stack's name in CloudFormation.
	Name string
	// Account and Region are where the stack deploys.
	Account, Region string
	// AccountName names the account: "management", "log-archive", "audit", "network",
	// "deployment", or the workload's name.
	AccountName string
	// Stage is the core stage the stack belongs to (CoreStages), the workload's name
	// for the stacks of a workload account, or "Pipeline" for the pipeline's own
	// stack. With deployment.pipeline, each is a stage of the pipeline.
	Stage string
}

// StagePipeline is the Stage of the deployment pipeline's own stack.
const StagePipeline = "Pipeline"

// Names of the core accounts in stack names and plans.
const (
	accountManagement = "management"
	accountLogArchive = "log-archive"
	accountAudit      = "audit"
	accountNetwork    = "network"
	accountDeployment = "deployment"
)

// Stacks returns the stacks New builds for c, in the order it builds them, which is
// the order they deploy in: the pipeline's stack first when there is one, then each
// core stage (CoreStages) with the Baselines of its account last, then each workload
// whose account ID is known. What waits for a value still to be recorded (see
// FirstDeploy) is left out. c must be valid.
func (c Config) Stacks() []PlannedStack {
	var out []PlannedStack
	add := func(stage, accountName, account, region, name string) {
		out = append(out, PlannedStack{Name: name, Account: account, Region: region, AccountName: accountName, Stage: stage})
	}
	home, mgmt := c.Organization.HomeRegion, c.Organization.ManagementAccount
	baselines := func(stage, accountName, account string) {
		for _, r := range c.regions() {
			add(stage, accountName, account, r, baselineStackName(accountName, r))
		}
	}
	if p := c.Deployment.Pipeline; p != nil {
		add(StagePipeline, accountDeployment, p.Account, c.pipelineRegion(), "Pipeline-"+c.pipelineRegion())
	}

	add(StageOrganization, accountManagement, mgmt, home, "Organization-"+home)
	for _, r := range c.regions() {
		add(StageOrganization, accountManagement, mgmt, r, "SecurityDelegation-"+r)
	}

	for _, r := range c.regions() {
		add(StageLogArchive, accountLogArchive, c.Accounts.LogArchive, r, "LogArchive-"+r)
	}
	baselines(StageLogArchive, accountLogArchive, c.Accounts.LogArchive)

	for _, r := range c.regions() {
		add(StageAudit, accountAudit, c.Accounts.Audit, r, "Security-"+r)
	}
	baselines(StageAudit, accountAudit, c.Accounts.Audit)

	if c.Logging.Trail.ExistingTrailName == "" {
		// An adopted trail needs no stack: the log archive admits it by its name.
		add(StageManagement, accountManagement, mgmt, home, "OrgTrail-"+home)
	}
	if id := c.Identity; id != nil && len(id.PermissionSets)+len(id.TimeBoxed) > 0 {
		add(StageManagement, accountManagement, mgmt, c.identityRegion(), "Identity-"+c.identityRegion())
		for i := range c.assignmentStackCount() {
			add(StageManagement, accountManagement, mgmt, c.identityRegion(), fmt.Sprintf("IdentityAssignments%02d", i+1))
		}
	}
	if c.Deployment.stackSets() && c.workloadOUIDsRecorded() {
		admin := c.stackSetsAdministrator()
		add(StageManagement, accountName(c, admin), admin, home, "BaselineStackSets-"+home)
	}
	baselines(StageManagement, accountManagement, mgmt)

	if !c.Network.Disabled {
		add(StageNetwork, accountNetwork, c.Accounts.Network, home, "Network-"+home)
		if spokes := c.spokes(); len(spokes) > 0 {
			for i := range c.spokeStackCount(spokes) {
				add(StageNetwork, accountNetwork, c.Accounts.Network, home, spokeStackName(home, i))
			}
		}
	}
	baselines(StageNetwork, accountNetwork, c.Accounts.Network)

	for _, w := range c.Workloads {
		if w.ID == "" {
			continue
		}
		if c.Deployment.stackSets() {
			r := c.workloadRegion(w)
			add(w.name(), w.name(), w.ID, r, "Vpc-"+w.name()+"-"+r)
			continue
		}
		baselines(w.name(), w.name(), w.ID)
	}
	return out
}

// baselineStackName is the name of the Baseline of the account named accountName in
// region.
func baselineStackName(accountName, region string) string {
	return "Baseline-" + accountName + "-" + region
}

// spokeStackName is the name of the i-th (from zero) NetworkSpokes stack.
func spokeStackName(home string, i int) string {
	return fmt.Sprintf("NetworkSpokes-%s-%02d", home, i+1)
}

// accountName names account as PlannedStack.AccountName does.
func accountName(c Config, account string) string {
	switch account {
	case c.Organization.ManagementAccount:
		return accountManagement
	case c.Accounts.LogArchive:
		return accountLogArchive
	case c.Accounts.Audit:
		return accountAudit
	case c.Accounts.Network:
		return accountNetwork
	}
	if p := c.Deployment.Pipeline; p != nil && p.Account == account {
		return accountDeployment
	}
	if i := slices.IndexFunc(c.Workloads, func(w Workload) bool { return w.ID == account }); i >= 0 {
		return c.Workloads[i].name()
	}
	return account
}

// stackSetsAdministrator is the account that holds the StackSets.
func (c Config) stackSetsAdministrator() string {
	if a := c.Deployment.StackSets.AdministratorAccount; a != "" {
		return a
	}
	return c.Organization.ManagementAccount
}

// workloadOUIDsRecorded reports whether every OU the workload StackSets deploy to has
// its ID in the configuration.
func (c Config) workloadOUIDsRecorded() bool {
	for _, name := range c.workloadOUs() {
		for _, ou := range c.OrganizationalUnits {
			if ou.Name == name && ou.ID == "" {
				return false
			}
		}
	}
	return true
}

// AccountIDs lists the accounts the landing zone deploys to or names: the management
// account, the core accounts, the deployment pipeline's account, the StackSets
// administrator, then the workloads whose IDs are known, in configuration order, each
// once.
func (c Config) AccountIDs() []string {
	out := []string{c.Organization.ManagementAccount, c.Accounts.LogArchive, c.Accounts.Audit, c.Accounts.Network}
	if p := c.Deployment.Pipeline; p != nil {
		out = append(out, p.Account)
	}
	if a := c.Deployment.StackSets.AdministratorAccount; a != "" {
		out = append(out, a)
	}
	for _, w := range c.Workloads {
		out = append(out, w.ID)
	}
	var ids []string
	for _, id := range out {
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// Regions returns the governed regions, the home region first.
func (c Config) Regions() []string { return c.regions() }
