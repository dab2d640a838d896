package scopecheck_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/guardduty"
	"github.com/go-landingzone/landingzone/constructs/identity"
	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/constructs/logbucket"
	"github.com/go-landingzone/landingzone/constructs/logsubscription"
	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/constructs/orgtrail"
	"github.com/go-landingzone/landingzone/constructs/pipeline"
	"github.com/go-landingzone/landingzone/constructs/securityhub"
	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

type constructor func(constructs.Construct, string) error

func ignore[T any](_ T, err error) error { return err }

// Every constructor of the construct packages, with zero props: what is checked here
// comes before the props.
var constructors = map[string]constructor{
	"alerting.NewAlertTopic": func(s constructs.Construct, id string) error {
		return ignore(alerting.NewAlertTopic(s, id, alerting.AlertTopicProps{}))
	},
	"alerting.NewLogPatternAlarm": func(s constructs.Construct, id string) error {
		return ignore(alerting.NewLogPatternAlarm(s, id, alerting.LogPatternAlarmProps{}))
	},
	"alerting.NewTrailAlarms": func(s constructs.Construct, id string) error {
		return ignore(alerting.NewTrailAlarms(s, id, alerting.TrailAlarmsProps{}))
	},
	"configrules.NewRecorder": func(s constructs.Construct, id string) error {
		return ignore(configrules.NewRecorder(s, id, configrules.RecorderProps{}))
	},
	"configrules.NewOrganizationAggregator": func(s constructs.Construct, id string) error {
		return ignore(configrules.NewOrganizationAggregator(s, id, configrules.OrganizationAggregatorProps{}))
	},
	"egressproxy.NewForwardProxy": func(s constructs.Construct, id string) error {
		return ignore(egressproxy.NewForwardProxy(s, id, egressproxy.ForwardProxyProps{}))
	},
	"guardduty.NewDetector": func(s constructs.Construct, id string) error {
		return ignore(guardduty.NewDetector(s, id, guardduty.DetectorProps{}))
	},
	"guardduty.NewDelegatedAdmin": func(s constructs.Construct, id string) error {
		return ignore(guardduty.NewDelegatedAdmin(s, id, guardduty.DelegatedAdminProps{}))
	},
	"identity.NewTimeBoxedRole": func(s constructs.Construct, id string) error {
		return ignore(identity.NewTimeBoxedRole(s, id, identity.TimeBoxedRoleProps{}))
	},
	"identity.NewAuditRole": func(s constructs.Construct, id string) error {
		return ignore(identity.NewAuditRole(s, id, identity.AuditRoleProps{}))
	},
	"identity.NewPermissionSet": func(s constructs.Construct, id string) error {
		return ignore(identity.NewPermissionSet(s, id, identity.PermissionSetProps{}))
	},
	"identity.NewSamlFederation": func(s constructs.Construct, id string) error {
		return ignore(identity.NewSamlFederation(s, id, identity.SamlFederationProps{}))
	},
	"logarchive.NewLogDestination": func(s constructs.Construct, id string) error {
		return ignore(logarchive.NewLogDestination(s, id, logarchive.LogDestinationProps{}))
	},
	"logarchive.NewLogArchive": func(s constructs.Construct, id string) error {
		return ignore(logarchive.NewLogArchive(s, id, logarchive.LogArchiveProps{}))
	},
	"logbucket.NewImmutableBucket": func(s constructs.Construct, id string) error {
		return ignore(logbucket.NewImmutableBucket(s, id, logbucket.ImmutableBucketProps{}))
	},
	"network.NewVpc": func(s constructs.Construct, id string) error {
		return ignore(network.NewVpc(s, id, network.VpcProps{}))
	},
	"orgtrail.NewOrganizationTrail": func(s constructs.Construct, id string) error {
		return ignore(orgtrail.NewOrganizationTrail(s, id, orgtrail.OrganizationTrailProps{}))
	},
	"pipeline.NewPipeline": func(s constructs.Construct, id string) error {
		return ignore(pipeline.NewPipeline(s, id, pipeline.PipelineProps{}))
	},
	"pipeline.NewDriftCheck": func(s constructs.Construct, id string) error {
		return ignore(pipeline.NewDriftCheck(s, id, pipeline.DriftCheckProps{}))
	},
	"pipeline.NewDriftAlertRelay": func(s constructs.Construct, id string) error {
		return ignore(pipeline.NewDriftAlertRelay(s, id, pipeline.DriftAlertRelayProps{}))
	},
	"securityhub.NewDelegatedAdmin": func(s constructs.Construct, id string) error {
		return ignore(securityhub.NewDelegatedAdmin(s, id, securityhub.DelegatedAdminProps{}))
	},
	"securityhub.NewHub": func(s constructs.Construct, id string) error {
		return ignore(securityhub.NewHub(s, id, securityhub.HubProps{}))
	},
	"transitgateway.NewTransitGateway": func(s constructs.Construct, id string) error {
		return ignore(transitgateway.NewTransitGateway(s, id, transitgateway.TransitGatewayProps{}))
	},
	"transitgateway.NewSegments": func(s constructs.Construct, id string) error {
		return ignore(transitgateway.NewSegments(s, id, transitgateway.SegmentsProps{}))
	},
	"transitgateway.NewSpokeAttachments": func(s constructs.Construct, id string) error {
		return ignore(transitgateway.NewSpokeAttachments(s, id, transitgateway.SpokeAttachmentsProps{}))
	},
	"transitgateway.NewVpnConnection": func(s constructs.Construct, id string) error {
		return ignore(transitgateway.NewVpnConnection(s, id, transitgateway.VpnConnectionProps{}))
	},
	"transitgateway.NewEgressVpc": func(s constructs.Construct, id string) error {
		return ignore(transitgateway.NewEgressVpc(s, id, transitgateway.EgressVpcProps{}))
	},
	"logsubscription.NewAccountSubscription": func(s constructs.Construct, id string) error {
		return ignore(logsubscription.NewAccountSubscription(s, id, logsubscription.AccountSubscriptionProps{}))
	},
	"logsubscription.NewLogGroupSubscription": func(s constructs.Construct, id string) error {
		return ignore(logsubscription.NewLogGroupSubscription(s, id, logsubscription.LogGroupSubscriptionProps{}))
	},
	"organization.NewStructure": func(s constructs.Construct, id string) error {
		return ignore(organization.NewStructure(s, id, organization.StructureProps{}))
	},
	"organization.NewDenyLeaveOrganization": func(s constructs.Construct, id string) error {
		return ignore(organization.NewDenyLeaveOrganization(s, id, organization.DenyLeaveOrganizationProps{}))
	},
	"organization.NewDenyRootUser": func(s constructs.Construct, id string) error {
		return ignore(organization.NewDenyRootUser(s, id, organization.DenyRootUserProps{}))
	},
	"organization.NewProtectSecurityServices": func(s constructs.Construct, id string) error {
		return ignore(organization.NewProtectSecurityServices(s, id, organization.ProtectSecurityServicesProps{}))
	},
	"organization.NewProtectLandingZone": func(s constructs.Construct, id string) error {
		return ignore(organization.NewProtectLandingZone(s, id, organization.ProtectLandingZoneProps{}))
	},
	"organization.NewRegionDeny": func(s constructs.Construct, id string) error {
		return ignore(organization.NewRegionDeny(s, id, organization.RegionDenyProps{}))
	},
	"organization.NewRequireIMDSv2": func(s constructs.Construct, id string) error {
		return ignore(organization.NewRequireIMDSv2(s, id, organization.RequireIMDSv2Props{}))
	},
	"organization.NewProtectS3PublicAccessBlock": func(s constructs.Construct, id string) error {
		return ignore(organization.NewProtectS3PublicAccessBlock(s, id, organization.ProtectS3PublicAccessBlockProps{}))
	},
}

// stageConstructors create stacks, and want the app or a stage as their scope.
var stageConstructors = map[string]constructor{
	"identity.NewAssignmentStacks": func(s constructs.Construct, id string) error {
		return ignore(identity.NewAssignmentStacks(s, id, identity.AssignmentStacksProps{}))
	},
}

// No constructor panics on a scope or ID a caller can write; each returns an
// ErrInvalidProps error naming the field, and adds nothing to the scope.
func TestEveryConstructorRefusesABadScopeOrID(t *testing.T) {
	app := lztest.NewApp(t)
	var stack awscdk.Stack
	lztest.Do(t, func() {
		stack = awscdk.NewStack(app, jsii.String("Scopes"), &awscdk.StackProps{Env: lztest.Env()})
		awscdk.NewCfnWaitConditionHandle(stack, jsii.String("Taken"), nil)
	})
	var typedNil *alerting.AlertTopic
	type scopeCase struct {
		name  string
		scope constructs.Construct
		id    string
		field string
	}
	cases := func(stage bool) []scopeCase {
		wrongKind := scopeCase{"app as scope", app, "X", "scope"}
		taken := scopeCase{"ID taken", stack, "Taken", "id"}
		if stage {
			wrongKind = scopeCase{"stack as scope", stack, "X", "scope"}
			taken = scopeCase{"ID taken", app, "Scopes", "id"}
		}
		return []scopeCase{
			{"nil scope", nil, "X", "scope"},
			{"typed nil scope", typedNil, "X", "scope"},
			{"empty ID", stack, "", "id"},
			wrongKind,
			taken,
		}
	}
	run := func(name string, f constructor, stage bool) {
		for _, c := range cases(stage) {
			t.Run(name+"/"+c.name, func(t *testing.T) {
				var before int
				if c.scope != nil && c.scope != constructs.Construct(typedNil) {
					before = len(*c.scope.Node().Children())
				}
				var err error
				lztest.Do(t, func() { err = f(c.scope, c.id) })
				if !errors.Is(err, check.ErrInvalidProps) {
					t.Fatalf("error %v, want ErrInvalidProps", err)
				}
				if !strings.Contains(err.Error(), ": "+c.field+" ") && !strings.Contains(err.Error(), ": "+c.field+":") {
					t.Errorf("the error does not name %s:\n%v", c.field, err)
				}
				if c.scope != nil && c.scope != constructs.Construct(typedNil) {
					if after := len(*c.scope.Node().Children()); after != before {
						t.Errorf("%d children added to the scope", after-before)
					}
				}
			})
		}
	}
	for name, f := range constructors {
		run(name, f, false)
	}
	for name, f := range stageConstructors {
		run(name, f, true)
	}
}
