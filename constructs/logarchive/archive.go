package logarchive

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesisfirehose"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// LogArchive is the log archive's receiving pipeline in the home region: a Firehose
// stream into the log bucket and the home region's CloudWatch Logs destination.
type LogArchive struct {
	constructs.Construct
	// DeliveryStream decompresses, partitions and writes the log events.
	DeliveryStream awskinesisfirehose.DeliveryStream
	// DeliveryStreamArn is the stream's ARN, which NewLogDestination in the other
	// governed regions targets.
	DeliveryStreamArn string
	// DeliveryRole is what Firehose assumes to write to the bucket with its key and to
	// log its errors.
	DeliveryRole awsiam.Role
	// ErrorLogGroup receives the stream's delivery errors; its name is
	// ErrorLogGroupName(DeliveryStreamName). Subscriptions must exclude it.
	ErrorLogGroup awslogs.LogGroup
	// Destination is the home region's CloudWatch Logs destination.
	Destination *LogDestination
	// DataPrefix and ErrorPrefix are the stream's key prefixes, as Firehose
	// expressions.
	DataPrefix, ErrorPrefix string
	// keyPrefix is LogArchiveProps.KeyPrefix ending in a slash, or empty.
	keyPrefix string
}

// NewLogArchive validates props, then builds the stream, its delivery role and error
// log group, and the home region's destination. On error nothing is added to scope.
func NewLogArchive(scope constructs.Construct, id string, props LogArchiveProps) (*LogArchive, error) {
	if err := scopecheck.Check("logarchive", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	stack := awscdk.Stack_Of(scope)
	if err := props.validate(envOf(stack)); err != nil {
		return nil, err
	}
	p := props.withDefaults()
	a := &LogArchive{keyPrefix: normalizeKeyPrefix(p.KeyPrefix)}
	a.DataPrefix = a.keyPrefix + DataKeyPrefix + "account=!{partitionKeyFromQuery:account}/logGroup=!{partitionKeyFromQuery:logGroup}/!{timestamp:yyyy/MM/dd}/"
	a.ErrorPrefix = a.keyPrefix + ErrorKeyPrefix + "!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/"
	// Registering a itself as the construct lets callers pass *LogArchive wherever the
	// CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(a, scope, jsii.String(id))

	a.addDeliveryStream(p)
	a.Destination = newLogDestination(a.Construct, idDestination, p.senders(), p.DestinationName, *a.DeliveryStream.DeliveryStreamArn())
	a.suppressFindings()
	return a, nil
}

// LogGroupKeyPrefix returns the key prefix under which the events of logGroup in
// account land in this archive's bucket, as the package function of that name.
//
// Like every construct type of this module, LogArchive has a method with a pointer
// receiver: jsii registers such a Go struct as the construct itself.
func (a *LogArchive) LogGroupKeyPrefix(account, logGroup string) string {
	return LogGroupKeyPrefix(a.keyPrefix, account, logGroup)
}
