package guardduty

import (
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsguardduty"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/nag"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Construct IDs are part of the public API: changing one replaces the resource.
const (
	idResource                  = "Resource"
	idSettings                  = "Settings"
	idOrganizationConfiguration = "OrganizationConfiguration"
	idDestination               = "Destination"
	idFindings                  = "Findings"
)

// Detector is the account's GuardDuty detector with its features, its findings archive,
// the rule that alerts on severe findings and, in ModeOrganization, the organization's
// auto-enable settings.
type Detector struct {
	constructs.Construct
	// Mode is the resolved mode.
	Mode Mode
	// DetectorID is the detector's ID; a CDK token unless DetectorProps.DetectorID was
	// set.
	DetectorID string
	// Resource is the detector CloudFormation created; nil when the detector was
	// adopted or looked up.
	Resource awsguardduty.CfnDetector
	// Settings applies the features and finding frequency to an adopted detector, or
	// to the detector that the delegated-administrator designation created, which it
	// finds first (ModeOrganization without DetectorProps.DetectorID); nil when
	// CloudFormation created the detector.
	Settings awscdk.CustomResource
	// OrganizationConfiguration auto-enables GuardDuty and the same features in every
	// account of the organization; nil in ModeSingleAccount.
	OrganizationConfiguration awscdk.CustomResource
	// Role is the role of the function behind Settings and OrganizationConfiguration,
	// named DetectorProps.RoleName; nil when CloudFormation created the detector.
	Role awsiam.IRole
	// Destination publishes every finding to the log archive; nil without
	// DetectorProps.FindingsBucketArn.
	Destination awsguardduty.CfnPublishingDestination
	// FindingsRule sends findings of at least DetectorProps.MinSeverity to the alert
	// topic.
	FindingsRule awsevents.Rule
}

// NewDetector validates props, then enables GuardDuty in the stack's account and
// region as props.Mode says. On error nothing is added to scope.
//
// On delete: a detector CloudFormation created is retained, and an adopted one is left
// as it is; the organization's auto-enable settings stay, so that member accounts keep
// GuardDuty; the publishing destination and the alert rule are removed.
func NewDetector(scope constructs.Construct, id string, props DetectorProps) (*Detector, error) {
	if err := scopecheck.Check("guardduty", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	p, err := props.validate()
	if err != nil {
		return nil, err
	}
	if err := checkHandlerRole(scope, p); err != nil {
		return nil, err
	}
	d := &Detector{Mode: p.Mode}
	// Registering d itself as the construct lets callers pass *Detector wherever the
	// CDK wants a construct.
	constructs.NewConstruct_Override(d, scope, jsii.String(id))
	states := featureStates(p.DisabledFeatures)

	if p.Mode == ModeOrganization || p.DetectorID != "" {
		h := handlerOf(d.Construct, p.RoleName)
		d.Role = h.role
		d.Settings = configureDetector(d.Construct, h, p.DetectorID, states)
		d.DetectorID = p.DetectorID
		if d.DetectorID == "" {
			d.DetectorID = *d.Settings.GetAttString(jsii.String(detectorIDAttribute))
		}
		if p.Mode == ModeOrganization {
			d.OrganizationConfiguration = configureOrganization(d.Construct, h, d.DetectorID, states)
		}
	} else {
		d.Resource = awsguardduty.NewCfnDetector(d.Construct, jsii.String(idResource), &awsguardduty.CfnDetectorProps{
			Enable:                     jsii.Bool(true),
			FindingPublishingFrequency: jsii.String(FindingPublishingFrequency),
			Features:                   detectorFeatures(states),
		})
		// Deleting a detector deletes its findings.
		d.Resource.ApplyRemovalPolicy(awscdk.RemovalPolicy_RETAIN, nil)
		if !slices.Contains(p.DisabledFeatures, FeatureS3DataEvents) {
			nag.SuppressControls(d.Resource, false, nag.Rule{ID: "CT.GUARDDUTY.PR.1",
				Reason: "S3 Protection is on, as the S3_DATA_EVENTS entry of Features; the control reads only DataSources.S3Logs, the older form " +
					"that GuardDuty replaced with Features (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-features-activation-model.html)"})
		}
		d.DetectorID = *d.Resource.AttrId()
	}
	if p.archived() {
		d.Destination = awsguardduty.NewCfnPublishingDestination(d.Construct, jsii.String(idDestination), &awsguardduty.CfnPublishingDestinationProps{
			DetectorId:      jsii.String(d.DetectorID),
			DestinationType: jsii.String("S3"),
			DestinationProperties: &awsguardduty.CfnPublishingDestination_CFNDestinationPropertiesProperty{
				DestinationArn: jsii.String(p.FindingsBucketArn + "/" + p.FindingsPrefix),
				KmsKeyArn:      jsii.String(p.FindingsKeyArn),
			},
		})
	}
	d.FindingsRule = awsevents.NewRule(d.Construct, jsii.String(idFindings), &awsevents.RuleProps{
		Description: jsii.String("GuardDuty findings of severity " + itoa(p.MinSeverity) + " or more, to the alert topic"),
		EventPattern: &awsevents.EventPattern{
			Source:     jsii.Strings("aws.guardduty"),
			DetailType: jsii.Strings("GuardDuty Finding"),
			Detail: &map[string]interface{}{
				"severity": awsevents.Match_GreaterThanOrEqual(jsii.Number(p.MinSeverity)),
			},
		},
		Targets: &[]awsevents.IRuleTarget{alerting.EventTarget(p.AlertTopic)},
	})
	return d, nil
}

// DetectorArn returns the detector's ARN, a CDK token unless the ID was given.
//
// Like every construct type of this module, Detector has at least one method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (d *Detector) DetectorArn() string {
	stack := awscdk.Stack_Of(d)
	return "arn:" + *stack.Partition() + ":guardduty:" + *stack.Region() + ":" + *stack.Account() + ":detector/" + d.DetectorID
}

// checkHandlerRole refuses a RoleName that the stack's handler, made already for
// another construct of this package, does not have.
func checkHandlerRole(scope constructs.Construct, p DetectorProps) error {
	if p.RoleName == "" || awscdk.Stack_Of(scope).Node().TryFindChild(jsii.String(idHandler)) == nil {
		return nil
	}
	if got := handlerOf(scope, "").roleName(); got != p.RoleName {
		var l check.List
		l.Addf("DetectorProps.RoleName", p.RoleName, "the stack's GuardDuty handler exists already with role name %q; one stack has one handler", got)
		return l.Err("guardduty")
	}
	return nil
}
