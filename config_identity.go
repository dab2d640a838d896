package landingzone

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/go-landingzone/landingzone/constructs/identity"
	"github.com/go-landingzone/landingzone/internal/check"
)

// Identity configures IAM Identity Center and the roles outside it. The Identity
// stacks are built in the management account, in Region.
type Identity struct {
	// InstanceArn is the Identity Center instance ("arn:aws:sso:::instance/ssoins-...").
	// Required.
	InstanceArn string `json:"instanceArn"`
	// Region is Identity Center's home region. Empty means the home region.
	Region string `json:"region,omitempty"`
	// PermissionSets are the permission sets, one per persona or variant. Empty means
	// none.
	PermissionSets []PermissionSet `json:"permissionSets,omitempty"`
	// TimeBoxed are elevated-access permission sets that stop working at their expiry.
	TimeBoxed []TimeBoxed `json:"timeBoxed,omitempty"`
	// Assignments give groups permission sets on accounts or whole OUs.
	Assignments []Assignment `json:"assignments,omitempty"`
	// StackCount pins the number of assignment stacks, so that adding assignments
	// never moves an account between stacks. Zero means the fewest that fit.
	StackCount int `json:"stackCount,omitempty"`
	// MaxAssignmentsPerStack bounds each assignment stack. Zero means 400.
	MaxAssignmentsPerStack int `json:"maxAssignmentsPerStack,omitempty"`
	// AuditRole is a role for a third-party auditor in every workload account. Nil
	// means none.
	AuditRole *AuditRole `json:"auditRole,omitempty"`
	// Saml federates an external identity provider into every workload account, for
	// teams not on Identity Center. Nil means none.
	Saml *Saml `json:"saml,omitempty"`
}

// PermissionSet is one Identity Center permission set; see identity.PermissionSetProps.
type PermissionSet struct {
	// Name names the permission set. Empty means the persona's default name.
	Name string `json:"name,omitempty"`
	// Persona is administrator, developer, operator, content-editor, read-only,
	// view-only or security-auditor. Required.
	Persona string `json:"persona" jsonschema:"enum=administrator,enum=developer,enum=operator,enum=content-editor,enum=read-only,enum=view-only,enum=security-auditor"`
	// Description describes it. Empty means the persona's description.
	Description string `json:"description,omitempty"`
	// SessionDuration is an ISO 8601 duration, PT1H to PT12H. Empty means PT1H.
	SessionDuration string `json:"sessionDuration,omitempty"`
	// BoundaryPolicyName and BoundaryManagedPolicy set a permissions boundary by
	// customer-managed policy name or AWS-managed policy name. Empty means none.
	BoundaryPolicyName    string `json:"boundaryPolicyName,omitempty"`
	BoundaryManagedPolicy string `json:"boundaryManagedPolicy,omitempty"`
	// ContentTagKey and ContentTagValue are the bucket tag a content editor may write
	// to. Required for content-editor, refused otherwise.
	ContentTagKey   string `json:"contentTagKey,omitempty"`
	ContentTagValue string `json:"contentTagValue,omitempty"`
}

// TimeBoxed is a permission set whose grant works only until it expires.
type TimeBoxed struct {
	// Name names the permission set. Required.
	Name string `json:"name"`
	// Description says why the access exists. Empty means a generated one.
	Description string `json:"description,omitempty"`
	// SessionDuration is an ISO 8601 duration. Empty means PT1H.
	SessionDuration string `json:"sessionDuration,omitempty"`
	// Grant is what the access allows, and until when. Required.
	Grant Grant `json:"grant"`
}

// Grant is elevated access that expires.
type Grant struct {
	// Actions and Resources are what the access allows. Required.
	Actions   []string `json:"actions"`
	Resources []string `json:"resources"`
	// ExpiresAt is the instant the access ends, RFC 3339 ("2026-12-01T18:00:00Z"), in
	// the future and at most 30 days ahead. Required.
	ExpiresAt string `json:"expiresAt"`
}

// Assignment gives a group a permission set on accounts and OUs.
type Assignment struct {
	// GroupID is the Identity Store ID of the group. Required.
	GroupID string `json:"groupId"`
	// PermissionSet names a permission set of permissionSets or timeBoxed. Required.
	PermissionSet string `json:"permissionSet"`
	// Accounts are workload names, core roles (logArchive, audit, network) or
	// 12-digit account IDs. Empty means none.
	Accounts []string `json:"accounts,omitempty"`
	// OrganizationalUnits are OU names; every workload account in the OU or below it
	// is covered. Empty means none.
	OrganizationalUnits []string `json:"organizationalUnits,omitempty"`
}

// AuditRole is the third-party auditor's role; see identity.AuditRoleProps.
type AuditRole struct {
	// TrustedAccount or TrustedPrincipalArn is who may assume the role; one is
	// required.
	TrustedAccount      string `json:"trustedAccount,omitempty"`
	TrustedPrincipalArn string `json:"trustedPrincipalArn,omitempty"`
	// ExternalID is the secret the auditor passes, 2 to 1224 characters. Required.
	ExternalID string `json:"externalId"`
	// Access is view-only or read-only. Empty means view-only.
	Access string `json:"access,omitempty" jsonschema:"enum=view-only,enum=read-only"`
}

// Saml federates an external identity provider; see identity.SamlFederationProps.
type Saml struct {
	// ProviderName names the IAM SAML provider. Empty means the identity package's
	// default.
	ProviderName string `json:"providerName,omitempty"`
	// MetadataDocument is the provider's SAML metadata XML. Required.
	MetadataDocument string `json:"metadataDocument"`
	// Roles are the federated roles, by persona. Required.
	Roles []SamlRole `json:"roles"`
}

// SamlRole is one federated role.
type SamlRole struct {
	// Name names the role. Required.
	Name string `json:"name"`
	// Persona is the role's permissions, as for permission sets. Required.
	Persona string `json:"persona"`
	// MaxSessionDuration is an ISO 8601 duration. Empty means PT1H.
	MaxSessionDuration string `json:"maxSessionDuration,omitempty"`
}

// identityRegion resolves Identity.Region.
func (c Config) identityRegion() string {
	if c.Identity != nil && c.Identity.Region != "" {
		return c.Identity.Region
	}
	return c.Organization.HomeRegion
}

func (p PermissionSet) props(instanceArn string) identity.PermissionSetProps {
	return identity.PermissionSetProps{
		InstanceArn: instanceArn, Persona: identity.Persona(p.Persona), Name: p.Name, Description: p.Description,
		SessionDuration: p.SessionDuration, BoundaryPolicyName: p.BoundaryPolicyName, BoundaryManagedPolicy: p.BoundaryManagedPolicy,
		ContentTagKey: p.ContentTagKey, ContentTagValue: p.ContentTagValue,
	}
}

// resolvedName is the permission set's name, given or the persona's default.
func (p PermissionSet) resolvedName() string {
	if p.Name != "" {
		return p.Name
	}
	return identity.Persona(p.Persona).DefaultName()
}

// props turns t into the construct's props; the expiry must parse as RFC 3339.
func (t TimeBoxed) props(instanceArn string, now func() time.Time) (identity.TimeBoxedPermissionSetProps, error) {
	expiry, err := time.Parse(time.RFC3339, t.Grant.ExpiresAt)
	return identity.TimeBoxedPermissionSetProps{
		InstanceArn: instanceArn, Name: t.Name, Description: t.Description, SessionDuration: t.SessionDuration,
		Grant: identity.Grant{Actions: t.Grant.Actions, Resources: t.Grant.Resources, ExpiresAt: expiry}, Now: now,
	}, err
}

func (a AuditRole) props() identity.AuditRoleProps {
	return identity.AuditRoleProps{TrustedAccount: a.TrustedAccount, TrustedPrincipalArn: a.TrustedPrincipalArn, ExternalID: a.ExternalID, Access: identity.AuditAccess(a.Access)}
}

func (s Saml) props() identity.SamlFederationProps {
	p := identity.SamlFederationProps{ProviderName: s.ProviderName, MetadataDocument: s.MetadataDocument}
	for _, r := range s.Roles {
		p.Roles = append(p.Roles, identity.SamlRole{Name: r.Name, Persona: identity.Persona(r.Persona), MaxSessionDuration: r.MaxSessionDuration})
	}
	return p
}

// accountsOf resolves an assignment's account references to IDs; unknown ones are
// reported against field.
func (c Config) accountsOf(l *check.List, field string, refs []string) []string {
	byName := map[string]string{"logArchive": c.Accounts.LogArchive, "audit": c.Accounts.Audit, "network": c.Accounts.Network}
	for _, w := range c.Workloads {
		byName[w.name()] = w.ID
	}
	var ids []string
	for i, ref := range refs {
		id, known := byName[ref]
		switch {
		case known && id == "":
			l.Addf(check.Index(field, i), ref, "the workload's account is not created yet; set its id first")
		case known:
			ids = append(ids, id)
		case accountIDPattern.MatchString(ref):
			ids = append(ids, ref)
		default:
			l.Addf(check.Index(field, i), ref, "not a workload name, a core role (logArchive, audit, network) or a 12-digit account ID")
		}
	}
	return ids
}

var accountIDPattern = regexp.MustCompile(`^\d{12}$`)

// ouAccounts maps every OU to the IDs of the workload accounts in it or below it.
func (c Config) ouAccounts() map[string][]string {
	parent := map[string]string{}
	for _, ou := range c.OrganizationalUnits {
		parent[ou.Name] = ou.Parent
	}
	out := map[string][]string{}
	for _, ou := range c.OrganizationalUnits {
		out[ou.Name] = nil
	}
	for _, w := range c.Workloads {
		if w.ID == "" {
			continue
		}
		// Walk up the tree; the depth bound stops on a cycle, which validation reports.
		for ou, depth := w.OU, 0; ou != "" && depth <= len(parent); ou, depth = parent[ou], depth+1 {
			out[ou] = append(out[ou], w.ID)
		}
	}
	return out
}

// assignments resolves the configured assignments to the construct's, with account
// IDs; problems are reported against their paths.
func (c Config) assignments(l *check.List) []identity.Assignment {
	id := c.Identity
	names := map[string]bool{}
	for _, p := range id.PermissionSets {
		names[p.resolvedName()] = true
	}
	for _, t := range id.TimeBoxed {
		names[t.Name] = true
	}
	ous := c.ouNames()
	var out []identity.Assignment
	for i, a := range id.Assignments {
		path := fmt.Sprintf("identity.assignments[%d].", i)
		if !names[a.PermissionSet] {
			l.Addf(path+"permissionSet", a.PermissionSet, "no permission set of that name in identity.permissionSets or identity.timeBoxed")
		}
		for j, ou := range a.OrganizationalUnits {
			if !ous[ou] {
				l.Addf(check.Index(path+"organizationalUnits", j), ou, "no OU of that name in organizationalUnits")
			}
		}
		out = append(out, identity.Assignment{
			GroupID: a.GroupID, PermissionSet: a.PermissionSet,
			Accounts: c.accountsOf(l, path+"accounts", a.Accounts), OrganizationalUnits: a.OrganizationalUnits,
		})
	}
	return out
}

func (c Config) validateIdentity(l *check.List, now func() time.Time) {
	id := c.Identity
	if id == nil {
		return
	}
	required(l, "identity.instanceArn", id.InstanceArn, func(l *check.List, field, v string) {
		check.ParseARN(l, field, v, "sso", "instance/")
	})
	if id.Region != "" {
		check.Region(l, "identity.region", id.Region)
	}
	// Identity Center names permission sets uniquely per instance, and the landing
	// zone names its stacks' resources after them: two of one name cannot coexist.
	seen := map[string]string{}
	for i, p := range id.PermissionSets {
		path := fmt.Sprintf("identity.permissionSets[%d].", i)
		l.MergeAsExcept(path, "PermissionSetProps.", p.props(id.InstanceArn).Validate(), "InstanceArn")
		if first, dup := seen[p.resolvedName()]; dup {
			l.Addf(path+"name", p.resolvedName(), "the name of %s already (names default to the persona's)", first)
		} else {
			seen[p.resolvedName()] = strings.TrimSuffix(path, ".")
		}
	}
	for i, t := range id.TimeBoxed {
		if first, dup := seen[t.Name]; dup && t.Name != "" {
			l.Addf(fmt.Sprintf("identity.timeBoxed[%d].name", i), t.Name, "the name of %s already", first)
		}
	}
	for i, t := range id.TimeBoxed {
		path := fmt.Sprintf("identity.timeBoxed[%d].", i)
		props, err := t.props(id.InstanceArn, now)
		skip := []string{"InstanceArn"}
		if err != nil {
			l.Addf(path+"grant.expiresAt", t.Grant.ExpiresAt, "not an RFC 3339 time such as \"2026-12-01T18:00:00Z\"")
			skip = append(skip, "Grant.ExpiresAt") // reported just now
		}
		l.MergeAsExcept(path, "TimeBoxedPermissionSetProps.", props.Validate(), skip...)
	}
	c.assignments(l)
	if id.StackCount < 0 {
		l.Addf("identity.stackCount", id.StackCount, "must not be negative; zero means the fewest that fit")
	}
	if id.AuditRole != nil {
		l.MergeAs("identity.auditRole.", "AuditRoleProps.", id.AuditRole.props().Validate())
	}
	if id.Saml != nil {
		l.MergeAs("identity.saml.", "SamlFederationProps.", id.Saml.props().Validate())
	}
}

// assignmentStackCount is the number of IdentityAssignments stacks, planned by the
// identity package as NewAssignmentStacks would lay them out; zero without
// assignments or when they cannot be planned.
func (c Config) assignmentStackCount() int {
	id := c.Identity
	if id == nil || len(id.Assignments) == 0 {
		return 0
	}
	// Plan needs the permission sets only by name: stand in for their ARNs, which
	// exist after deployment, with one of the instance's form.
	partition, instance, ok := strings.Cut(id.InstanceArn, ":sso:::instance/")
	placeholder := partition + ":sso:::permissionSet/" + instance + "/ps-0000000000000000"
	external := map[string]string{}
	for _, p := range id.PermissionSets {
		external[p.resolvedName()] = placeholder
	}
	for _, t := range id.TimeBoxed {
		external[t.Name] = placeholder
	}
	var ignored check.List
	shards, err := identity.AssignmentStacksProps{
		Account: c.Organization.ManagementAccount, Region: c.identityRegion(), InstanceArn: id.InstanceArn,
		ExternalPermissionSets: external, OrganizationalUnits: c.ouAccounts(), Assignments: c.assignments(&ignored),
		MaxAssignmentsPerStack: id.MaxAssignmentsPerStack, StackCount: id.StackCount,
	}.Plan()
	if !ok || err != nil {
		return 0
	}
	return len(shards)
}
