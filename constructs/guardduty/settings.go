package guardduty

import (
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// configureDetector applies the features and finding frequency to the detector
// detectorID, or, when it is empty, to the account's detector of the region that the
// delegated-administrator designation created, which it finds first (a region has at
// most one detector per account). The resource's DetectorId attribute holds the ID.
// On delete it does nothing: the detector keeps running as it was.
func configureDetector(scope constructs.Construct, h handler, detectorID string, states []featureState) awscdk.CustomResource {
	stack := awscdk.Stack_Of(scope)
	if detectorID == "" {
		h.allow(&awsiam.PolicyStatementProps{Actions: jsii.Strings("guardduty:ListDetectors"), Resources: jsii.Strings("*")})
	}
	h.allow(&awsiam.PolicyStatementProps{Actions: jsii.Strings("guardduty:UpdateDetector"), Resources: jsii.Strings(detectorArns(scope))})
	// Turning on EBS malware protection creates its service-linked role on first use.
	h.allow(&awsiam.PolicyStatementProps{
		Actions:    jsii.Strings("iam:CreateServiceLinkedRole"),
		Resources:  jsii.Strings("arn:" + *stack.Partition() + ":iam::" + *stack.Account() + ":role/aws-service-role/malware-protection.guardduty.amazonaws.com/*"),
		Conditions: &map[string]interface{}{"StringEquals": map[string]interface{}{"iam:AWSServiceName": "malware-protection.guardduty.amazonaws.com"}},
	})
	h.suppress("guardduty:ListDetectors has no resource-level permissions; UpdateDetector is limited to this account's detectors of the region, of which there is one; "+
		"service-linked role names end in a suffix AWS chooses, and the statement is limited to GuardDuty malware protection's role path and service name",
		"Resource::*", "Resource::arn:<AWS::Partition>:guardduty:<AWS::Region>:<AWS::AccountId>:detector/*",
		"/^Resource::arn:.*:guardduty:.*:detector\\/\\*$/",
		"/^Resource::arn:.*:iam::.*:role\\/aws-service-role\\/malware-protection\\.guardduty\\.amazonaws\\.com\\/\\*$/")
	return h.resource(scope, idSettings, detectorResourceType, map[string]interface{}{
		"Action":                     "detector",
		"DetectorId":                 detectorID,
		"FindingPublishingFrequency": FindingPublishingFrequency,
		"Features":                   apiFeatures(states, "Status", status),
	})
}

// configureOrganization auto-enables GuardDuty, with the same features, in every
// existing and future account of the organization. On delete it does nothing: member
// accounts keep GuardDuty, and new accounts still get it, until an administrator
// decides otherwise.
func configureOrganization(scope constructs.Construct, h handler, detectorID string, states []featureState) awscdk.CustomResource {
	// The account's detectors of the region, of which there is one: naming the ID
	// found by the detector settings would make the role's policy wait for them, and
	// them for the policy.
	h.allow(&awsiam.PolicyStatementProps{Actions: jsii.Strings("guardduty:UpdateOrganizationConfiguration"), Resources: jsii.Strings(detectorArns(scope))})
	h.allow(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("organizations:DescribeOrganization", "organizations:ListAccounts"),
		Resources: jsii.Strings("*"),
	})
	h.suppress("organizations:DescribeOrganization and ListAccounts are read-only and have no resource-level permissions; GuardDuty reads the organization to enable every account",
		"Resource::*")
	return h.resource(scope, idOrganizationConfiguration, organizationResourceType, map[string]interface{}{
		"Action":     "organization",
		"DetectorId": detectorID,
		"Features":   apiFeatures(states, "AutoEnable", autoEnable),
	})
}

// detectorArns is the ARN pattern of the detectors of scope's account and region.
func detectorArns(scope constructs.Construct) string {
	stack := awscdk.Stack_Of(scope)
	return "arn:" + *stack.Partition() + ":guardduty:" + *stack.Region() + ":" + *stack.Account() + ":detector/*"
}

func itoa(i int) string { return strconv.Itoa(i) }
