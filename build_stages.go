package landingzone

import "slices"

// Names of the core stages, the landing zone's deploy order before any workload. A
// deployment pipeline deploys each as a stage of its own; `cdk deploy --all` follows
// the same order through the stacks' dependencies.
const (
	// StageOrganization: the Organization stack and the delegations of the security
	// services to the audit account (management account).
	StageOrganization = "Organization"
	// StageLogArchive: the log archive, before anything that writes to it.
	StageLogArchive = "LogArchive"
	// StageAudit: the security services and the alert topics.
	StageAudit = "Audit"
	// StageManagement: the organization trail, Identity Center and the StackSets,
	// which need the log archive and the alert topics (management account).
	StageManagement = "Management"
	// StageNetwork: the Transit Gateway hub, before any VPC attaches to it.
	StageNetwork = "Network"
)

// coreStageNames lists the core stages in deploy order.
var coreStageNames = []string{StageOrganization, StageLogArchive, StageAudit, StageManagement, StageNetwork}

// CoreStages returns the names of the core stages in deploy order.
func CoreStages() []string { return slices.Clone(coreStageNames) }

// coreStage is one core stage: what it builds, in the builder's terms.
type coreStage struct {
	name string
	// management marks the stages of the management account, whose change sets
	// deployment.pipeline.reviewManagementChanges shows a person first.
	management bool
	build      func()
}

// stages returns the core stages in deploy order. Each ends with the Baselines of its
// account, whose drift checks cover the stacks built before them in that account and
// region.
func (b *builder) stages() []coreStage {
	c := b.cfg
	return []coreStage{
		{StageOrganization, true, func() { b.organization(); b.securityDelegations() }},
		{StageLogArchive, false, func() {
			b.logArchives()
			b.accountBaselines(account{"log-archive", c.Accounts.LogArchive, -1})
		}},
		{StageAudit, false, func() {
			b.security()
			b.accountBaselines(account{"audit", c.Accounts.Audit, -1})
		}},
		{StageManagement, true, func() {
			b.orgTrail()
			b.trailAlarms()
			b.identity()
			b.stackSets()
			b.accountBaselines(account{"management", c.Organization.ManagementAccount, -1})
		}},
		{StageNetwork, false, func() {
			b.network()
			b.accountBaselines(account{"network", c.Accounts.Network, -1})
		}},
	}
}
