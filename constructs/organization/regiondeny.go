package organization

import (
	"regexp"
	"slices"

	"github.com/aws/constructs-go/constructs/v10"

	"github.com/go-landingzone/landingzone/internal/check"
)

// PolicyNameRegionDeny is the default name of NewRegionDeny's policy.
const PolicyNameRegionDeny = "landingzone-region-deny"

// GlobalServiceActions returns, in a new slice at each call, the actions NewRegionDeny
// never denies: those of global services, whose single endpoint (mostly in us-east-1)
// receives every request whatever region a caller works in, and of the regional
// services (ACM, KMS, Config) that global services such as CloudFront use from
// us-east-1. The list is AWS's own, from the region-deny example SCP of the AWS
// Organizations User Guide ("Deny access to AWS based on the requested AWS Region"),
// in its order. AWS notes that it may lack newer global services;
// RegionDenyProps.ExemptActions adds to it.
func GlobalServiceActions() []string {
	return []string{
		"a4b:*", "acm:*", "aws-marketplace-management:*", "aws-marketplace:*", "aws-portal:*",
		"budgets:*", "ce:*", "chime:*", "cloudfront:*", "config:*", "cur:*", "directconnect:*",
		"ec2:DescribeRegions", "ec2:DescribeTransitGateways", "ec2:DescribeVpnGateways",
		"fms:*", "globalaccelerator:*", "health:*", "iam:*", "importexport:*", "kms:*",
		"mobileanalytics:*", "networkmanager:*", "organizations:*", "pricing:*",
		"route53:*", "route53domains:*", "route53-recovery-cluster:*",
		"route53-recovery-control-config:*", "route53-recovery-readiness:*",
		"s3:GetAccountPublic*", "s3:ListAllMyBuckets", "s3:ListMultiRegionAccessPoints", "s3:PutAccountPublic*",
		"shield:*", "sts:*", "support:*", "trustedadvisor:*",
		"waf-regional:*", "waf:*", "wafv2:*", "wellarchitected:*",
	}
}

// actionPattern is an IAM action, "service:Action", wildcards allowed in the action.
var actionPattern = regexp.MustCompile(`^[a-z0-9-]+:[A-Za-z0-9*?]+$`)

// RegionDenyProps configures NewRegionDeny.
type RegionDenyProps struct {
	GuardrailProps
	// AllowedRegions are the regions where member accounts may work, such as
	// "eu-west-1". Required: list every region the landing zone deploys to, its home
	// region included.
	AllowedRegions []string
	// ExemptActions are actions, "service:Action" with wildcards, allowed in every
	// region in addition to GlobalServiceActions, for global services the list lacks.
	// Empty means none.
	ExemptActions []string
}

// NewRegionDeny attaches a policy that denies every action requested in a region
// outside AllowedRegions, except the actions of global services. On error nothing is
// added to scope.
func NewRegionDeny(scope constructs.Construct, id string, props RegionDenyProps) (*Guardrail, error) {
	return newGuardrail(scope, id, props)
}

// Validate reports every problem in p that does not depend on the app.
func (p RegionDenyProps) Validate() error { return validateAlone(p) }

func (RegionDenyProps) kind() kind {
	return kind{"RegionDenyProps", PolicyNameRegionDeny, describe("actions are denied outside the allowed regions, global services excepted")}
}

func (p RegionDenyProps) checkSettings(l *check.List) {
	if len(p.AllowedRegions) == 0 {
		l.Addf("RegionDenyProps.AllowedRegions", nil, "required: list the regions the landing zone works in")
	}
	for i, r := range p.AllowedRegions {
		check.Region(l, check.Index("RegionDenyProps.AllowedRegions", i), r)
	}
	check.Duplicates(l, "RegionDenyProps.AllowedRegions[%d]", p.AllowedRegions)
	for i, a := range p.ExemptActions {
		field := check.Index("RegionDenyProps.ExemptActions", i)
		switch {
		case !actionPattern.MatchString(a):
			l.Addf(field, a, "not an IAM action such as \"bedrock:InvokeModel\" or \"bedrock:*\"")
		case slices.Contains(GlobalServiceActions(), a):
			l.Addf(field, a, "already in GlobalServiceActions")
		}
	}
	check.Duplicates(l, "RegionDenyProps.ExemptActions[%d]", p.ExemptActions)
}

func (p RegionDenyProps) statements() []Statement {
	return []Statement{{
		Sid:       "DenyOutsideAllowedRegions",
		Effect:    "Deny",
		NotAction: append(GlobalServiceActions(), p.ExemptActions...),
		Resource:  Values{"*"},
		Condition: Conditions{"StringNotEquals": {"aws:RequestedRegion": p.AllowedRegions}},
	}}
}
