package landingzone

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/constructs/identity"
	"github.com/go-landingzone/landingzone/constructs/logsubscription"
	"github.com/go-landingzone/landingzone/constructs/network"
)

// Baseline is one account's baseline stack in one region. In the stacksets
// deployment mode a workload's governance comes from the StackSet instead, and its
// stack (Vpc-<name>-<region>) holds only the VPC.
type Baseline struct {
	Stack awscdk.Stack
	// Account names the account: a workload's name, or the core role
	// ("management", "log-archive", "audit", "network").
	Account string
	Region  string
	// Governance is the account-wide part: Config, log subscription, roles; nil when a
	// StackSet provides it.
	Governance *Governance
	// Vpc is the workload's VPC, in its own region; nil elsewhere and for core
	// accounts.
	Vpc *network.Vpc
}

// Governance is what every account gets in every governed region, whatever runs in
// it: the same template for all, which is what a StackSet rolls out.
type Governance struct {
	// Recorder is the AWS Config recorder with the managed rules.
	Recorder *configrules.Recorder
	// Subscription streams the account's log groups to the log archive; nil when
	// subscriptions are disabled.
	Subscription *logsubscription.AccountSubscription
	// AuditRole and Saml are a workload's third-party audit role and SAML federation,
	// in the home region; nil elsewhere, for core accounts, or when not configured.
	AuditRole *identity.AuditRole
	Saml      *identity.SamlFederation
}

// account is one account that receives Baseline stacks.
type account struct {
	name, id string
	// workload is the index of the workload in the configuration, or -1 for a core
	// account.
	workload int
}

// workloadAccounts lists the workloads whose account IDs are known; the others wait
// for their account (see Config.Pending).
func (b *builder) workloadAccounts() []account {
	var out []account
	for i, w := range b.cfg.Workloads {
		if w.ID != "" {
			out = append(out, account{w.name(), w.ID, i})
		}
	}
	return out
}

// accountBaselines builds the account's Baseline stack of every governed region, with
// the drift check of that account and region.
func (b *builder) accountBaselines(a account) {
	for _, region := range b.cfg.regions() {
		if s := b.baseline(a, region); s != nil {
			b.driftChecks(s, a.id, region)
		}
	}
}

// baseline builds the account's Baseline stack of region and returns it, or nil when
// the account has none there.
func (b *builder) baseline(a account, region string) awscdk.Stack {
	c := b.cfg
	viaStackSet := a.workload >= 0 && c.Deployment.stackSets()
	name := "Baseline-" + a.name + "-" + region
	if viaStackSet {
		if a.workload < 0 || c.workloadRegion(c.Workloads[a.workload]) != region {
			// The StackSet covers the governance; the VPC lives in one region.
			return nil
		}
		name = "Vpc-" + a.name + "-" + region
	}
	s := b.newStack(name, a.id, region, "baseline of account "+a.name, baselineStack)
	dependOn(s, b.logArchiveStack(region))
	bl := &Baseline{Stack: s, Account: a.name, Region: region}
	b.lz.Baselines[name] = bl
	if viaStackSet {
		if b.lz.StackSets != nil {
			dependOn(s, b.lz.StackSets.Stack)
		}
	} else {
		bl.Governance = b.governance(s, region, a.workload >= 0)
	}
	if a.workload >= 0 {
		b.workloadVpc(bl, a.workload)
	}
	return s
}

// workloadVpc adds the VPC of workload i to its Baseline bl, in the workload's region.
func (b *builder) workloadVpc(bl *Baseline, i int) {
	c := b.cfg
	s, region := bl.Stack, bl.Region
	w := c.Workloads[i]
	if c.workloadRegion(w) != region || (w.attached() && c.Network.TransitGatewayID == "") {
		// A spoke's VPC waits for network.transitGatewayId (Config.Pending).
		return
	}
	if w.attached() && b.lz.Network != nil {
		// The Transit Gateway and its share must exist before the VPC attaches, and the
		// attachment must be accepted before the VPC routes through it.
		dependOn(s, b.lz.Network.Stack, b.spokeStack(w.ID))
	}
	vpc, err := network.NewVpc(s, "Vpc", c.vpcProps(w))
	if err != nil {
		b.fail(fmt.Sprintf("workloads[%d].vpc.", i), "VpcProps.", err)
		return
	}
	bl.Vpc = vpc
	if out := vpc.TransitGatewayAttachmentOutput; out != nil {
		// The name Config.Records gives: the configuration records the ID from it.
		out.OverrideLogicalId(jsii.String(attachmentOutput))
	}
	// The VPC's Config rule can only be created once the recorder records.
	if rule := vpc.Node().TryFindChild(jsii.String(network.DefaultSecurityGroupRuleID)); rule != nil && bl.Governance != nil {
		bl.Governance.Recorder.AddDependent(rule)
	}
}

// governance adds the account-wide baseline of region to scope: the Config recorder
// and rules, the log subscription and, for workloads in the home region, the global
// IAM roles of the identity section.
func (b *builder) governance(scope constructs.Construct, region string, workload bool) *Governance {
	c := b.cfg
	g := &Governance{}
	rec, err := configrules.NewRecorder(scope, "Config", c.recorderProps())
	if err != nil {
		b.fail("security.config.", "RecorderProps.", err)
		return g
	}
	g.Recorder = rec
	if !c.Logging.Subscriptions.Disabled {
		sub, err := logsubscription.NewAccountSubscription(scope, "LogSubscription", c.subscriptionProps(region))
		b.fail("logging.subscriptions.", "AccountSubscriptionProps.", err)
		g.Subscription = sub
	}
	if id := c.Identity; workload && id != nil && region == c.Organization.HomeRegion {
		// IAM is global: the roles live in the home region's baseline only.
		if id.AuditRole != nil {
			r, err := identity.NewAuditRole(scope, "AuditRole", id.AuditRole.props())
			b.fail("identity.auditRole.", "AuditRoleProps.", err)
			g.AuditRole = r
		}
		if id.Saml != nil {
			f, err := identity.NewSamlFederation(scope, "Saml", id.Saml.props())
			b.fail("identity.saml.", "SamlFederationProps.", err)
			g.Saml = f
		}
	}
	return g
}
