package guardduty

import (
	"regexp"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Defaults of DetectorProps.
const (
	// DefaultMinSeverity sends High (7.0-8.9) and Critical (9.0-10.0) findings to the
	// alert topic; Medium and Low ones stay in GuardDuty and the archive.
	DefaultMinSeverity = 7
	// DefaultFindingsPrefix is the key prefix of the findings in the log archive bucket.
	DefaultFindingsPrefix = "guardduty"
	// FindingPublishingFrequency is how often GuardDuty sends updates of existing
	// findings to EventBridge and the archive: the shortest interval it offers. New
	// findings are sent within five minutes whatever the setting.
	FindingPublishingFrequency = "FIFTEEN_MINUTES"
)

// GuardDuty's severity scale.
const (
	minSeverity = 1
	maxSeverity = 10
)

// Mode selects whether GuardDuty covers an organization or one account.
type Mode string

const (
	// ModeOrganization runs in the organization's delegated administrator account: it
	// adopts the detector that the designation created, auto-enables GuardDuty and its
	// features in every account, and archives findings, which it requires.
	ModeOrganization Mode = "organization"
	// ModeSingleAccount runs in an account without an organization: it creates the
	// account's detector and routes its findings; the archive is optional.
	ModeSingleAccount Mode = "single-account"
)

// Modes returns the modes, the default first, in a new slice at each call.
func Modes() []Mode { return []Mode{ModeOrganization, ModeSingleAccount} }

var (
	// detectorID is the shape of a GuardDuty detector ID in the API reference.
	// GuardDuty's detector IDs are 32 lower-case hexadecimal digits, as every example of
	// the GuardDuty API Reference and `aws guardduty list-detectors` show them.
	detectorID = regexp.MustCompile(`^[0-9a-f]{32}$`)
	// roleName is an IAM role name, per the RoleName of the IAM API's CreateRole.
	roleName = regexp.MustCompile(`^[\w+=,.@-]{1,64}$`)
)

// DetectorProps configures NewDetector. AlertTopic is always required, and the findings
// archive is required in ModeOrganization; every other zero value is the secure
// default: every feature on, High and Critical findings alerted.
type DetectorProps struct {
	// Mode selects organization-wide or single-account GuardDuty. Empty means
	// ModeOrganization.
	Mode Mode
	// DetectorID adopts the account's existing detector, such as
	// "12abc34d567e8fa901bc2d34e56789f0", instead of creating one (ModeSingleAccount)
	// or looking up the one the delegated-administrator designation created
	// (ModeOrganization). Empty means create or look up.
	DetectorID string
	// DisabledFeatures lists features to turn off, in this account and in every
	// account of the organization. Empty means every feature of Features is on.
	DisabledFeatures []Feature
	// AlertTopic receives findings of at least MinSeverity through EventBridge.
	// Required. It must admit EventBridge rules of this account, as an
	// alerting.AlertTopic does.
	AlertTopic awssns.ITopic
	// MinSeverity is the lowest finding severity alerted, 1 to 10: GuardDuty rates Low
	// 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9 and Critical 9.0-10.0. Zero means
	// DefaultMinSeverity.
	MinSeverity int
	// FindingsBucketArn is the log archive bucket that keeps every finding, such as
	// "arn:aws:s3:::lz-logs-222222222222-eu-west-1". Required in ModeOrganization.
	// Empty in ModeSingleAccount means findings stay in GuardDuty alone, for 90 days.
	FindingsBucketArn string
	// FindingsKeyArn is the KMS key GuardDuty encrypts the archived findings with.
	// Required with FindingsBucketArn.
	FindingsKeyArn string
	// FindingsPrefix is the key prefix of the findings in the bucket, without a leading
	// slash. Empty means DefaultFindingsPrefix.
	FindingsPrefix string
	// RoleName names the role of the function that finds and configures the detector
	// and the organization's auto-enable settings (all but a detector that
	// CloudFormation creates in ModeSingleAccount), so that guardrails can exempt it by
	// name: an SCP that protects GuardDuty, such as the landing zone's
	// ProtectSecurityServices, denies guardduty:UpdateDetector to every role it does not
	// exempt, which would fail the deployment. 1-64 letters, digits and +=,.@_-, unique
	// in the account (name the region in it). Empty means a name CloudFormation
	// generates.
	RoleName string
}

// withDefaults returns a copy of p with every zero field resolved.
func (p DetectorProps) withDefaults() DetectorProps {
	if p.Mode == "" {
		p.Mode = ModeOrganization
	}
	if p.MinSeverity == 0 {
		p.MinSeverity = DefaultMinSeverity
	}
	if p.FindingsBucketArn != "" && p.FindingsPrefix == "" {
		p.FindingsPrefix = DefaultFindingsPrefix
	}
	return p
}

// archived reports whether findings go to a bucket.
func (p DetectorProps) archived() bool { return p.FindingsBucketArn != "" }

// Validate reports every problem in p, with fields named as in DetectorProps
// ("DetectorProps.MinSeverity"). Configuration loaders use it to report mistakes before
// building anything.
func (p DetectorProps) Validate() error {
	_, err := p.validate()
	return err
}

// validate checks raw props and returns them with defaults resolved.
func (p DetectorProps) validate() (DetectorProps, error) {
	var l check.List
	r := p.withDefaults()
	if p.Mode != "" {
		check.OneOf(&l, "DetectorProps.Mode", p.Mode, Modes())
	}
	if p.DetectorID != "" && !detectorID.MatchString(p.DetectorID) {
		l.Addf("DetectorProps.DetectorID", p.DetectorID, "not a GuardDuty detector ID such as \"12abc34d567e8fa901bc2d34e56789f0\"")
	}
	for i, f := range p.DisabledFeatures {
		if !f.Valid() {
			l.Addf(check.Index("DetectorProps.DisabledFeatures", i), string(f), "unknown protection feature; want one of %q", Features())
		}
	}
	names := make([]string, len(p.DisabledFeatures))
	for i, f := range p.DisabledFeatures {
		names[i] = string(f)
	}
	check.Duplicates(&l, "DetectorProps.DisabledFeatures[%d]", names)
	if p.AlertTopic == nil {
		l.Addf("DetectorProps.AlertTopic", nil, "required: findings must reach the security team")
	}
	if p.MinSeverity != 0 {
		if p.MinSeverity < minSeverity || p.MinSeverity > maxSeverity {
			l.Addf("DetectorProps.MinSeverity", p.MinSeverity, "outside GuardDuty's severity scale %d-%d (Critical is 9.0-10.0); zero means %d", minSeverity, maxSeverity, DefaultMinSeverity)
		}
	}
	if p.RoleName != "" && !roleName.MatchString(p.RoleName) {
		l.Addf("DetectorProps.RoleName", p.RoleName, "not an IAM role name: 1-64 letters, digits and +=,.@_-")
	}
	validateArchive(&l, p, r)
	return r, l.Err("guardduty")
}

// validateArchive checks the findings archive as written (raw) and with defaults (r).
func validateArchive(l *check.List, raw, r DetectorProps) {
	if raw.FindingsBucketArn == "" {
		if r.Mode == ModeOrganization {
			l.Addf("DetectorProps.FindingsBucketArn", raw.FindingsBucketArn, "required in mode %s: every finding of the organization is archived in the log archive", ModeOrganization)
		}
		if raw.FindingsKeyArn != "" {
			l.Addf("DetectorProps.FindingsKeyArn", raw.FindingsKeyArn, "needs `FindingsBucketArn`")
		}
		if raw.FindingsPrefix != "" {
			l.Addf("DetectorProps.FindingsPrefix", raw.FindingsPrefix, "needs `FindingsBucketArn`")
		}
		return
	}
	if a, ok := check.ParseARN(l, "DetectorProps.FindingsBucketArn", raw.FindingsBucketArn, "s3", ""); ok {
		switch {
		case a.Region != "" || a.Account != "" || strings.Contains(a.Resource, "/"):
			l.Addf("DetectorProps.FindingsBucketArn", raw.FindingsBucketArn, "not a bucket ARN such as \"arn:aws:s3:::lz-logs-222222222222-eu-west-1\"; set the folder in `FindingsPrefix`")
		default:
			check.BucketName(l, "DetectorProps.FindingsBucketArn", a.Resource)
		}
	}
	if raw.FindingsKeyArn == "" {
		l.Addf("DetectorProps.FindingsKeyArn", raw.FindingsKeyArn, "required with `FindingsBucketArn`: GuardDuty encrypts archived findings with a KMS key")
	} else if a, ok := check.ParseARN(l, "DetectorProps.FindingsKeyArn", raw.FindingsKeyArn, "kms", "key/"); ok && (a.Region == "" || a.Account == "") {
		l.Addf("DetectorProps.FindingsKeyArn", raw.FindingsKeyArn, "not a key ARN such as \"arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab\"")
	}
	check.KeyPrefix(l, "DetectorProps.FindingsPrefix", raw.FindingsPrefix)
}
