package landingzone

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aws/constructs-go/constructs/v10"

	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/internal/check"
)

// Guardrails configures the service control policies the Organization stack attaches.
// The zero value attaches all seven: at the root, deny leaving the organization, deny
// the root user, protect the security services and protect the landing zone's logs and
// roles; on the workloads' OUs, deny regions outside the governed ones, require
// IMDSv2 and protect the S3 account public-access block.
type Guardrails struct {
	// Disabled attaches no guardrail, for organizations whose SCPs are managed
	// elsewhere (AWS Control Tower). False attaches them.
	Disabled bool `json:"disabled,omitempty"`
	// AdminRoleName is the landing-zone administration role every guardrail exempts.
	// Empty means OrganizationAccountAccessRole.
	AdminRoleName string `json:"adminRoleName,omitempty"`
	// ExemptRoleNames are roles exempt besides the admin role and the landing zone's
	// own deploy roles, which every guardrail exempts without being listed here (see
	// Config.DeployRoleNames: the roles of the bootstrap of
	// deployment.bootstrapQualifier, and StackSets' execution role in mode
	// stacksets). Empty means none.
	ExemptRoleNames []string `json:"exemptRoleNames,omitempty"`
	// AllowedRegions are the regions the region-deny guardrail leaves open. Empty
	// means the governed regions.
	AllowedRegions []string `json:"allowedRegions,omitempty"`
	// ExemptActions are actions the region deny lets through in any region, beyond
	// AWS's global services. Empty means none.
	ExemptActions []string `json:"exemptActions,omitempty"`
	// WorkloadOUs are the OUs that get the workload guardrails. Empty means the OUs
	// the workloads name, or the root when they name none.
	WorkloadOUs []string `json:"workloadOUs,omitempty"`
}

// guardrailBase is what every guardrail of the configuration shares, for targets.
func (c Config) guardrailBase(targets []organization.Target) organization.GuardrailProps {
	g := c.Guardrails
	return organization.GuardrailProps{Targets: targets, AdminRoleName: g.AdminRoleName, ExemptRoleNames: c.exemptRoleNames()}
}

// guardrailSpec is one guardrail of the Organization stack: its construct ID, and its
// props both validated alone (at load time) and built (by New), so that the two cannot
// drift apart.
type guardrailSpec struct {
	id       string
	validate func() error
	build    func(s constructs.Construct, id string) (*organization.Guardrail, error)
}

// guardrailSpecs lists the guardrails, attached to root or to the workload OUs.
func (c Config) guardrailSpecs(root, workload []organization.Target) []guardrailSpec {
	leave := organization.DenyLeaveOrganizationProps{GuardrailProps: c.guardrailBase(root)}
	rootUser := organization.DenyRootUserProps{GuardrailProps: c.guardrailBase(root)}
	security := organization.ProtectSecurityServicesProps{GuardrailProps: c.guardrailBase(root)}
	protect := organization.ProtectLandingZoneProps{
		GuardrailProps: c.guardrailBase(root),
		Buckets:        c.logArchiveBuckets(),
		KeyAliases:     []string{logKeyAlias(c.prefix())},
	}
	regions := organization.RegionDenyProps{
		GuardrailProps: c.guardrailBase(workload), AllowedRegions: c.allowedRegions(), ExemptActions: c.Guardrails.ExemptActions,
	}
	imds := organization.RequireIMDSv2Props{GuardrailProps: c.guardrailBase(workload)}
	s3 := organization.ProtectS3PublicAccessBlockProps{GuardrailProps: c.guardrailBase(workload)}
	return []guardrailSpec{
		{"DenyLeaveOrganization", leave.Validate, func(s constructs.Construct, id string) (*organization.Guardrail, error) {
			return organization.NewDenyLeaveOrganization(s, id, leave)
		}},
		{"DenyRootUser", rootUser.Validate, func(s constructs.Construct, id string) (*organization.Guardrail, error) {
			return organization.NewDenyRootUser(s, id, rootUser)
		}},
		{"ProtectSecurityServices", security.Validate, func(s constructs.Construct, id string) (*organization.Guardrail, error) {
			return organization.NewProtectSecurityServices(s, id, security)
		}},
		{"ProtectLandingZone", protect.Validate, func(s constructs.Construct, id string) (*organization.Guardrail, error) {
			return organization.NewProtectLandingZone(s, id, protect)
		}},
		{"RegionDeny", regions.Validate, func(s constructs.Construct, id string) (*organization.Guardrail, error) {
			return organization.NewRegionDeny(s, id, regions)
		}},
		{"RequireIMDSv2", imds.Validate, func(s constructs.Construct, id string) (*organization.Guardrail, error) {
			return organization.NewRequireIMDSv2(s, id, imds)
		}},
		{"ProtectS3PublicAccessBlock", s3.Validate, func(s constructs.Construct, id string) (*organization.Guardrail, error) {
			return organization.NewProtectS3PublicAccessBlock(s, id, s3)
		}},
	}
}

// guardrailField maps a field of the props of guardrail id to the configuration path
// it comes from; it leaves out the targets, which are the OUs' IDs known only to the
// Organization stack (their names are checked against organizationalUnits).
func (c Config) guardrailField(id string) func(string) (string, bool) {
	deploy := len(c.DeployRoleNames())
	return func(field string) (string, bool) {
		field = strings.TrimPrefix(field, id+"Props")
		field = strings.TrimPrefix(field, ".")
		head, rest, _ := strings.Cut(field, ".")
		name, index, indexed := strings.Cut(head, "[")
		i, _ := strconv.Atoi(strings.TrimSuffix(index, "]"))
		var path string
		switch name {
		case "":
			return "guardrails", true
		case "Targets":
			return "", false
		case "ExemptRoleNames":
			if !indexed || i < deploy {
				// The landing zone's own deploy roles, from the qualifier.
				return "deployment.bootstrapQualifier", true
			}
			path = check.Index("guardrails.exemptRoleNames", i-deploy)
		case "AllowedRegions":
			if len(c.Guardrails.AllowedRegions) == 0 {
				return "organization.governedRegions", true
			}
			path = "guardrails.allowedRegions"
			if indexed {
				path = check.Index(path, i)
			}
		case "Buckets", "KeyAliases":
			// Named after organization.prefix and the log archive account.
			return "organization.prefix", true
		default:
			path = "guardrails." + check.JSONName(head)
		}
		if rest != "" {
			path += "." + check.JSONName(rest)
		}
		return path, true
	}
}

// allowedRegions resolves Guardrails.AllowedRegions.
func (c Config) allowedRegions() []string {
	if len(c.Guardrails.AllowedRegions) > 0 {
		return c.Guardrails.AllowedRegions
	}
	return c.regions()
}

// workloadOUs resolves Guardrails.WorkloadOUs; an empty name stands for the root.
func (c Config) workloadOUs() []string {
	if len(c.Guardrails.WorkloadOUs) > 0 {
		return c.Guardrails.WorkloadOUs
	}
	seen := map[string]bool{}
	var out []string
	for _, w := range c.Workloads {
		if !seen[w.OU] {
			seen[w.OU] = true
			out = append(out, w.OU)
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// structureProps is the OU tree and the accounts the Organization stack creates.
func (c Config) structureProps() organization.StructureProps {
	p := organization.StructureProps{
		RootID: c.Organization.RootID,
		Naming: organization.AccountNaming{EmailPrefix: c.Organization.AccountEmail.Prefix, EmailDomain: c.Organization.AccountEmail.Domain},
	}
	for _, ou := range c.OrganizationalUnits {
		p.OrganizationalUnits = append(p.OrganizationalUnits, organization.OrganizationalUnitProps{Name: ou.Name, Parent: ou.Parent})
	}
	for _, w := range c.Workloads {
		if w.CreateAccount {
			p.Accounts = append(p.Accounts, organization.AccountProps{Env: w.Environment, Team: w.Team, System: w.System, Name: w.Name, OU: w.OU})
		}
	}
	return p
}

func (c Config) validateGuardrails(l *check.List) {
	g := c.Guardrails
	for i, r := range g.AllowedRegions {
		check.Region(l, check.Index("guardrails.allowedRegions", i), r)
	}
	known := c.ouNames()
	for i, ou := range g.WorkloadOUs {
		if !known[ou] {
			l.Addf(check.Index("guardrails.workloadOUs", i), ou, "no OU of that name in organizationalUnits")
		}
	}
	if !g.Disabled && len(g.WorkloadOUs) == 0 {
		// The root holds FullAWSAccess and four guardrails: the quota of five SCPs per
		// target leaves no room for the workload guardrails there.
		for i, w := range c.Workloads {
			if w.OU == "" {
				l.Addf(fmt.Sprintf("workloads[%d].ou", i), nil, "required while guardrails are on: the workload guardrails attach to the workloads' OUs, and the root has no room for them (five SCPs per target); or name OUs in guardrails.workloadOUs")
			}
		}
	}
	check.Duplicates(l, "guardrails.workloadOUs[%d]", g.WorkloadOUs)
	if !g.Disabled && c.coreKnown() {
		// Each guardrail as New builds it, but for its targets (the OUs' IDs). A field
		// they share, such as an exempt role, is reported once.
		for _, spec := range c.guardrailSpecs(nil, nil) {
			l.MergeFunc("guardrails", spec.validate(), c.guardrailField(spec.id))
		}
	}
	// OU names, parents and cycles, as the Organization stack sees them; the root ID
	// and the workloads' own checks cover the rest.
	l.MergeAsExcept("", "StructureProps.", c.structureProps().Validate(), "RootID", "Accounts", "Naming")
}
