package securityhub_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/securityhub"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestHubPropsErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		props   securityhub.HubProps
		noTopic bool
		want    []string
	}{
		{"zero value", securityhub.HubProps{}, true,
			[]string{`HubProps.OrganizationRootID "": required`, `HubProps.AlertTopic: required`}},
		{"malformed root ID", securityhub.HubProps{OrganizationRootID: "ou-ab12-cd34ef56"}, false,
			[]string{`HubProps.OrganizationRootID "ou-ab12-cd34ef56": not an organization root ID such as "r-ab12"`}},
		{"unknown CIS version", securityhub.HubProps{OrganizationRootID: rootID, CISVersion: "1.2.0"}, false,
			[]string{`HubProps.CISVersion "1.2.0": unknown version; want one of ["1.4.0" "3.0.0" "5.0.0"]`}},
		{"malformed control IDs", securityhub.HubProps{OrganizationRootID: rootID, DisabledControls: []string{"IAM6", "iam.6 ", ""}}, false,
			[]string{`HubProps.DisabledControls[0] "IAM6": not a security control ID such as "IAM.6"`, `HubProps.DisabledControls[1] "iam.6 "`, `HubProps.DisabledControls[2] ""`}},
		{"control twice", securityhub.HubProps{OrganizationRootID: rootID, DisabledControls: []string{"IAM.6", "IAM.6"}}, false,
			[]string{`HubProps.DisabledControls[1] "IAM.6": duplicate of HubProps.DisabledControls[0]`}},
		{"malformed region", securityhub.HubProps{OrganizationRootID: rootID, LinkedRegions: []string{"eu-central-1", "Frankfurt"}}, false,
			[]string{`HubProps.LinkedRegions[1] "Frankfurt": not an AWS region name`}},
		{"home region linked", securityhub.HubProps{OrganizationRootID: rootID, LinkedRegions: []string{lztest.Region}}, false,
			[]string{`HubProps.LinkedRegions[0] "eu-west-1": is the home region, which aggregates the others`}},
		{"region twice", securityhub.HubProps{OrganizationRootID: rootID, LinkedRegions: []string{"us-east-1", "us-east-1"}}, false,
			[]string{`HubProps.LinkedRegions[1] "us-east-1": duplicate of HubProps.LinkedRegions[0]`}},
		{"unknown severity", securityhub.HubProps{OrganizationRootID: rootID, AlertSeverity: "LOW"}, false,
			[]string{`HubProps.AlertSeverity "LOW": unknown severity; want one of ["MEDIUM" "HIGH" "CRITICAL"]`}},
		{"every problem at once", securityhub.HubProps{
			OrganizationRootID: "root", CISVersion: "2", DisabledControls: []string{"x"}, LinkedRegions: []string{"eu-west-1", "moon-1"}, AlertSeverity: "high",
		}, true, []string{
			`HubProps.OrganizationRootID "root"`, `HubProps.AlertTopic: required`, `HubProps.CISVersion "2"`, `HubProps.DisabledControls[0] "x"`,
			`HubProps.LinkedRegions[0] "eu-west-1": is the home region`, `HubProps.LinkedRegions[1] "moon-1"`, `HubProps.AlertSeverity "high"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			props := tc.props
			if !tc.noTopic {
				lztest.Do(t, func() { props.AlertTopic = alertTopic(stack) })
			}
			var err error
			lztest.Do(t, func() { _, err = securityhub.NewHub(stack, "SecurityHub", props) })
			lztest.ExpectInvalid(t, err, "securityhub: HubProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "SecurityHub")
		})
	}
}

// Validate, without a stack, cannot know the home region but checks the rest.
func TestHubPropsValidate(t *testing.T) {
	err := securityhub.HubProps{OrganizationRootID: "r-1", LinkedRegions: []string{"eu-west-1"}}.Validate()
	lztest.ExpectInvalid(t, err, "securityhub: HubProps.", `HubProps.OrganizationRootID "r-1"`, `HubProps.AlertTopic: required`)
}

// A region whose CloudFormation lacks the finding aggregator cannot be the home
// region; an unknown linked region is named with the nearest known one.
func TestHubRefusesRegionsAWSLacks(t *testing.T) {
	app := lztest.NewApp(t)
	var err error
	lztest.Do(t, func() {
		stack := awscdk.NewStack(app, jsii.String("Cape"), &awscdk.StackProps{Env: &awscdk.Environment{Account: jsii.String(lztest.Account), Region: jsii.String("af-south-1")}})
		_, err = securityhub.NewHub(stack, "SecurityHub", securityhub.HubProps{OrganizationRootID: rootID, LinkedRegions: []string{"eu-wset-1"}, AlertTopic: alertTopic(stack)})
	})
	lztest.ExpectInvalid(t, err, "securityhub: ",
		`securityhub: HubProps.LinkedRegions[0] "eu-wset-1": not a region the AWS CDK knows; did you mean "eu-west-1"?`,
		`securityhub: the stack's region "af-south-1": CloudFormation has no AWS::SecurityHub::FindingAggregator in this region, which the hub's finding aggregation needs`)
}
