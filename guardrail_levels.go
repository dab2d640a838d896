package landingzone

import (
	"fmt"
	"slices"
	"sort"

	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/constructs/organization/scpsim"
)

// GuardrailLevels returns the service control policies in force for the account with
// ID account, level by level as scpsim.Evaluate takes them: the root, each OU on the
// account's path in organizationalUnits, then the account. Every level holds
// FullAWSAccess, which AWS attaches to each root, OU and account and the landing zone
// leaves in place, and the guardrails the Organization stack attaches there.
//
// A workload account sits in its workloads[].ou; the core accounts (log archive,
// audit, network), the pipeline's and the StackSets administrator's sit wherever the
// organization keeps them, which the configuration does not say: they get the root's
// guardrails, the only ones the landing zone attaches above them. For the management
// account it returns no levels: SCPs do not apply there (AWS Organizations User
// Guide, "Service control policies"). For an account the configuration does not hold,
// or a landing zone without its Organization stack, it returns an error.
//
// A test adds its own SCPs to a level to check them together with the guardrails.
func (lz *LandingZone) GuardrailLevels(account string) ([]scpsim.Level, error) {
	c := lz.cfg
	if account == c.Organization.ManagementAccount {
		return nil, nil
	}
	if !slices.Contains(c.AccountIDs(), account) {
		return nil, fmt.Errorf("landingzone: GuardrailLevels: account %q is not in the configuration", account)
	}
	if lz.Organization == nil {
		return nil, fmt.Errorf("landingzone: GuardrailLevels: the landing zone has no Organization stack, which attaches the guardrails")
	}
	var ous []string // from the account's OU up to the root
	for _, w := range c.Workloads {
		if w.ID == account && w.OU != "" {
			for ou := w.OU; ou != ""; ou = c.ouParent(ou) {
				if slices.Contains(ous, ou) {
					break // a cycle, which validation reports
				}
				ous = append(ous, ou)
			}
			break
		}
	}
	slices.Reverse(ous)
	levels := []scpsim.Level{{Name: "root"}}
	for _, ou := range ous {
		levels = append(levels, scpsim.Level{Name: "OU " + ou})
	}
	levels = append(levels, scpsim.Level{Name: "account " + account})
	for i := range levels {
		levels[i].Policies = []scpsim.Policy{scpsim.FullAWSAccess()}
	}
	names := make([]string, 0, len(lz.Organization.Guardrails))
	for name := range lz.Organization.Guardrails {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		g := lz.Organization.Guardrails[name]
		for _, t := range g.Targets {
			if i := levelOf(t, c, ous, account); i >= 0 {
				levels[i].Policies = append(levels[i].Policies, scpsim.Policy{Name: g.Name, Document: g.Document})
			}
		}
	}
	return levels, nil
}

// levelOf is the index in the levels of GuardrailLevels of the level that t is, or -1
// when t is not on the account's path.
func levelOf(t organization.Target, c Config, ous []string, account string) int {
	switch {
	case t.ID == c.Organization.RootID:
		return 0
	case t.ID == account:
		return len(ous) + 1
	}
	for i, ou := range ous {
		// An OU of the tree is named by its target; an existing OU is named by its ID.
		if t.Name == ou || t.ID == ou {
			return i + 1
		}
	}
	return -1
}

// ouParent is the parent of the OU named name; empty for the root or an OU not in
// organizationalUnits.
func (c Config) ouParent(name string) string {
	for _, ou := range c.OrganizationalUnits {
		if ou.Name == name {
			return ou.Parent
		}
	}
	return ""
}
