package network

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// restrictProviderID is the construct ID of the CDK's singleton provider that empties
// default security groups.
const restrictProviderID = "Custom::VpcRestrictDefaultSGCustomResourceProvider"

// RestrictProviderLogsID is the construct ID, under the stack, of the log group of
// that provider's handler.
const RestrictProviderLogsID = "RestrictDefaultSecurityGroupLogs"

// restrictProviderLogRetentionDays keeps the handler's logs a year, like the flow logs.
const restrictProviderLogRetentionDays = DefaultFlowLogRetentionDays

// secureRestrictProvider gives the CDK's own default-security-group handler an
// encrypted log group that expires, and records why cdk-nag's findings and the Control
// Tower controls that it does not meet do not apply. Without a log group of its own,
// Lambda writes to /aws/lambda/<function>, which it creates unencrypted and keeps
// forever; the CDK offers no option for this provider, so the function's LoggingConfig
// is set directly
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-function-loggingconfig.html).
// The provider is a stack-wide singleton created by the first VPC; the call is
// idempotent.
func secureRestrictProvider(stack awscdk.Stack) {
	provider := stack.Node().TryFindChild(jsii.String(restrictProviderID))
	if provider == nil {
		return
	}
	if stack.Node().TryFindChild(jsii.String(RestrictProviderLogsID)) == nil {
		logs := secure.NewLogGroup(stack, RestrictProviderLogsID, secure.LogGroupProps{
			RetentionDays: restrictProviderLogRetentionDays,
			Description:   "Encrypts the logs of the handler that empties default security groups",
		})
		handler := provider.Node().FindChild(jsii.String("Handler")).(awscdk.CfnResource)
		handler.AddPropertyOverride(jsii.String("LoggingConfig"), map[string]interface{}{"LogGroup": logs.LogGroup.LogGroupName()})
	}
	nag.Suppress(provider, true,
		nag.Rule{ID: "AwsSolutions-IAM4", Reason: "the CDK's own handler that empties default security groups uses AWSLambdaBasicExecutionRole only to write its logs"},
		nag.Rule{ID: "AwsSolutions-L1", Reason: "the CDK pins the runtime of its own custom-resource handler; it is updated with the CDK"},
	)
	nag.SuppressControls(provider, true, nag.HandlerOutsideVPC())
}
