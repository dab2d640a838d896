package landingzone

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// DefaultBootstrapQualifier is the qualifier of the CDK bootstrap that deploys the
// landing zone, unless deployment.bootstrapQualifier names another. It differs from
// the CDK's own default (CDKDefaultQualifier) on purpose: the guardrails exempt the
// landing zone's deploy roles by this qualifier, and exempting the CDK's default
// bootstrap would exempt every team that deploys with the CDK.
const DefaultBootstrapQualifier = "lzadmin"

// CDKDefaultQualifier is the qualifier `cdk bootstrap` uses when given none; the
// landing zone refuses it as its own.
const CDKDefaultQualifier = "hnb659fds"

// bootstrapQualifierContext is the context key through which the CDK CLI (`cdk
// bootstrap`) and the stack synthesizers read the qualifier; cdk.json sets it.
const bootstrapQualifierContext = "@aws-cdk/core:bootstrapQualifier"

// qualifierPattern is what the bootstrap template's Qualifier parameter accepts, less
// the characters S3 refuses in the staging bucket's name, which holds the qualifier:
// 1-10 lower-case letters and digits.
var qualifierPattern = regexp.MustCompile(`^[a-z0-9]{1,10}$`)

// stackSetsExecutionRole is the role that StackSets with service-managed permissions
// creates in each target account and deploys through ("stacksets-exec-" and a hash),
// per "Configure a custom execution role template for StackSets" in the CloudFormation
// User Guide.
const stackSetsExecutionRole = "stacksets-exec-*"

// Qualifier returns the bootstrap qualifier the landing zone deploys with:
// deployment.bootstrapQualifier, or DefaultBootstrapQualifier.
func (c Config) Qualifier() string { return c.qualifier() }

// qualifier resolves Deployment.BootstrapQualifier.
func (c Config) qualifier() string {
	if q := c.Deployment.BootstrapQualifier; q != "" {
		return q
	}
	return DefaultBootstrapQualifier
}

// DeployRoleNames returns the role names, with wildcards, of the principals that
// deploy the landing zone in member accounts, which every guardrail exempts on its
// own: the roles of the landing zone's CDK bootstrap ("cdk-<qualifier>-*": the
// CloudFormation execution role, the deploy, lookup and publishing roles), the roles
// the landing zone itself names for work that the guardrails otherwise deny
// ("<qualifier>-*", such as the role that configures the audit account's GuardDuty
// detector), and, in deployment mode stacksets, StackSets' execution role
// ("stacksets-exec-*"). The guardrails also forbid anyone else to create, change or
// delete a role of these names.
func (c Config) DeployRoleNames() []string {
	q := c.qualifier()
	names := []string{"cdk-" + q + "-*", LandingZoneRoleName(q, "*")}
	if c.Deployment.stackSets() {
		names = append(names, stackSetsExecutionRole)
	}
	return names
}

// LandingZoneRoleName is the name of a role the landing zone creates for purpose
// (such as "guardduty-eu-west-1"), under the bootstrap qualifier that the guardrails
// exempt: "<qualifier>-<purpose>". IAM role names are unique per account, so a
// regional role's purpose names its region.
func LandingZoneRoleName(qualifier, purpose string) string { return qualifier + "-" + purpose }

// exemptRoleNames are the role names every guardrail exempts besides the admin role:
// the deploy roles, then guardrails.exemptRoleNames.
func (c Config) exemptRoleNames() []string {
	return append(c.DeployRoleNames(), c.Guardrails.ExemptRoleNames...)
}

func (c Config) validateBootstrap(l *check.List) {
	q := c.Deployment.BootstrapQualifier
	switch {
	case q == "":
	case !qualifierPattern.MatchString(q):
		l.Addf("deployment.bootstrapQualifier", q, "not a bootstrap qualifier: 1-10 lower-case letters and digits")
	case q == CDKDefaultQualifier:
		l.Addf("deployment.bootstrapQualifier", q, "the CDK's default qualifier: the guardrails exempt the landing zone's deploy roles by qualifier, and would exempt every team's CDK deploys; keep the default %q or choose another", DefaultBootstrapQualifier)
	}
	auto := c.DeployRoleNames()
	for i, r := range c.Guardrails.ExemptRoleNames {
		field := check.Index("guardrails.exemptRoleNames", i)
		if covering := coveringPattern(auto, r); covering != "" {
			l.Addf(field, r, "exempt already: the guardrails exempt the landing zone's deploy roles %q on their own", covering)
			continue
		}
		if strings.HasPrefix(r, "cdk-") {
			// Only another bootstrap's roles are left: a stale qualifier, or the CDK's
			// default, whose roles every team's CDK deploys use.
			other := strings.SplitN(strings.TrimPrefix(r, "cdk-"), "-", 2)[0]
			if other == CDKDefaultQualifier || strings.ContainsAny(other, "*?") {
				l.Addf(field, r, "exempts the roles of every team's CDK bootstrap (qualifier %s); the landing zone's own deploy roles are exempt on their own", CDKDefaultQualifier)
			} else {
				l.Addf(field, r, "exempts the bootstrap roles of qualifier %q, but the landing zone deploys with qualifier %q (deployment.bootstrapQualifier), whose roles are exempt on their own; remove it", other, c.qualifier())
			}
		}
	}
}

// coveringPattern returns the pattern of patterns that matches every role name that
// name matches (name itself among them when it has no wildcard), or "".
func coveringPattern(patterns []string, name string) string {
	for _, p := range patterns {
		// A pattern ending in * covers any name with its prefix; otherwise only the
		// same text does.
		if p == name {
			return p
		}
		if prefix, ok := strings.CutSuffix(p, "*"); ok && !strings.ContainsAny(prefix, "*?") && strings.HasPrefix(name, prefix) {
			return p
		}
		if matched, _ := path.Match(p, name); matched && !strings.ContainsAny(name, "*?") {
			return p
		}
	}
	return ""
}

// checkQualifierContext refuses an app whose context (cdk.json) names another
// bootstrap qualifier than the configuration: `cdk bootstrap` would then create roles
// that neither the stacks nor the guardrails use.
func checkQualifierContext(app awscdk.App, c Config) error {
	v := app.Node().TryGetContext(jsii.String(bootstrapQualifierContext))
	if v == nil {
		return nil
	}
	if q, ok := v.(string); !ok || q != c.qualifier() {
		return fmt.Errorf("landingzone: deployment.bootstrapQualifier %q: the app's context %s (cdk.json) is %v; make them equal, so that `cdk bootstrap` creates the roles the stacks deploy through: %w",
			c.qualifier(), bootstrapQualifierContext, check.FormatValue(v), ErrInvalidConfig)
	}
	return nil
}
