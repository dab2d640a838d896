package securityhub

import (
	"regexp"

	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"

	"github.com/go-landingzone/landingzone/internal/check"
)

// PolicyName is the name of the configuration policy NewHub creates.
const PolicyName = "landingzone"

var (
	rootID    = regexp.MustCompile(`^r-[0-9a-z]{4,32}$`)
	controlID = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*\.[0-9]+$`)
)

// HubProps configures NewHub. Its zero value is not valid: OrganizationRootID and
// AlertTopic are required. With them, every account of the organization runs AWS
// Foundational Security Best Practices and CIS v3.0.0 with every control on, in every
// region, and HIGH and CRITICAL findings alert.
type HubProps struct {
	// OrganizationRootID is the organization's root, such as "r-ab12", that the
	// configuration policy is associated with, so that it applies to every account,
	// present and future. Required.
	OrganizationRootID string
	// AlertTopic receives the findings that alert, as EventBridge delivers them. A
	// topic encrypted with a KMS key must let events.amazonaws.com use the key; the CDK
	// grants it when the key is defined in the same app. Required.
	AlertTopic awssns.ITopic

	// CISVersion is the version of the CIS AWS Foundations Benchmark to run. Empty
	// means DefaultCISVersion.
	CISVersion CISVersion
	// DisabledControls lists security controls, by ID such as "IAM.6", turned off in
	// every account. Empty means every control of the enabled standards, including
	// controls AWS adds later.
	DisabledControls []string
	// LinkedRegions lists the regions whose findings are aggregated into the home
	// region (the stack's), and where the configuration policy applies. Empty means
	// every region, including regions AWS adds later.
	LinkedRegions []string

	// AlertSeverity is the lowest severity that alerts. Empty means
	// DefaultAlertSeverity: HIGH and CRITICAL.
	AlertSeverity Severity
	// SkipGuardDutyFindings leaves GuardDuty's findings out of the alerts, for a
	// landing zone whose package guardduty alerts on them already; one message per
	// finding is enough. False alerts on them here too.
	SkipGuardDutyFindings bool
}

// Validate reports every problem in p that does not depend on the stack, with fields
// named as in HubProps ("HubProps.OrganizationRootID"). NewHub also checks
// LinkedRegions against the stack's region.
func (p HubProps) Validate() error {
	return p.validate("").Err("securityhub")
}

// validate checks p; home is the stack's region, empty when unknown.
func (p HubProps) validate(home string) *check.List {
	var l check.List
	switch {
	case p.OrganizationRootID == "":
		l.Addf("HubProps.OrganizationRootID", p.OrganizationRootID, "required")
	case !rootID.MatchString(p.OrganizationRootID):
		l.Addf("HubProps.OrganizationRootID", p.OrganizationRootID, "not an organization root ID such as \"r-ab12\"")
	}
	if p.AlertTopic == nil {
		l.Addf("HubProps.AlertTopic", nil, "required")
	}
	if !p.CISVersion.Valid() {
		l.Addf("HubProps.CISVersion", string(p.CISVersion), "unknown version; want one of %q", CISVersions())
	}
	for i, id := range p.DisabledControls {
		if !controlID.MatchString(id) {
			l.Addf(check.Index("HubProps.DisabledControls", i), id, "not a security control ID such as \"IAM.6\"")
		}
	}
	check.Duplicates(&l, "HubProps.DisabledControls[%d]", p.DisabledControls)
	for i, region := range p.LinkedRegions {
		field := check.Index("HubProps.LinkedRegions", i)
		check.Region(&l, field, region)
		if home != "" && region == home {
			l.Addf(field, region, "is the home region, which aggregates the others; list linked regions only")
		}
	}
	check.Duplicates(&l, "HubProps.LinkedRegions[%d]", p.LinkedRegions)
	if !p.AlertSeverity.Valid() {
		l.Addf("HubProps.AlertSeverity", string(p.AlertSeverity), "unknown severity; want one of %q", Severities())
	}
	return &l
}
