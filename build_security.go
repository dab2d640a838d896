package landingzone

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/constructs/guardduty"
	"github.com/go-landingzone/landingzone/constructs/securityhub"
)

// SecurityStack is the audit account's security tooling in one region.
type SecurityStack struct {
	Stack    awscdk.Stack
	Alerts   *alerting.AlertTopic
	Detector *guardduty.Detector
	// Hub and Aggregator exist in the home region only.
	Hub        *securityhub.Hub
	Aggregator *configrules.OrganizationAggregator
}

// securityDelegations makes the audit account the delegated administrator of
// GuardDuty (every governed region) and Security Hub (home region), from the
// management account.
func (b *builder) securityDelegations() {
	c := b.cfg
	for _, region := range c.regions() {
		s := b.newStack("SecurityDelegation-"+region, c.Organization.ManagementAccount, region, "security services delegated to the audit account", coreStack)
		dependOn(s, b.organizationStack())
		b.delegations[region] = s
		_, err := guardduty.NewDelegatedAdmin(s, "GuardDuty", guardduty.DelegatedAdminProps{AdminAccountID: c.Accounts.Audit})
		b.fail("accounts.", "DelegatedAdminProps.", err)
		if region == c.Organization.HomeRegion {
			_, err := securityhub.NewDelegatedAdmin(s, "SecurityHub", securityhub.DelegatedAdminProps{AdminAccount: c.Accounts.Audit})
			b.fail("accounts.", "DelegatedAdminProps.", err)
		}
	}
}

// security builds the audit account's Security stack of every governed region: the
// alert topic and the GuardDuty administrator detector; in the home region also
// Security Hub and the Config aggregator.
func (b *builder) security() {
	c := b.cfg
	for _, region := range c.regions() {
		s := b.newStack("Security-"+region, c.Accounts.Audit, region, "security tooling and alerting", coreStack)
		dependOn(s, b.delegations[region], b.logArchiveStack(c.Organization.HomeRegion))
		st := &SecurityStack{Stack: s}
		b.lz.Security[region] = st
		topic, err := alerting.NewAlertTopic(s, "Alerts", c.topicProps(region))
		if err != nil {
			b.fail("alerting.", "AlertTopicProps.", err)
			continue
		}
		st.Alerts = topic
		b.driftRelay(s, region)
		// The detector archives findings with the log archive's key, whose ARN the
		// configuration records after LogArchive's first deploy (Config.Pending).
		if c.Logging.KeyArn != "" {
			props := c.detectorProps(region)
			props.AlertTopic = topic.Topic
			if st.Detector, err = guardduty.NewDetector(s, "GuardDuty", props); err != nil {
				b.fail("security.guardDuty.", "DetectorProps.", err)
			}
		}
		if region != c.Organization.HomeRegion {
			continue
		}
		hub := c.hubProps()
		hub.AlertTopic = topic.Topic
		if st.Hub, err = securityhub.NewHub(s, "SecurityHub", hub); err != nil {
			b.fail("security.securityHub.", "HubProps.", err)
		}
		if st.Aggregator, err = configrules.NewOrganizationAggregator(s, "ConfigAggregator", configrules.OrganizationAggregatorProps{Regions: c.regions()}); err != nil {
			b.fail("organization.", "OrganizationAggregatorProps.", err)
		}
	}
}

// trailAlarms adds the CIS alarms on the trail's log group, alerting the audit
// account's topic of the home region by its ARN.
func (b *builder) trailAlarms() {
	c := b.cfg
	t := b.lz.OrgTrail
	if t == nil || t.Trail.LogGroup == nil {
		return
	}
	home := c.Organization.HomeRegion
	dependOn(t.Stack, b.lz.Security[home].Stack)
	topic := awssns.Topic_FromTopicArn(t.Stack, jsii.String("AuditAlerts"), jsii.String(c.alertTopicArn(home)))
	alarms, err := alerting.NewTrailAlarms(t.Stack, "CISAlarms", alerting.TrailAlarmsProps{LogGroup: t.Trail.LogGroup, Topic: topic, Exclude: c.Alerting.ExcludeCISAlarms})
	if err != nil {
		b.fail("alerting.", "TrailAlarmsProps.", err)
		return
	}
	t.Alarms = alarms
}

// logArchiveStack is the log archive's stack of region, or nil.
func (b *builder) logArchiveStack(region string) awscdk.Stack {
	if la := b.lz.LogArchives[region]; la != nil {
		return la.Stack
	}
	return nil
}
