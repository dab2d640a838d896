package landingzone

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/constructs/identity"
	"github.com/go-landingzone/landingzone/constructs/logsubscription"
	"github.com/go-landingzone/landingzone/constructs/network"
)

// Baseline is one account's baseline stack in one region.
type Baseline struct {
	Stack awscdk.Stack
	// Account names the account: a workload's name, or the core role
	// ("management", "log-archive", "audit", "network").
	Account string
	Region  string
	// Recorder is the AWS Config recorder with the managed rules.
	Recorder *configrules.Recorder
	// Subscription streams the account's log groups to the log archive; nil when
	// subscriptions are disabled.
	Subscription *logsubscription.AccountSubscription
	// Vpc is the workload's VPC, in its own region; nil elsewhere and for core
	// accounts.
	Vpc *network.Vpc
	// AuditRole and Saml are the workload's third-party audit role and SAML
	// federation, in the home region; nil when not configured.
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

// accounts lists every account with a Baseline: the core accounts, then the
// workloads whose IDs are known.
func (b *builder) accounts() []account {
	c := b.cfg
	out := []account{
		{"management", c.Organization.ManagementAccount, -1},
		{"log-archive", c.Accounts.LogArchive, -1},
		{"audit", c.Accounts.Audit, -1},
		{"network", c.Accounts.Network, -1},
	}
	for i, w := range c.Workloads {
		if w.ID == "" {
			b.lz.Pending = append(b.lz.Pending, w.name())
			continue
		}
		out = append(out, account{w.name(), w.ID, i})
	}
	return out
}

// baselines builds every account's Baseline stack in every governed region.
func (b *builder) baselines() {
	for _, a := range b.accounts() {
		for _, region := range b.cfg.regions() {
			b.baseline(a, region)
		}
	}
}

func (b *builder) baseline(a account, region string) {
	c := b.cfg
	name := "Baseline-" + a.name + "-" + region
	s := b.newStack(name, a.id, region, "baseline of account "+a.name, baselineStack)
	if la := b.lz.LogArchives[region]; la != nil {
		dependOn(s, la.Stack)
	}
	bl := &Baseline{Stack: s, Account: a.name, Region: region}
	b.lz.Baselines[name] = bl

	rec, err := configrules.NewRecorder(s, "Config", configrules.RecorderProps{
		BucketName:            c.configBucketName(),
		HomeRegion:            c.Organization.HomeRegion,
		GuardDutyAdminAccount: c.Accounts.Audit,
	})
	if err != nil {
		b.fail("", "RecorderProps.", err)
		return
	}
	bl.Recorder = rec
	if !c.Logging.Subscriptions.Disabled {
		sub, err := logsubscription.NewAccountSubscription(s, "LogSubscription", c.subscriptionProps(region))
		b.fail("logging.subscriptions.", "AccountSubscriptionProps.", err)
		bl.Subscription = sub
	}
	if a.workload < 0 {
		return
	}
	w := c.Workloads[a.workload]
	path := fmt.Sprintf("workloads[%d].", a.workload)
	if w.attached() && b.lz.Network != nil {
		// The Transit Gateway and its share must exist before the VPC attaches.
		dependOn(s, b.lz.Network.Stack)
	}
	if c.workloadRegion(w) == region {
		vpc, err := network.NewVpc(s, "Vpc", c.vpcProps(w))
		if err != nil {
			b.fail(path+"vpc.", "VpcProps.", err)
		} else {
			bl.Vpc = vpc
			// The VPC's Config rule can only be created once the recorder records.
			if rule := vpc.Node().TryFindChild(jsii.String(network.DefaultSecurityGroupRuleID)); rule != nil {
				rec.AddDependent(rule)
			}
		}
	}
	if region == c.Organization.HomeRegion && c.Identity != nil {
		b.identityRoles(bl)
	}
}

// identityRoles adds the global IAM roles of a workload: the auditor's and the SAML
// federation's. IAM is global, so they live in the home region's Baseline only.
func (b *builder) identityRoles(bl *Baseline) {
	id := b.cfg.Identity
	if id.AuditRole != nil {
		r, err := identity.NewAuditRole(bl.Stack, "AuditRole", id.AuditRole.props())
		b.fail("identity.auditRole.", "AuditRoleProps.", err)
		bl.AuditRole = r
	}
	if id.Saml != nil {
		f, err := identity.NewSamlFederation(bl.Stack, "Saml", id.Saml.props())
		b.fail("identity.saml.", "SamlFederationProps.", err)
		bl.Saml = f
	}
}
