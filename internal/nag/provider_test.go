package nag_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/customresources"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/nag"
)

// The CDK's AwsCustomResource handler passes the cdk-nag gate once suppressed.
func TestSuppressAwsCustomResourceProvider(t *testing.T) {
	stack := lztest.NewStack(t)
	if nag.SuppressChild(stack, nag.AwsCustomResourceProviderID, nag.Rule{ID: "AwsSolutions-L1", Reason: "a reason long enough"}) {
		t.Error("SuppressChild found a provider in an empty stack")
	}
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		call := &customresources.AwsSdkCall{
			Service: jsii.String("STS"), Action: jsii.String("GetCallerIdentity"),
			PhysicalResourceId: customresources.PhysicalResourceId_Of(jsii.String("caller")),
		}
		statements := []awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Actions: jsii.Strings("sts:GetCallerIdentity"), Resources: jsii.Strings("*"),
		})}
		cr := customresources.NewAwsCustomResource(s, jsii.String("Caller"), &customresources.AwsCustomResourceProps{
			OnCreate: call, Policy: customresources.AwsCustomResourcePolicy_FromStatements(&statements), InstallLatestAwsSdk: jsii.Bool(false),
		})
		nag.Suppress(cr, true, nag.Rule{ID: "AwsSolutions-IAM5", Reason: "sts:GetCallerIdentity has no resource-level permissions", AppliesTo: []string{"Resource::*"}})
		nag.SuppressAwsCustomResourceProvider(cr)
		nag.SuppressAwsCustomResourceProvider(cr)
	})
	tpl.ResourceCountIs("AWS::Lambda::Function", 1)
}
