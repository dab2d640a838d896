package nag

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// AwsCustomResourceProviderID is the construct ID, directly under the stack, of the
// CDK's singleton Lambda function that runs every AwsCustomResource of the stack.
const AwsCustomResourceProviderID = "AWS679f53fac002430cb0da5b7982bd2287"

// SuppressChild attaches rules to the child of scope named id and to everything below
// it, and reports whether there was such a child. It suits the CDK's singleton
// providers, created under the stack by the first construct that needs them.
func SuppressChild(scope constructs.IConstruct, id string, rules ...Rule) bool {
	child := scope.Node().TryFindChild(jsii.String(id))
	if child == nil {
		return false
	}
	Suppress(child, true, rules...)
	return true
}

// SuppressAwsCustomResourceProvider records why cdk-nag's findings on the CDK's own
// AwsCustomResource handler in the stack of scope do not apply: its managed policy only
// writes its logs (each call's permissions are a separate policy, checked as usual),
// and the CDK pins its runtime. It does nothing when the stack has no AwsCustomResource
// and may be called once per construct that adds one.
func SuppressAwsCustomResourceProvider(scope constructs.IConstruct) {
	SuppressChild(awscdk.Stack_Of(scope), AwsCustomResourceProviderID,
		Rule{ID: "AwsSolutions-IAM4", Reason: "the CDK's AwsCustomResource handler uses AWSLambdaBasicExecutionRole only to write its logs; its API permissions are the per-call policies",
			AppliesTo: []string{"Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}},
		Rule{ID: "AwsSolutions-L1", Reason: "the CDK pins the runtime of its own custom-resource handler; it is updated with the CDK"},
	)
}
