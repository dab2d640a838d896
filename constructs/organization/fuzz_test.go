package organization_test

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// The guardrails' and the structure's validation never panics, and every problem names
// its field and stays short, whatever the input.
func FuzzGuardrailPropsValidate(f *testing.F) {
	f.Add("r-a1b2", "Admin", "cdk-lzadmin-*,*", "eu-west-1,eu-wset-1", "s3:*", "lz-logs-1", "alias/lz", "Workloads,Prod", "Prod")
	f.Add("", "", "", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, target, admin, exempt, regions, actions, buckets, aliases, ous, parent string) {
		base := organization.GuardrailProps{Targets: []organization.Target{{ID: target}}, AdminRoleName: admin, ExemptRoleNames: split(exempt)}
		lztest.CheckFuzzError(t, organization.RegionDenyProps{GuardrailProps: base, AllowedRegions: split(regions), ExemptActions: split(actions)}.Validate(), "organization: RegionDenyProps")
		lztest.CheckFuzzError(t, organization.ProtectLandingZoneProps{GuardrailProps: base, Buckets: split(buckets), KeyAliases: split(aliases), RoleNames: split(exempt)}.Validate(), "organization: ProtectLandingZoneProps")
		var tree []organization.OrganizationalUnitProps
		for _, name := range split(ous) {
			tree = append(tree, organization.OrganizationalUnitProps{Name: name, Parent: parent})
		}
		lztest.CheckFuzzError(t, organization.StructureProps{RootID: target, OrganizationalUnits: tree}.Validate(), "organization: StructureProps")
	})
}
