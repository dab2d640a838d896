package guardduty

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
)

// awsCustomResourceProviderID is the construct ID of the CDK's stack-wide singleton
// Lambda function behind every AwsCustomResource.
const awsCustomResourceProviderID = "AWS679f53fac002430cb0da5b7982bd2287"

// suppressProvider records why cdk-nag's findings on the CDK's own AwsCustomResource
// handler do not apply. The call is idempotent.
func suppressProvider(stack awscdk.Stack) {
	provider := stack.Node().TryFindChild(jsii.String(awsCustomResourceProviderID))
	if provider == nil {
		return
	}
	nag.Suppress(provider, true,
		nag.Rule{ID: "AwsSolutions-IAM4", Reason: "the CDK's AwsCustomResource handler uses AWSLambdaBasicExecutionRole only to write its logs; its API permissions are the per-call policies",
			AppliesTo: []string{"Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}},
		nag.Rule{ID: "AwsSolutions-L1", Reason: "the CDK pins the runtime of its own custom-resource handler; it is updated with the CDK"},
	)
}
