package propsfuzz_test

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/constructs/guardduty"
	"github.com/go-landingzone/landingzone/constructs/identity"
	"github.com/go-landingzone/landingzone/constructs/logbucket"
	"github.com/go-landingzone/landingzone/constructs/logsubscription"
	"github.com/go-landingzone/landingzone/constructs/orgtrail"
	"github.com/go-landingzone/landingzone/constructs/pipeline"
	"github.com/go-landingzone/landingzone/constructs/securityhub"
	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// No family's Validate panics, and every problem names its field and stays short,
// whatever strings and numbers the props hold.
func FuzzPropsValidate(f *testing.F) {
	f.Add("landingzone-alerts", "arn:aws:logs:eu-west-1:222222222222:destination:", "eu-west-1", "rate(1 hours)", "12abc34d567e8fa901bc2d34e56789f0", "PT1H", int64(64512), 365)
	f.Add("", "", "", "", "", "", int64(0), 0)
	f.Add(strings.Repeat("x", 300), "arn:aws:kms:eu-west-1:1:key/x", "eu-wset-1,us-east-7", "cron(* * * * ? *)", "det-1", "P1D", int64(-1), 100)
	f.Fuzz(func(t *testing.T, name, arn, regions, schedule, id, duration string, asn int64, days int) {
		check := lztest.CheckFuzzError
		check(t, alerting.AlertTopicProps{Name: name, DisplayName: name, Emails: split(id), AlarmAccounts: split(regions)}.Validate(), "alerting: AlertTopicProps")
		check(t, identity.PermissionSetProps{InstanceArn: arn, Persona: identity.Persona(id), Name: name, SessionDuration: duration, BoundaryPolicyName: name}.Validate(), "identity: PermissionSetProps")
		check(t, transitgateway.TransitGatewayProps{Name: name, ExistingTransitGatewayID: id, AmazonSideAsn: asn, ShareWithOrganization: arn, FlowLogRetentionDays: days}.Validate(), "transitgateway: TransitGatewayProps")
		check(t, configrules.RecorderProps{BucketName: name, KeyPrefix: id, BucketKeyArn: arn, HomeRegion: regions, GuardDutyAdminAccount: id, ApprovedAMIIDs: split(id)}.Validate(), "configrules: RecorderProps")
		check(t, guardduty.DetectorProps{DetectorID: id, MinSeverity: days, FindingsBucketArn: arn, FindingsKeyArn: arn, FindingsPrefix: name, RoleName: name}.Validate(), "guardduty: DetectorProps")
		check(t, pipeline.DriftCheckProps{StackNames: split(name), Schedule: schedule, AlertTopicArn: arn}.Validate(), "pipeline: DriftCheckProps")
		check(t, securityhub.HubProps{OrganizationRootID: id, CISVersion: securityhub.CISVersion(duration), DisabledControls: split(name), LinkedRegions: split(regions)}.Validate(), "securityhub: HubProps")
		check(t, logbucket.ImmutableBucketProps{NamePrefix: name, RetentionDays: days, BreakGlassRoleArn: arn, DeployRoleArn: arn}.Validate(), "logbucket: ImmutableBucketProps")
		check(t, orgtrail.OrganizationTrailProps{TrailName: name, BucketName: id, KeyPrefix: name, ReaderRoleArns: split(arn), LogRetentionDays: days}.Validate(), "orgtrail: OrganizationTrailProps")
		check(t, logsubscription.AccountSubscriptionProps{DestinationArn: arn, ExcludeLogGroups: split(name), FilterPattern: schedule, PolicyName: name}.Validate(), "logsubscription: AccountSubscriptionProps")
	})
}
