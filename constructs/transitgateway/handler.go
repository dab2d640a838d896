package transitgateway

import (
	_ "embed"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// handlerCode is the custom resources' handler. It is inline in the template, so the
// network stack needs no asset for it. CloudFormation no longer limits inline code to
// 4,096 characters (aws-cdk#20624 follows the change in the AWS::Lambda::Function
// Code.ZipFile documentation).
//
//go:embed handler.py
var handlerCode string

// Construct IDs of the handler, a singleton under the stack.
const (
	idHandler         = "LandingZoneTransitGatewayHandler"
	idHandlerFunction = "Function"
	idHandlerRole     = "Role"
	idHandlerLogs     = "Logs"
)

// Custom resource types of the handler's two actions.
const (
	acceptanceResourceType    = "Custom::TransitGatewayAttachmentAcceptance"
	vpnAttachmentResourceType = "Custom::VpnTransitGatewayAttachment"
)

// handlerTimeoutMinutes bounds one invocation; attachments take a few minutes to
// become available.
const handlerTimeoutMinutes = 10

// handler is the stack's one function behind the acceptance and VPN-lookup custom
// resources.
type handler struct {
	fn   awslambda.Function
	role awsiam.Role
}

// handlerOf returns the handler of scope's stack, creating it on first use.
func handlerOf(scope constructs.Construct) handler {
	stack := awscdk.Stack_Of(scope)
	if c := stack.Node().TryFindChild(jsii.String(idHandler)); c != nil {
		return handler{
			fn:   c.Node().FindChild(jsii.String(idHandlerFunction)).(awslambda.Function),
			role: c.Node().FindChild(jsii.String(idHandlerRole)).(awsiam.Role),
		}
	}
	c := constructs.NewConstruct(stack, jsii.String(idHandler))
	logs := secure.NewLogGroup(c, idHandlerLogs, secure.LogGroupProps{
		RetentionDays: DefaultFlowLogRetentionDays,
		Description:   "Encrypts the logs of the Transit Gateway attachment handler",
	})
	role := awsiam.NewRole(c, jsii.String(idHandlerRole), &awsiam.RoleProps{
		AssumedBy:   awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
		Description: jsii.String("Accepts the registered Transit Gateway attachments and looks up VPN attachments"),
	})
	logs.LogGroup.GrantWrite(role)
	// Neither describe call has resource-level permissions.
	role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("ec2:DescribeTransitGatewayVpcAttachments", "ec2:DescribeTransitGatewayAttachments"),
		Resources: jsii.Strings("*"),
	}))
	nag.Suppress(role, true, nag.Rule{
		ID: "AwsSolutions-IAM5", Reason: "the EC2 describe calls for Transit Gateway attachments have no resource-level permissions; accepting is limited to the registered attachment ARNs",
		AppliesTo: []string{"Resource::*"},
	})
	fn := awslambda.NewFunction(c, jsii.String(idHandlerFunction), &awslambda.FunctionProps{
		Runtime:     awslambda.Runtime_PYTHON_3_14(),
		Handler:     jsii.String("index.handler"),
		Code:        awslambda.Code_FromInline(jsii.String(handlerCode)),
		Role:        role,
		LogGroup:    logs.LogGroup,
		Timeout:     awscdk.Duration_Minutes(jsii.Number(handlerTimeoutMinutes)),
		Description: jsii.String("landingzone: accepts registered Transit Gateway attachments and finds VPN attachments"),
	})
	nag.SuppressControls(fn, true, nag.HandlerOutsideVPC())
	return handler{fn: fn, role: role}
}

// resource adds a custom resource of type typ served by the handler, which waits for
// the handler's permissions.
func (h handler) resource(scope constructs.Construct, id, typ string, props map[string]interface{}) awscdk.CustomResource {
	cr := awscdk.NewCustomResource(scope, jsii.String(id), &awscdk.CustomResourceProps{
		ServiceToken:   h.fn.FunctionArn(),
		ResourceType:   jsii.String(typ),
		Properties:     &props,
		ServiceTimeout: awscdk.Duration_Minutes(jsii.Number(handlerTimeoutMinutes + 1)),
	})
	cr.Node().AddDependency(h.role)
	return cr
}

// allowAccept lets the handler accept attachmentID and no other attachment.
func (h handler) allowAccept(scope constructs.Construct, attachmentID string) {
	stack := awscdk.Stack_Of(scope)
	h.role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("ec2:AcceptTransitGatewayVpcAttachment"),
		Resources: jsii.Strings("arn:" + *stack.Partition() + ":ec2:" + *stack.Region() + ":" + *stack.Account() + ":transit-gateway-attachment/" + attachmentID),
	}))
}
