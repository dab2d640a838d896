package organization

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsorganizations"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// DefaultAdminRoleName is the role every guardrail exempts unless told otherwise: the
// role AWS Organizations creates in each account it creates (and Structure's accounts
// keep), which only the management account can assume. Exempting it grants nothing new:
// the management account is above every SCP anyway.
const DefaultAdminRoleName = "OrganizationAccountAccessRole"

// Construct IDs are part of the public API: changing one replaces the resource.
const idResource = "Resource"

// principalARNKey is the global condition key that holds the calling principal's ARN;
// for a role session it is the role's ARN, whichever session assumed it.
const principalARNKey = "aws:PrincipalArn"

// roleNamePattern is an IAM role name (1-64 of letters, digits and +=,.@_-) after an
// optional path of such segments, to which ArnNotLike adds the wildcards * and ?.
var roleNamePattern = regexp.MustCompile(`^([\w+=,.@*?-]+/){0,16}[\w+=,.@*?-]{1,64}$`)

// maxRolePathLength is the longest role name with its path that IAM accepts.
const maxRolePathLength = 512 + 64

// GuardrailProps are the settings every guardrail shares. Each guardrail's props embed
// them.
type GuardrailProps struct {
	// Targets are the root, OUs or accounts the policy attaches to; every account below
	// a target inherits it. Required.
	Targets []Target
	// AdminRoleName is the landing-zone administration role that the policy exempts in
	// every account: each deny statement holds the condition ArnNotLike
	// aws:PrincipalArn arn:aws:iam::*:role/<AdminRoleName>. A role name, after its
	// path when it has one ("admins/LandingZoneAdmin"; IdentityCenterRoleName for a
	// permission set); the wildcards * and ? are allowed. Empty means
	// DefaultAdminRoleName.
	AdminRoleName string
	// ExemptRoleNames are further roles exempted like AdminRoleName, for instance the
	// roles that deploy the landing zone's stacks into member accounts:
	// "stacksets-exec-*" for StackSets with service-managed permissions, or the
	// CloudFormation execution role of a CDK bootstrap kept for the landing zone
	// ("cdk-lzadmin-cfn-exec-role-*" for the qualifier lzadmin; exempting the default
	// bootstrap would exempt every team that deploys with the CDK). Empty means none.
	ExemptRoleNames []string
	// PolicyName names the SCP, unique in the organization. Empty means the guardrail's
	// default name, such as PolicyNameDenyLeaveOrganization.
	PolicyName string
}

// common gives the machinery below the shared part of any guardrail's props.
func (p GuardrailProps) common() GuardrailProps { return p }

// checkSettings is the check of a guardrail without settings of its own; the others
// replace it.
func (GuardrailProps) checkSettings(*check.List) {}

// exemptRoles lists the role names every statement exempts, the admin role first.
func (p GuardrailProps) exemptRoles() []string {
	admin := p.AdminRoleName
	if admin == "" {
		admin = DefaultAdminRoleName
	}
	return append([]string{admin}, p.ExemptRoleNames...)
}

// guardrail is what each guardrail's props contribute to the shared machinery.
type guardrail interface {
	common() GuardrailProps
	// kind names the props type, the default policy name and what the policy does.
	kind() kind
	// checkSettings records the problems of the guardrail's own fields.
	checkSettings(l *check.List)
	// statements are the deny statements, before the exemption is added to each. They
	// leave the ArnNotLike operator to the exemption.
	statements() []Statement
}

// kind describes one guardrail: the name of its props type (for messages), its default
// policy name and the policy's description.
type kind struct {
	props       string
	policyName  string
	description string
}

// Guardrail is one service control policy of the guardrail library, attached to its
// targets.
type Guardrail struct {
	constructs.Construct
	// Policy is the SCP with its attachments.
	Policy awsorganizations.CfnPolicy
	// Name is the policy's name.
	Name string
	// Document is the policy as attached, the exemption included.
	Document Document
	// Targets are where the policy is attached.
	Targets []Target
}

// Size returns the policy's size in characters, as AWS counts it against
// MaxPolicyCharacters.
//
// Like every construct type of this module, Guardrail has at least one method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (g *Guardrail) Size() int { return g.Document.Size() }

// newGuardrail validates g, against the other policies of the app too, then creates
// the policy. On error nothing is added to scope.
func newGuardrail(scope constructs.Construct, id string, g guardrail) (*Guardrail, error) {
	var where check.List
	if scopecheck.Problems(&where, scope, id, scopecheck.InStack); where.Len() > 0 {
		where.Merge("", validateAlone(g))
		return nil, where.Err(pkg)
	}
	doc, name, l := validateGuardrail(g)
	checkInApp(l, g, name, scanPolicies(scope))
	if err := l.Err(pkg); err != nil {
		return nil, err
	}
	p := g.common()
	x := &Guardrail{Name: name, Document: doc, Targets: append([]Target(nil), p.Targets...)}
	constructs.NewConstruct_Override(x, scope, jsii.String(id))
	ids := make([]string, len(p.Targets))
	for i, t := range p.Targets {
		ids[i] = t.ID
	}
	x.Policy = awsorganizations.NewCfnPolicy(x.Construct, jsii.String(idResource), &awsorganizations.CfnPolicyProps{
		Name:        jsii.String(name),
		Type:        jsii.String(serviceControlPolicy),
		Description: jsii.String(g.kind().description),
		Content:     doc.content(),
		TargetIds:   jsii.Strings(ids...),
	})
	return x, nil
}

// validateAlone is the Validate of every guardrail's props: the checks that need no app.
func validateAlone(g guardrail) error {
	_, _, l := validateGuardrail(g)
	return l.Err(pkg)
}

// validateGuardrail checks g's own props and renders its document, whose size it
// checks as well. It returns the document, the policy name and the problems found.
func validateGuardrail(g guardrail) (Document, string, *check.List) {
	var l check.List
	p, k := g.common(), g.kind()
	field := func(name string) string { return k.props + "." + name }

	if len(p.Targets) == 0 {
		l.Addf(field("Targets"), nil, "required: a guardrail attached nowhere protects nothing")
	}
	for i, t := range p.Targets {
		checkTarget(&l, check.Index(field("Targets"), i), t)
	}
	ids := make([]string, 0, len(p.Targets))
	for _, t := range p.Targets {
		if t.ID != "" { // reported above
			ids = append(ids, t.ID)
		}
	}
	if len(ids) == len(p.Targets) {
		check.Duplicates(&l, field("Targets")+"[%d].ID", ids)
	}
	if p.AdminRoleName != "" {
		checkRoleName(&l, field("AdminRoleName"), p.AdminRoleName)
	}
	for i, r := range p.ExemptRoleNames {
		checkRoleName(&l, check.Index(field("ExemptRoleNames"), i), r)
		if r == p.exemptRoles()[0] {
			l.Addf(check.Index(field("ExemptRoleNames"), i), r, "exempt already as `AdminRoleName`")
		}
	}
	check.Duplicates(&l, field("ExemptRoleNames")+"[%d]", p.ExemptRoleNames)
	name := p.PolicyName
	if name == "" {
		name = k.policyName
	} else {
		checkName(&l, field("PolicyName"), name)
	}
	g.checkSettings(&l)

	doc := Document{Version: policyVersion, Statement: withExemption(g.statements(), p.exemptRoles())}
	if size := doc.Size(); size > MaxPolicyCharacters {
		l.Addf(k.props, nil, "policy %q is %d characters, over the SCP limit of %d; list fewer values, use wildcards or split it into two guardrails",
			name, size, MaxPolicyCharacters)
	}
	return doc, name, &l
}

// checkRoleName records a problem unless name is a role name, wildcards allowed, that
// does not exempt every role.
func checkRoleName(l *check.List, field, name string) {
	switch {
	case len(name) > maxRolePathLength || !roleNamePattern.MatchString(name):
		l.Addf(field, name, "not an IAM role name: 1-64 letters, digits and +=,.@_- (wildcards * and ? allowed), after an optional path such as \"admins/\"")
	case strings.Trim(name, "*?/") == "":
		l.Addf(field, name, "matches every role, which would exempt everyone from the guardrail")
	}
}

// checkName records a problem unless name suits a policy: 1-128 printable ASCII
// characters.
func checkName(l *check.List, field, name string) {
	if len(name) < 1 || len(name) > MaxNameLength || strings.TrimFunc(name, isPrintableASCII) != "" {
		l.Addf(field, name, "not a name of 1-%d printable ASCII characters", MaxNameLength)
	}
}

// withExemption adds to every statement the condition that exempts the roles: a deny
// applies only to principals whose ARN matches none of them.
func withExemption(stmts []Statement, roles []string) []Statement {
	arns := make(Values, len(roles))
	for i, r := range roles {
		arns[i] = RoleARNPattern(r)
	}
	out := make([]Statement, len(stmts))
	for i, s := range stmts {
		c := Conditions{"ArnNotLike": {principalARNKey: arns}}
		for op, keys := range s.Condition {
			c[op] = keys
		}
		s.Condition = c
		out[i] = s
	}
	return out
}

// RoleARNPattern is the ARN pattern that matches the role named name (after its path,
// if any) in every account of the organization, as the guardrails' exemptions and
// ProtectLandingZone use it.
func RoleARNPattern(name string) string { return "arn:aws:iam::*:role/" + name }

// IdentityCenterRoleName is the role name, with its path and wildcards, of the roles
// that IAM Identity Center creates in every account assigned the permission set named
// permissionSet, for AdminRoleName or ExemptRoleNames. The path holds the Identity
// Center instance's region, except in us-east-1; the leading wildcard covers both.
// ProtectLandingZone stops anyone else from creating a role that the pattern matches.
func IdentityCenterRoleName(permissionSet string) string {
	return "aws-reserved/sso.amazonaws.com/*AWSReservedSSO_" + permissionSet + "_*"
}

// describe writes a policy's description from what it achieves; AWS limits
// descriptions to 512 characters.
func describe(what string) string { return fmt.Sprintf("landingzone guardrail: %s", what) }
