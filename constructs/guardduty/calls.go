package guardduty

import (
	"strconv"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/customresources"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
)

// guardDuty is the SDK service name of AwsCustomResource calls.
const guardDuty = "GuardDuty"

// detectorIDPath selects the account's only detector of the region in the ListDetectors
// response.
const detectorIDPath = "DetectorIds.0"

// sdkCall is one GuardDuty API call with the parameters it repeats on create and update.
func sdkCall(action string, params map[string]interface{}, physicalID string) *customresources.AwsSdkCall {
	call := &customresources.AwsSdkCall{
		Service:            jsii.String(guardDuty),
		Action:             jsii.String(action),
		PhysicalResourceId: customresources.PhysicalResourceId_Of(jsii.String(physicalID)),
	}
	if params != nil {
		call.Parameters = params
	}
	return call
}

// newCall creates an AwsCustomResource that makes call on create and on update, and
// nothing on delete unless onDelete is set, with exactly the IAM statements given.
func newCall(scope constructs.Construct, id string, call, onDelete *customresources.AwsSdkCall, statements ...awsiam.PolicyStatement) customresources.AwsCustomResource {
	return customresources.NewAwsCustomResource(scope, jsii.String(id), &customresources.AwsCustomResourceProps{
		OnCreate: call,
		OnUpdate: call,
		OnDelete: onDelete,
		Policy:   customresources.AwsCustomResourcePolicy_FromStatements(&statements),
		// The Lambda runtime's SDK has every call used here; installing the latest one
		// at deploy time would fetch code from the internet.
		InstallLatestAwsSdk: jsii.Bool(false),
	})
}

func allow(resources []string, actions ...string) awsiam.PolicyStatement {
	return awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings(actions...),
		Resources: jsii.Strings(resources...),
	})
}

// lookupDetector reads the ID of the detector GuardDuty created in this account when
// the organization designated it as delegated administrator. The call fails, and with
// it the deployment, when the account has no detector yet: the management account's
// designation must be deployed first.
func lookupDetector(scope constructs.Construct) customresources.AwsCustomResource {
	call := sdkCall("ListDetectors", nil, "guardduty-detector")
	call.OutputPaths = jsii.Strings(detectorIDPath)
	cr := newCall(scope, idLookup, call, nil, allow([]string{"*"}, "guardduty:ListDetectors"))
	nag.Suppress(cr, true, nag.Rule{
		ID: "AwsSolutions-IAM5", Reason: "guardduty:ListDetectors has no resource-level permissions; the statement allows that read-only action alone",
		AppliesTo: []string{"Resource::*"},
	})
	return cr
}

// updateDetector applies the features and finding frequency to a detector that
// CloudFormation did not create. On delete it does nothing: the detector keeps running
// as it was.
func updateDetector(scope constructs.Construct, id, arn string, states []featureState) customresources.AwsCustomResource {
	call := sdkCall("UpdateDetector", map[string]interface{}{
		"DetectorId":                 id,
		"Enable":                     true,
		"FindingPublishingFrequency": FindingPublishingFrequency,
		"Features":                   apiFeatures(states, "Status", status),
	}, id)
	stack := awscdk.Stack_Of(scope)
	// Turning on EBS malware protection creates its service-linked role on first use.
	slr := awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:    jsii.Strings("iam:CreateServiceLinkedRole"),
		Resources:  jsii.Strings("arn:" + *stack.Partition() + ":iam::" + *stack.Account() + ":role/aws-service-role/malware-protection.guardduty.amazonaws.com/*"),
		Conditions: &map[string]interface{}{"StringEquals": map[string]interface{}{"iam:AWSServiceName": "malware-protection.guardduty.amazonaws.com"}},
	})
	cr := newCall(scope, idSettings, call, nil, allow([]string{arn}, "guardduty:UpdateDetector"), slr)
	nag.Suppress(cr, true, nag.Rule{
		ID: "AwsSolutions-IAM5", Reason: "service-linked role names end in a suffix AWS chooses; the statement is limited to GuardDuty malware protection's role path and service name",
		AppliesTo: []string{"/^Resource::arn:.*:iam::.*:role\\/aws-service-role\\/malware-protection\\.guardduty\\.amazonaws\\.com\\/\\*$/"},
	})
	return cr
}

// updateOrganizationConfiguration auto-enables GuardDuty, with the same features, in
// every existing and future account of the organization. On delete it does nothing:
// member accounts keep GuardDuty, and new accounts still get it, until an administrator
// decides otherwise.
func updateOrganizationConfiguration(scope constructs.Construct, id, arn string, states []featureState) customresources.AwsCustomResource {
	call := sdkCall("UpdateOrganizationConfiguration", map[string]interface{}{
		"DetectorId":                    id,
		"AutoEnableOrganizationMembers": "ALL",
		"Features":                      apiFeatures(states, "AutoEnable", autoEnable),
	}, id)
	cr := newCall(scope, idOrganizationConfiguration, call, nil,
		allow([]string{arn}, "guardduty:UpdateOrganizationConfiguration"),
		allow([]string{"*"}, "organizations:DescribeOrganization", "organizations:ListAccounts"))
	nag.Suppress(cr, true, nag.Rule{
		ID: "AwsSolutions-IAM5", Reason: "organizations:DescribeOrganization and ListAccounts are read-only and have no resource-level permissions; GuardDuty reads the organization to enable every account",
		AppliesTo: []string{"Resource::*"},
	})
	return cr
}

func itoa(i int) string { return strconv.Itoa(i) }
