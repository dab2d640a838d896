package guardduty

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsguardduty"
	"github.com/aws/aws-cdk-go/awscdk/v2/customresources"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/internal/nag"
)

// Construct IDs are part of the public API: changing one replaces the resource.
const (
	idResource                  = "Resource"
	idLookup                    = "Lookup"
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
	// Lookup finds the detector the delegated-administrator designation created (a
	// ListDetectors call); nil unless ModeOrganization without DetectorProps.DetectorID.
	Lookup customresources.AwsCustomResource
	// Settings applies the features and finding frequency to an adopted or looked-up
	// detector (an UpdateDetector call); nil when CloudFormation created the detector.
	Settings customresources.AwsCustomResource
	// OrganizationConfiguration auto-enables GuardDuty and the same features in every
	// account of the organization (an UpdateOrganizationConfiguration call); nil in
	// ModeSingleAccount.
	OrganizationConfiguration customresources.AwsCustomResource
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
	p, err := props.validate()
	if err != nil {
		return nil, err
	}
	d := &Detector{Mode: p.Mode}
	// Registering d itself as the construct lets callers pass *Detector wherever the
	// CDK wants a construct.
	constructs.NewConstruct_Override(d, scope, jsii.String(id))
	stack := awscdk.Stack_Of(scope)
	states := featureStates(p.DisabledFeatures)

	switch {
	case p.DetectorID != "":
		d.DetectorID = p.DetectorID
	case p.Mode == ModeOrganization:
		d.Lookup = lookupDetector(d.Construct)
		d.DetectorID = *d.Lookup.GetResponseField(jsii.String(detectorIDPath))
	default:
		d.Resource = awsguardduty.NewCfnDetector(d.Construct, jsii.String(idResource), &awsguardduty.CfnDetectorProps{
			Enable:                     jsii.Bool(true),
			FindingPublishingFrequency: jsii.String(FindingPublishingFrequency),
			Features:                   detectorFeatures(states),
		})
		// Deleting a detector deletes its findings.
		d.Resource.ApplyRemovalPolicy(awscdk.RemovalPolicy_RETAIN, nil)
		d.DetectorID = *d.Resource.AttrId()
	}
	if d.Resource == nil {
		d.Settings = updateDetector(d.Construct, d.DetectorID, d.DetectorArn(), states)
	}
	if p.Mode == ModeOrganization {
		d.OrganizationConfiguration = updateOrganizationConfiguration(d.Construct, d.DetectorID, d.DetectorArn(), states)
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
	nag.SuppressAwsCustomResourceProvider(stack)
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
