package landingzone

import (
	"fmt"
	"slices"

	"github.com/go-landingzone/landingzone/internal/check"
)

// validateWorkloads checks every workload: its name and account, that its OU and
// region exist, and its VPC; then that no two VPCs overlap.
func (c Config) validateWorkloads(l *check.List, ous map[string]bool) {
	names := map[string]int{}
	ids := c.coreAccountRoles()
	for i, w := range c.Workloads {
		path := fmt.Sprintf("workloads[%d].", i)
		if w.Environment == "" {
			l.Addf(path+"environment", nil, "required")
		}
		if w.Team == "" {
			l.Addf(path+"team", nil, "required")
		}
		name := w.name()
		switch j, dup := names[name]; {
		case w.Name == "" && (w.Environment == "" || w.Team == ""):
			// The missing parts are reported above; no name can be formed.
		case !workloadName.MatchString(name):
			l.Addf(path+"name", name, "want lower-case letters, digits and hyphens, starting with a letter, at most 40 characters")
		case dup:
			l.Addf(path+"name", name, "already the name of workloads[%d]", j)
		default:
			names[name] = i
		}
		c.validateWorkloadAccount(l, path, w, ids, fmt.Sprintf("workloads[%d]", i))
		if w.OU != "" && !ous[w.OU] {
			l.Addf(path+"ou", w.OU, "no OU of that name in organizationalUnits")
		}
		if w.Region != "" {
			c.governedRegion(l, path+"region", w.Region)
		}
		l.MergeAs(path+"vpc.", "VpcProps.", c.vpcProps(w).Validate())
	}
}

// validateWorkloadAccount checks a workload's account ID, unique across every role, and
// what creating the account needs.
func (c Config) validateWorkloadAccount(l *check.List, path string, w Workload, ids map[string]string, self string) {
	if w.CreateAccount && c.Organization.AccountEmail.Domain == "" {
		l.Addf(path+"createAccount", true, "needs organization.accountEmail.domain to form the account's e-mail address")
	}
	if w.ID == "" {
		if !w.CreateAccount {
			l.Addf(path+"id", nil, "required; or set createAccount to have the Organization stack create the account")
		}
		return
	}
	before := l.Len()
	check.AccountID(l, path+"id", w.ID)
	if l.Len() > before {
		return
	}
	if other, dup := ids[w.ID]; dup && w.ID != "" {
		l.Addf(path+"id", w.ID, "already the account of %s; each account has one role", other)
		return
	}
	ids[w.ID] = self
}

// governedRegion records a problem unless region, the value of field, is a governed
// region.
func (c Config) governedRegion(l *check.List, field, region string) {
	before := l.Len()
	check.Region(l, field, region)
	if l.Len() == before && c.Organization.HomeRegion != "" && !slices.Contains(c.regions(), region) {
		l.Addf(field, region, "not a governed region; add it to organization.governedRegions")
	}
}

// coreAccountRoles maps the core accounts' IDs to the fields that name them.
func (c Config) coreAccountRoles() map[string]string {
	return map[string]string{
		c.Organization.ManagementAccount: "organization.managementAccount",
		c.Accounts.LogArchive:            "accounts.logArchive",
		c.Accounts.Audit:                 "accounts.audit",
		c.Accounts.Network:               "accounts.network",
	}
}
