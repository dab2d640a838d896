package logarchive

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Construct IDs are part of the public API: changing one replaces the resource.
const (
	idResource     = "Resource"
	idRole         = "Role"
	idDestination  = "Destination"
	idDeliveryRole = "DeliveryRole"
	idErrorLogs    = "ErrorLogs"
)

// LogDestination is a CloudWatch Logs destination that admits the organization's (or
// the listed) accounts and forwards their log events to the log archive's Firehose
// stream, which may be in another region.
type LogDestination struct {
	constructs.Construct
	// Destination is the CloudWatch Logs destination.
	Destination awslogs.CrossAccountDestination
	// Role is what CloudWatch Logs assumes to put the events into the stream. Its
	// trust policy admits only CloudWatch Logs acting for the senders.
	Role awsiam.Role
	// Arn is the destination's ARN, as DestinationArn computes it; a literal when the
	// stack's environment is concrete.
	Arn string
	// policy is the destination's access policy.
	policy map[string]any
}

// NewLogDestination validates props, then builds a destination in the stack's region
// that targets the home region's stream. Build one in every governed region other than
// the home region, where NewLogArchive builds its own. On error nothing is added to
// scope.
func NewLogDestination(scope constructs.Construct, id string, props LogDestinationProps) (*LogDestination, error) {
	if err := scopecheck.Check("logarchive", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	if err := props.validate(envOf(awscdk.Stack_Of(scope))); err != nil {
		return nil, err
	}
	p := props.withDefaults()
	return newLogDestination(scope, id, p.senders(), p.DestinationName, p.DeliveryStreamArn), nil
}

// newLogDestination builds a destination from validated input. streamArn may be a
// token of a stream in the same stack.
func newLogDestination(scope constructs.Construct, id string, s senders, name, streamArn string) *LogDestination {
	stack := awscdk.Stack_Of(scope)
	d := &LogDestination{Arn: stackArn(stack, "logs", "destination:"+name)}
	// Registering d itself as the construct lets callers pass *LogDestination wherever
	// the CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(d, scope, jsii.String(id))
	c := d.Construct

	d.Role = awsiam.NewRole(c, jsii.String(idRole), &awsiam.RoleProps{
		AssumedBy: awsiam.NewPrincipalWithConditions(
			awsiam.NewServicePrincipal(jsii.String(logsPrincipal), nil),
			ptr(s.trustConditions(*stack.Account()))),
		Description: jsii.String("Lets CloudWatch Logs put the senders' log events into the log archive stream"),
	})
	d.Role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("firehose:PutRecord", "firehose:PutRecordBatch"),
		Resources: jsii.Strings(streamArn),
	}))

	d.Destination = awslogs.NewCrossAccountDestination(c, jsii.String(idResource), &awslogs.CrossAccountDestinationProps{
		DestinationName: jsii.String(name),
		Role:            d.Role,
		TargetArn:       jsii.String(streamArn),
	})
	d.policy = s.destinationPolicy(d.Arn)
	d.Destination.AddToPolicy(awsiam.PolicyStatement_FromJson(s.destinationStatement(d.Arn)))
	// CloudWatch Logs checks at creation that it can assume the role and write.
	d.Destination.Node().AddDependency(d.Role)
	return d
}

// PolicyDocument returns the destination's access policy as CloudWatch Logs stores it,
// for review: who may subscribe to the destination.
//
// Like every construct type of this module, LogDestination has a method with a pointer
// receiver: jsii registers such a Go struct as the construct itself.
func (d *LogDestination) PolicyDocument() string {
	return string(mustJSON(d.policy))
}

// stackArn returns the ARN of resource ("destination:name") of service in the stack's
// account and region: a literal when the stack's environment is concrete, which keeps
// policies readable and checkable by cdk-nag, otherwise a token.
func stackArn(stack awscdk.Stack, service, resource string) string {
	e := envOf(stack)
	partition := *stack.Partition()
	if e.region != "" {
		partition = Partition(e.region)
	}
	return "arn:" + partition + ":" + service + ":" + *stack.Region() + ":" + *stack.Account() + ":" + resource
}

func ptr[T any](v T) *T { return &v }
