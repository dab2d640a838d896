package guardduty

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

// handlerCode serves the package's custom resources. It is inline in the template, so
// the stacks need no asset and no bootstrap bucket for it; handler_test.py tests it.
//
//go:embed handler.py
var handlerCode string

// Construct IDs of the handler, a singleton under the stack.
const (
	idHandler         = "LandingZoneGuardDutyHandler"
	idHandlerFunction = "Function"
	idHandlerRole     = "Role"
	idHandlerLogs     = "Logs"
)

// Custom resource types of the handler's actions.
const (
	delegationResourceType   = "Custom::GuardDutyDelegatedAdministrator"
	detectorResourceType     = "Custom::GuardDutyDetectorSettings"
	organizationResourceType = "Custom::GuardDutyOrganizationConfiguration"
)

const (
	// handlerTimeoutMinutes bounds one invocation: a detector that the delegation has
	// just created may take a moment to appear.
	handlerTimeoutMinutes = 5
	// handlerLogRetentionDays keeps the handler's logs a year, like the landing zone's
	// other logs.
	handlerLogRetentionDays = 365
	// detectorIDAttribute is the attribute of the detector settings resource that
	// holds the detector's ID.
	detectorIDAttribute = "DetectorId"
)

// handler is the stack's one function behind the package's custom resources.
type handler struct {
	fn   awslambda.Function
	role awsiam.Role
}

// handlerOf returns the handler of scope's stack, creating it on first use with a role
// named roleName (empty: a generated name).
func handlerOf(scope constructs.Construct, roleName string) handler {
	stack := awscdk.Stack_Of(scope)
	if c := stack.Node().TryFindChild(jsii.String(idHandler)); c != nil {
		return handler{
			fn:   c.Node().FindChild(jsii.String(idHandlerFunction)).(awslambda.Function),
			role: c.Node().FindChild(jsii.String(idHandlerRole)).(awsiam.Role),
		}
	}
	c := constructs.NewConstruct(stack, jsii.String(idHandler))
	logs := secure.NewLogGroup(c, idHandlerLogs, secure.LogGroupProps{
		RetentionDays: handlerLogRetentionDays,
		Description:   "Encrypts the logs of the GuardDuty set-up handler",
	})
	roleProps := &awsiam.RoleProps{
		AssumedBy:   awsiam.NewServicePrincipal(jsii.String("lambda.amazonaws.com"), nil),
		Description: jsii.String("Sets GuardDuty up for the landing zone: delegation, detector features, organization auto-enable"),
	}
	if roleName != "" {
		roleProps.RoleName = jsii.String(roleName)
	}
	role := awsiam.NewRole(c, jsii.String(idHandlerRole), roleProps)
	logs.LogGroup.GrantWrite(role)
	fn := awslambda.NewFunction(c, jsii.String(idHandlerFunction), &awslambda.FunctionProps{
		Runtime:     awslambda.Runtime_PYTHON_3_14(),
		Handler:     jsii.String("index.handler"),
		Code:        awslambda.Code_FromInline(jsii.String(handlerCode)),
		Role:        role,
		LogGroup:    logs.LogGroup,
		Timeout:     awscdk.Duration_Minutes(jsii.Number(handlerTimeoutMinutes)),
		Description: jsii.String("landingzone: delegates GuardDuty and configures its detector and organization"),
	})
	nag.SuppressControls(fn, true, nag.HandlerOutsideVPC())
	return handler{fn: fn, role: role}
}

// roleName returns the name the handler's role was given, or "" when CloudFormation
// names it.
func (h handler) roleName() string {
	cfn := h.role.Node().DefaultChild().(awsiam.CfnRole)
	if name := cfn.RoleName(); name != nil {
		return *name
	}
	return ""
}

// resource adds a custom resource of type typ, served by the handler, that waits for
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

// allow adds a statement to the handler's role.
func (h handler) allow(statement *awsiam.PolicyStatementProps) {
	h.role.AddToPrincipalPolicy(awsiam.NewPolicyStatement(statement))
}

// suppress records why the role's wildcard resources are needed.
func (h handler) suppress(reason string, appliesTo ...string) {
	nag.Suppress(h.role, true, nag.Rule{ID: "AwsSolutions-IAM5", Reason: reason, AppliesTo: appliesTo})
}
