package network

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
)

// restrictProviderID is the construct ID of the CDK's singleton provider that empties
// default security groups.
const restrictProviderID = "Custom::VpcRestrictDefaultSGCustomResourceProvider"

// suppressRestrictProvider records why cdk-nag's findings on the CDK's own
// default-security-group handler do not apply. The provider is a stack-wide singleton
// created by the first VPC; the call is idempotent.
func suppressRestrictProvider(stack awscdk.Stack) {
	provider := stack.Node().TryFindChild(jsii.String(restrictProviderID))
	if provider == nil {
		return
	}
	nag.Suppress(provider, true,
		nag.Rule{ID: "AwsSolutions-IAM4", Reason: "the CDK's own handler that empties default security groups uses AWSLambdaBasicExecutionRole only to write its logs"},
		nag.Rule{ID: "AwsSolutions-L1", Reason: "the CDK pins the runtime of its own custom-resource handler; it is updated with the CDK"},
	)
}
