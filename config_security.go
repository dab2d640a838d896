package landingzone

import (
	"fmt"
	"strings"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/constructs/guardduty"
	"github.com/go-landingzone/landingzone/constructs/pipeline"
	"github.com/go-landingzone/landingzone/constructs/securityhub"
	"github.com/go-landingzone/landingzone/internal/check"
)

// Alerting configures where the security team hears of findings and alarms.
type Alerting struct {
	// Emails subscribe to the alert topic of every governed region. Empty means none.
	Emails []string `json:"emails,omitempty"`
	// Slack posts alerts to Slack channels through AWS Chatbot. Empty means none.
	Slack []Slack `json:"slack,omitempty"`
	// ExcludeCISAlarms names CIS alarms (control IDs such as "CloudWatch.1") not to
	// create on the trail's log group. Empty means all of them.
	ExcludeCISAlarms []string `json:"excludeCisAlarms,omitempty"`
	// DriftCheck detects drift of the landing-zone stacks. Its zero value checks
	// every stack daily.
	DriftCheck DriftCheck `json:"driftCheck,omitempty"`
}

// DriftCheck configures the scheduled drift detection of the landing-zone stacks.
type DriftCheck struct {
	// Disabled turns the check off. False checks every landing-zone stack of every
	// account and region on Schedule and reports drifted ones to the alert topic.
	Disabled bool `json:"disabled,omitempty"`
	// Schedule is an EventBridge Scheduler expression, at most hourly, such as
	// "rate(12 hours)". Empty means "rate(1 day)".
	Schedule string `json:"schedule,omitempty"`
}

// Slack is one Slack channel, authorized once in the AWS Chatbot console.
type Slack struct {
	// WorkspaceID is the Slack workspace ID ("T07EA123LEP"). Required.
	WorkspaceID string `json:"workspaceId"`
	// ChannelID is the channel ID ("C07EZ1ABC23"). Required.
	ChannelID string `json:"channelId"`
}

// Security configures the security services of the audit account.
type Security struct {
	// GuardDuty configures threat detection.
	GuardDuty GuardDuty `json:"guardDuty,omitempty"`
	// SecurityHub configures the posture checks.
	SecurityHub SecurityHub `json:"securityHub,omitempty"`
	// Config configures the AWS Config rules of every account.
	Config ConfigRules `json:"config,omitempty"`
}

// GuardDuty configures the organization's detectors; see guardduty.DetectorProps.
type GuardDuty struct {
	// MinSeverity is the lowest finding severity that alerts, 1 to 10. Zero means 7
	// (High and Critical).
	MinSeverity int `json:"minSeverity,omitempty"`
	// DisabledFeatures turns protection features off, by name (S3_DATA_EVENTS,
	// EKS_AUDIT_LOGS, RUNTIME_MONITORING, ...). Empty means all on.
	DisabledFeatures []string `json:"disabledFeatures,omitempty"`
	// DetectorID adopts the audit account's detector of the home region by ID. Empty
	// means it is looked up.
	DetectorID string `json:"detectorId,omitempty"`
}

// SecurityHub configures the hub; see securityhub.HubProps.
type SecurityHub struct {
	// CISVersion is 1.4.0, 3.0.0 or 5.0.0. Empty means 3.0.0.
	CISVersion string `json:"cisVersion,omitempty"`
	// DisabledControls turns controls off by ID ("EC2.10"). Empty means none.
	DisabledControls []string `json:"disabledControls,omitempty"`
	// AlertSeverity is the lowest severity label that alerts: HIGH or CRITICAL. Empty
	// means HIGH.
	AlertSeverity string `json:"alertSeverity,omitempty"`
}

// ConfigRules configures the AWS Config rules; see configrules.RecorderProps.
type ConfigRules struct {
	// DisabledRules turns managed rules off by name. Empty means all on.
	DisabledRules []string `json:"disabledRules,omitempty"`
	// BlockedPorts are the ports the restricted-common-ports rule checks, at most
	// five. Empty means 20, 21, 3389, 3306, 4333.
	BlockedPorts []int `json:"blockedPorts,omitempty"`
	// ApprovedAMIIds or ApprovedAMITags turn on the approved-AMIs rule.
	ApprovedAMIIds  []string `json:"approvedAmiIds,omitempty"`
	ApprovedAMITags []string `json:"approvedAmiTags,omitempty"`
	// RemediatePublicBuckets makes public buckets private automatically. False only
	// reports them.
	RemediatePublicBuckets bool `json:"remediatePublicBuckets,omitempty"`
	// DailyRecording records configuration changes once a day instead of
	// continuously, which costs less and reports later.
	DailyRecording bool `json:"dailyRecording,omitempty"`
	// AdoptExistingRecorder keeps the AWS Config recorder and delivery channel that
	// every account already has in every governed region, and adds only the rules: set
	// it where AWS Control Tower governs the accounts (it creates both in every enrolled
	// account, delivering to its own log archive, and forbids changing them), since an
	// account has one recorder per region and CloudFormation fails to create another.
	// The log archive then has no bucket for AWS Config. False creates both in every
	// account and region, delivering to the log archive's Config bucket.
	AdoptExistingRecorder bool `json:"adoptExistingRecorder,omitempty"`
}

// topicProps is the alert topic of region.
func (c Config) topicProps(region string) alerting.AlertTopicProps {
	p := alerting.AlertTopicProps{Emails: c.Alerting.Emails, AlarmAccounts: []string{c.Organization.ManagementAccount}}
	for i, s := range c.Alerting.Slack {
		p.Slack = append(p.Slack, alerting.SlackChannel{WorkspaceID: s.WorkspaceID, ChannelID: s.ChannelID,
			// Chatbot configurations are global: one name per region and channel.
			Name: fmt.Sprintf("%s-alerts-%s-%d", c.prefix(), region, i+1)})
	}
	return p
}

// detectorProps is the GuardDuty detector of the audit account in region; the alert
// topic is added by the builder.
func (c Config) detectorProps(region string) guardduty.DetectorProps {
	g := c.Security.GuardDuty
	p := guardduty.DetectorProps{
		MinSeverity:       g.MinSeverity,
		FindingsBucketArn: "arn:" + partitionOf(region) + ":s3:::" + c.logBucketName(),
		FindingsKeyArn:    c.Logging.KeyArn,
		// The guardrails protect the detector; the role that configures it carries a
		// name they exempt.
		RoleName: LandingZoneRoleName(c.qualifier(), "guardduty-"+region),
	}
	if region == c.Organization.HomeRegion {
		p.DetectorID = g.DetectorID
	}
	for _, f := range g.DisabledFeatures {
		p.DisabledFeatures = append(p.DisabledFeatures, guardduty.Feature(f))
	}
	return p
}

// hubProps is the Security Hub of the audit account's home region.
func (c Config) hubProps() securityhub.HubProps {
	h := c.Security.SecurityHub
	return securityhub.HubProps{
		OrganizationRootID: c.Organization.RootID,
		CISVersion:         securityhub.CISVersion(h.CISVersion),
		DisabledControls:   h.DisabledControls,
		LinkedRegions:      c.regions()[1:],
		AlertSeverity:      securityhub.Severity(h.AlertSeverity),
		// GuardDuty alerts on its own findings in every region.
		SkipGuardDutyFindings: true,
	}
}

// recorderProps is the Config recorder of every account.
func (c Config) recorderProps() configrules.RecorderProps {
	r := c.Security.Config
	p := configrules.RecorderProps{
		HomeRegion:             c.Organization.HomeRegion,
		GuardDutyAdminAccount:  c.Accounts.Audit,
		BlockedPorts:           r.BlockedPorts,
		ApprovedAMIIDs:         r.ApprovedAMIIds,
		ApprovedAMITags:        r.ApprovedAMITags,
		RemediatePublicBuckets: r.RemediatePublicBuckets,
		DailyRecording:         r.DailyRecording,
	}
	for _, name := range r.DisabledRules {
		p.DisabledRules = append(p.DisabledRules, configrules.Rule(name))
	}
	if r.AdoptExistingRecorder {
		p.AdoptExistingRecorder = true
	} else {
		p.BucketName = c.configBucketName()
	}
	return p
}

// partitionOf is the ARN partition of region.
func partitionOf(region string) string {
	switch {
	case len(region) > 3 && region[:3] == "cn-":
		return "aws-cn"
	case len(region) > 7 && region[:7] == "us-gov-":
		return "aws-us-gov"
	}
	return "aws"
}

func (c Config) validateSecurity(l *check.List) {
	// Resource types that some regions lack, where the configuration puts them.
	check.ResourceTypeRegion(l, "organization.homeRegion", c.Organization.HomeRegion, "AWS::SecurityHub::FindingAggregator",
		"Security Hub's finding aggregation in the audit account's home region")
	if len(c.Alerting.Slack) > 0 {
		for i, r := range c.Organization.GovernedRegions {
			check.ResourceTypeRegion(l, check.Index("organization.governedRegions", i), r, "AWS::Chatbot::SlackChannelConfiguration",
				"alerting.slack (the alert topic of every governed region posts through AWS Chatbot)")
		}
	}
	for i, e := range c.Alerting.Emails {
		check.Email(l, check.Index("alerting.emails", i), e)
	}
	l.MergeAsExcept("alerting.", "AlertTopicProps.", c.topicProps(c.Organization.HomeRegion).Validate(), "Emails", "AlarmAccounts")
	// The CIS alarms' exclusions, as the Security stack's TrailAlarms takes them; its
	// log group and topic are the stack's own.
	l.MergeFunc("alerting.excludeCisAlarms", alerting.TrailAlarmsProps{Exclude: c.Alerting.ExcludeCISAlarms}.Validate(), func(field string) (string, bool) {
		rest, ok := strings.CutPrefix(field, "TrailAlarmsProps.Exclude")
		return "alerting.excludeCisAlarms" + rest, ok
	})
	if c.Logging.KeyArn != "" {
		// Empty, the GuardDuty detectors wait for it (Config.Pending).
		check.ParseARN(l, "logging.keyArn", c.Logging.KeyArn, "kms", "key/")
	}
	props := c.detectorProps(c.Organization.HomeRegion)
	props.FindingsKeyArn = orPlaceholder(props.FindingsKeyArn, "arn:aws:kms:eu-west-1:000000000000:key/00000000-0000-0000-0000-000000000000")
	l.MergeAsExcept("security.guardDuty.", "DetectorProps.", props.Validate(), "FindingsBucketArn", "FindingsKeyArn", "AlertTopic")
	l.MergeAsExcept("security.securityHub.", "HubProps.", c.hubProps().Validate(), "OrganizationRootID", "AlertTopic", "LinkedRegions")
	l.MergeRenamed("security.config.", "RecorderProps.", c.recorderProps().Validate(),
		map[string]string{"ApprovedAMIIDs": "approvedAmiIds", "ApprovedAMITags": "approvedAmiTags"},
		"BucketName", "HomeRegion", "GuardDutyAdminAccount")
}

// orPlaceholder stands in for a value whose absence is reported elsewhere, so that the
// remaining checks still run.
func orPlaceholder(v, placeholder string) string {
	if v == "" {
		return placeholder
	}
	return v
}

// validateDriftCheck checks the drift check's schedule.
func (c Config) validateDriftCheck(l *check.List) {
	d := c.Alerting.DriftCheck
	if d.Disabled || d.Schedule == "" {
		return
	}
	// Only the schedule comes from the configuration; the rest is checked per stack.
	props := pipeline.DriftCheckProps{Schedule: d.Schedule}
	l.MergeAsExcept("alerting.driftCheck.", "DriftCheckProps.", props.Validate(), "StackNames", "AlertTopicArn")
}
