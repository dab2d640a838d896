package landingzone

import (
	"fmt"
	"regexp"
	"slices"
	"time"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Config describes a whole landing zone. Field names in a configuration file are the
// JSON names in the struct tags, and every validation error names the field by its
// path in the file, such as "workloads[2].vpc.cidr".
type Config struct {
	// Organization names the organization, its management account and its regions.
	// Required.
	Organization Organization `json:"organization"`
	// Accounts are the landing zone's core accounts. Required.
	Accounts CoreAccounts `json:"accounts"`
	// OrganizationalUnits is the OU tree below the root; workloads name their OU.
	// Empty means none: workloads then sit in the root.
	OrganizationalUnits []OrganizationalUnit `json:"organizationalUnits,omitempty"`
	// Workloads are the accounts that run applications; each gets a Baseline stack
	// with its VPC. Empty means none.
	Workloads []Workload `json:"workloads,omitempty"`
	// Logging configures the log archive, the organization trail and the log
	// subscriptions. The zero value is the secure default.
	Logging Logging `json:"logging,omitempty"`
	// Guardrails configures the service control policies. The zero value attaches
	// every guardrail, exempting OrganizationAccountAccessRole.
	Guardrails Guardrails `json:"guardrails,omitempty"`
	// Identity configures IAM Identity Center. Nil builds no Identity stacks.
	Identity *Identity `json:"identity,omitempty"`
	// Network configures the Transit Gateway hub and the central egress. The zero value
	// builds them with the defaults.
	Network Network `json:"network,omitempty"`
	// Security configures GuardDuty, Security Hub and the AWS Config rules. The zero
	// value turns everything on.
	Security Security `json:"security,omitempty"`
	// Alerting configures who hears of findings and alarms.
	Alerting Alerting `json:"alerting,omitempty"`
	// Deployment chooses between a Baseline stack per workload account and StackSets.
	// The zero value is a stack per account.
	Deployment Deployment `json:"deployment,omitempty"`
}

// Organization describes the AWS Organization the landing zone governs.
type Organization struct {
	// ManagementAccount is the 12-digit ID of the management account. Required.
	ManagementAccount string `json:"managementAccount"`
	// ID is the organization's ID, "o-" and 10 to 32 characters; bucket, key and
	// destination policies admit the organization by it. Required.
	ID string `json:"id"`
	// RootID is the ID of the organization's root ("r-" and 4 to 32 characters), under
	// which the OUs are created; `aws organizations list-roots` prints it. Required.
	RootID string `json:"rootId"`
	// HomeRegion is the region of the landing zone's central resources, and of every
	// workload that names none. Required.
	HomeRegion string `json:"homeRegion"`
	// GovernedRegions are the regions the landing zone watches and allows: log
	// destinations, security services and the region-deny guardrail follow them.
	// Required, the home region among them.
	GovernedRegions []string `json:"governedRegions"`
	// Prefix starts the physical names of the landing zone's shared resources (the log
	// buckets "<prefix>-logs-<account>-<region>"): lower-case letters, digits and
	// hyphens. Empty means "lz".
	Prefix string `json:"prefix,omitempty"`
	// AccountEmail is how the e-mail addresses of accounts the landing zone creates are
	// formed. Needed only when a workload sets createAccount.
	AccountEmail AccountEmail `json:"accountEmail,omitempty"`
}

// AccountEmail forms account e-mail addresses as "<prefix>+<account name>@<domain>".
type AccountEmail struct {
	// Prefix is the local part before the "+". Empty means "aws".
	Prefix string `json:"prefix,omitempty"`
	// Domain is the mail domain, such as "example.com". Required when an account is
	// created.
	Domain string `json:"domain,omitempty"`
}

// CoreAccounts are the accounts every landing zone has besides the management account.
type CoreAccounts struct {
	// LogArchive is the 12-digit ID of the account that holds the immutable logs.
	// Required.
	LogArchive string `json:"logArchive"`
	// Audit is the 12-digit ID of the security tooling account, delegated
	// administrator of the security services. Required.
	Audit string `json:"audit"`
	// Network is the 12-digit ID of the account that owns the Transit Gateway and the
	// central egress. Required.
	Network string `json:"network"`
}

// OrganizationalUnit is one OU of the tree, by name.
type OrganizationalUnit struct {
	// Name is the OU's name, unique in the tree. Required.
	Name string `json:"name"`
	// Parent is the name of the parent OU. Empty means the root.
	Parent string `json:"parent,omitempty"`
	// ID is the OU's ID ("ou-ab12-cd34ef56"), which the Organization stack outputs
	// after its first deploy. Needed by the stacksets deployment mode, which deploys to
	// OUs by ID; empty otherwise.
	ID string `json:"id,omitempty"`
}

// Workload is one workload account.
type Workload struct {
	// Name identifies the workload in stack names and tags: lower-case letters,
	// digits and hyphens, starting with a letter, at most 40 characters. Empty means
	// "<environment>-<team>[-<system>]". Unique.
	Name string `json:"name,omitempty"`
	// ID is the 12-digit account ID. Required unless createAccount is set; then it is
	// filled in once the Organization stack has created the account, and until then
	// the workload gets no Baseline.
	ID string `json:"id,omitempty"`
	// Environment, Team and System name the account by the convention
	// "<environment>-<team>[-<system>]"; the environment decides which guardrails and
	// rollout waves apply ("prod" is production). Environment and team are required.
	Environment string `json:"environment"`
	Team        string `json:"team"`
	System      string `json:"system,omitempty"`
	// OU is the name of the workload's organizational unit. Empty means the root.
	OU string `json:"ou,omitempty"`
	// CreateAccount makes the Organization stack create the account, named by the
	// convention, with the e-mail organization.accountEmail forms, in its OU. False
	// means the account exists already and is not managed here.
	CreateAccount bool `json:"createAccount,omitempty"`
	// Region is where the workload's VPC lives. Empty means the home region. It must
	// be a governed region.
	Region string `json:"region,omitempty"`
	// VPC configures the workload's VPC. The zero value is network.VpcProps' default:
	// 10.0.0.0/16 over two AZs with a NAT gateway per AZ.
	VPC VPC `json:"vpc"`
	// Segment is the Transit Gateway segment the VPC joins (prod, nonprod, shared or
	// one of network.segments). Required with egress transit-gateway, refused
	// otherwise.
	Segment string `json:"segment,omitempty"`
	// TransitGatewayAttachmentID is the ID of the VPC's Transit Gateway attachment,
	// which the workload's Baseline outputs after its first deploy; the Network stack
	// then accepts it into its segment. Empty means not attached yet.
	TransitGatewayAttachmentID string `json:"transitGatewayAttachmentId,omitempty"`
}

// ErrInvalidConfig is matched by every error of Validate, LoadConfig and New.
var ErrInvalidConfig = check.ErrInvalidProps

// DefaultPrefix starts the physical names of shared resources.
const DefaultPrefix = "lz"

var (
	workloadName = regexp.MustCompile(`^[a-z][a-z0-9-]{0,39}$`)
	rootID       = regexp.MustCompile(`^r-[0-9a-z]{4,32}$`)
	namePrefix   = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$`)
)

// Validate reports every problem in c at once, each with its path in the
// configuration file and the value found. Time-boxed access is checked against the
// current time (ValidateAt takes another). Checks that need a region's Availability
// Zones run in New.
func (c Config) Validate() error { return c.ValidateAt(time.Now()) }

// ValidateAt is Validate with now as the current time, against which time-boxed grants
// must not have expired: New validates at its Options.Now.
func (c Config) ValidateAt(now time.Time) error {
	var l check.List
	c.validateOrganization(&l)
	c.validateAccounts(&l)
	c.validateWorkloads(&l, c.ouNames())
	c.validateLogging(&l)
	c.validateGuardrails(&l)
	c.validateIdentity(&l, func() time.Time { return now })
	c.validateNetwork(&l)
	c.validateSecurity(&l)
	c.validateDeployment(&l)
	c.validateBootstrap(&l)
	c.validatePipeline(&l)
	c.validateDriftCheck(&l)
	return l.Err("landingzone")
}

func (c Config) validateOrganization(l *check.List) {
	org := c.Organization
	required(l, "organization.managementAccount", org.ManagementAccount, check.AccountID)
	required(l, "organization.id", org.ID, check.OrganizationID)
	required(l, "organization.rootId", org.RootID, func(l *check.List, field, v string) {
		if !rootID.MatchString(v) {
			l.Addf(field, v, "not a root ID such as \"r-a1b2\"; `aws organizations list-roots` prints it")
		}
	})
	required(l, "organization.homeRegion", org.HomeRegion, check.Region)
	for i, r := range org.GovernedRegions {
		// Each governed region gets a log archive stack, with its Firehose stream.
		check.Region(l, check.Index("organization.governedRegions", i), r)
		check.FirehoseRegion(l, check.Index("organization.governedRegions", i), r)
	}
	check.Duplicates(l, "organization.governedRegions[%d]", org.GovernedRegions)
	if len(org.GovernedRegions) == 0 {
		// An empty list would leave the region-deny guardrail nothing to allow.
		l.Addf("organization.governedRegions", nil, "required: list the regions the landing zone governs, the home region among them")
	} else if org.HomeRegion != "" && !slices.Contains(org.GovernedRegions, org.HomeRegion) {
		l.Addf("organization.governedRegions", org.GovernedRegions, "must include the home region %s", org.HomeRegion)
	}
	if org.Prefix != "" && !namePrefix.MatchString(org.Prefix) {
		l.Addf("organization.prefix", org.Prefix, "want 1-16 lower-case letters, digits and hyphens, starting and ending with a letter or digit")
	}
}

// validateAccounts checks the core accounts: each a distinct account, none the
// management account.
func (c Config) validateAccounts(l *check.List) {
	seen := map[string]string{c.Organization.ManagementAccount: "organization.managementAccount"}
	for _, a := range []struct{ field, id string }{
		{"accounts.logArchive", c.Accounts.LogArchive},
		{"accounts.audit", c.Accounts.Audit},
		{"accounts.network", c.Accounts.Network},
	} {
		before := l.Len()
		required(l, a.field, a.id, check.AccountID)
		if l.Len() > before {
			continue
		}
		if other, dup := seen[a.id]; dup {
			l.Addf(a.field, a.id, "already the account of %s; each role needs its own account", other)
			continue
		}
		seen[a.id] = a.field
	}
}

// ouNames returns the names of the configured OUs; the organization package checks
// the tree itself (see validateGuardrails).
func (c Config) ouNames() map[string]bool {
	known := map[string]bool{}
	for _, ou := range c.OrganizationalUnits {
		known[ou.Name] = true
	}
	return known
}

// required records that field is missing when value is empty, and otherwise checks it
// with valid.
// coreKnown reports whether the management, log archive, audit and network accounts
// and the home region are valid: the names of buckets, roles and ARNs derive from them,
// and checking those names while one is missing or wrong would only repeat its problem.
func (c Config) coreKnown() bool {
	var l check.List
	for _, a := range []string{c.Organization.ManagementAccount, c.Accounts.LogArchive, c.Accounts.Audit, c.Accounts.Network} {
		check.AccountID(&l, "account", a)
	}
	check.Region(&l, "region", c.Organization.HomeRegion)
	return l.Len() == 0
}

func required(l *check.List, field, value string, valid func(*check.List, string, string)) {
	if value == "" {
		l.Addf(field, nil, "required")
		return
	}
	valid(l, field, value)
}

// regions returns the governed regions, the home region first.
func (c Config) regions() []string {
	out := []string{c.Organization.HomeRegion}
	for _, r := range c.Organization.GovernedRegions {
		if r != c.Organization.HomeRegion {
			out = append(out, r)
		}
	}
	return out
}

// prefix resolves Organization.Prefix.
func (c Config) prefix() string {
	if c.Organization.Prefix == "" {
		return DefaultPrefix
	}
	return c.Organization.Prefix
}

// region returns where w lives.
func (c Config) workloadRegion(w Workload) string {
	if w.Region == "" {
		return c.Organization.HomeRegion
	}
	return w.Region
}

// name returns the workload's name, given or formed by the naming convention.
func (w Workload) name() string {
	if w.Name != "" {
		return w.Name
	}
	if w.System == "" {
		return fmt.Sprintf("%s-%s", w.Environment, w.Team)
	}
	return fmt.Sprintf("%s-%s-%s", w.Environment, w.Team, w.System)
}
