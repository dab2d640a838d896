package landingzone

import (
	"fmt"
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/constructs/pipeline"
)

// driftChecks adds to s, the last stack New builds for account in region, the checks
// of every landing-zone stack of that account and region, reporting to the alert
// topic of the region; no check holds more than pipeline.MaxDriftStacks stacks.
func (b *builder) driftChecks(s awscdk.Stack, account, region string) {
	c := b.cfg
	if c.Alerting.DriftCheck.Disabled {
		return
	}
	i := 0
	for chunk := range slices.Chunk(b.stackNames[account+"/"+region], pipeline.MaxDriftStacks) {
		id := "DriftCheck"
		if i++; i > 1 {
			id = fmt.Sprintf("DriftCheck%d", i)
		}
		_, err := pipeline.NewDriftCheck(s, id, pipeline.DriftCheckProps{
			StackNames:    chunk,
			Schedule:      c.Alerting.DriftCheck.Schedule,
			AlertTopicArn: c.alertTopicArn(region),
		})
		b.fail("alerting.driftCheck.", "DriftCheckProps.", err)
	}
}

// driftRelay admits the drift events of the other accounts to the audit account's
// bus in region and publishes them to the alert topic.
func (b *builder) driftRelay(s awscdk.Stack, region string) {
	c := b.cfg
	if c.Alerting.DriftCheck.Disabled {
		return
	}
	_, err := pipeline.NewDriftAlertRelay(s, "DriftRelay", pipeline.DriftAlertRelayProps{
		AlertTopicArn: c.alertTopicArn(region), OrganizationID: c.Organization.ID,
	})
	b.fail("alerting.driftCheck.", "DriftAlertRelayProps.", err)
}

// alertTopicArn is the ARN of the audit account's alert topic in region.
func (c Config) alertTopicArn(region string) string {
	return alerting.TopicArn(c.Accounts.Audit, region, alerting.DefaultTopicName)
}
