package logarchive

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesisfirehose"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/secure"
)

// errorLogStreamID is the construct ID of the log stream that the CDK's Firehose S3
// destination adds to the error log group.
const errorLogStreamID = "S3Destination"

// partitionQuery reads the partition keys from a decompressed CloudWatch Logs record
// with JQ. Log group names start with a slash that would leave an empty path segment;
// control messages carry no account or log group of their own.
var partitionQuery = map[string]*string{
	"account":  jsii.String(`(if .messageType == "CONTROL_MESSAGE" then "` + ControlPartition + `" else .owner end)`),
	"logGroup": jsii.String(`(if .messageType == "CONTROL_MESSAGE" then "` + ControlPartition + `" else (.logGroup | ltrimstr("/")) end)`),
}

// addDeliveryStream builds the error log group, the delivery role and the stream.
func (a *LogArchive) addDeliveryStream(p LogArchiveProps) {
	c := a.Construct
	stack := awscdk.Stack_Of(c)
	logGroupName := ErrorLogGroupName(p.DeliveryStreamName)
	group := secure.NewLogGroup(c, idErrorLogs, secure.LogGroupProps{
		Name:          logGroupName,
		RetentionDays: p.ErrorLogRetentionDays,
		Description:   "Encrypts the delivery errors of Firehose stream " + p.DeliveryStreamName,
	})
	a.ErrorLogGroup = group.LogGroup

	a.DeliveryRole = awsiam.NewRole(c, jsii.String(idDeliveryRole), &awsiam.RoleProps{
		// Firehose passes the stream owner's account as the external ID.
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("firehose.amazonaws.com"), nil).WithConditions(&map[string]interface{}{
			"StringEquals": map[string]interface{}{"sts:ExternalId": *stack.Account()},
		}),
		Description: jsii.String("Lets Firehose stream " + p.DeliveryStreamName + " write log archive objects and report its errors"),
	})
	// The CDK's Firehose constructs would grant far more than delivery needs
	// (s3:DeleteObject* among it); addDeliveryPolicy writes the role's whole policy.
	role := a.DeliveryRole.WithoutPolicyUpdates(nil)

	destination := awskinesisfirehose.NewS3Bucket(p.Bucket, &awskinesisfirehose.S3BucketProps{
		Role:                role,
		DataOutputPrefix:    jsii.String(a.DataPrefix),
		ErrorOutputPrefix:   jsii.String(a.ErrorPrefix),
		Compression:         awskinesisfirehose.Compression_GZIP(),
		FileExtension:       jsii.String(".gz"),
		EncryptionKey:       p.Key,
		BufferingInterval:   awscdk.Duration_Seconds(jsii.Number(p.BufferingIntervalSeconds)),
		BufferingSize:       awscdk.Size_Mebibytes(jsii.Number(p.BufferingSizeMiB)),
		DynamicPartitioning: &awskinesisfirehose.DynamicPartitioningProps{Enabled: jsii.Bool(true)},
		Processors: &[]awskinesisfirehose.IDataProcessor{
			awskinesisfirehose.NewDecompressionProcessor(nil),
			awskinesisfirehose.MetadataExtractionProcessor_Jq16(&partitionQuery),
			awskinesisfirehose.NewAppendDelimiterToRecordProcessor(),
		},
		LoggingConfig: awskinesisfirehose.NewEnableLogging(group.LogGroup),
	})
	a.DeliveryStream = awskinesisfirehose.NewDeliveryStream(c, jsii.String(idResource), &awskinesisfirehose.DeliveryStreamProps{
		DeliveryStreamName: jsii.String(p.DeliveryStreamName),
		Destination:        destination,
		Encryption:         awskinesisfirehose.StreamEncryption_CustomerManagedKey(p.Key),
		Role:               role,
	})
	stream := group.LogGroup.Node().FindChild(jsii.String(errorLogStreamID)).(awslogs.LogStream)
	a.addDeliveryPolicy(p, stackArn(stack, "logs", "log-group:"+logGroupName+":log-stream:"+*stream.LogStreamName()))
	// Firehose checks its access to the bucket when the stream is created.
	a.DeliveryStream.Node().AddDependency(a.DeliveryRole)
	a.DeliveryStreamArn = stackArn(stack, "firehose", "deliverystream/"+p.DeliveryStreamName)
}

// addDeliveryPolicy grants the delivery role what Firehose documents for an S3
// destination, and no more: write and multipart upload under the two key prefixes,
// the bucket's key only through S3 for those objects, and the error log stream.
func (a *LogArchive) addDeliveryPolicy(p LogArchiveProps, errorStreamArn string) {
	stack := awscdk.Stack_Of(a.Construct)
	bucketArn := *p.Bucket.BucketArn()
	objects := []string{
		bucketArn + "/" + a.keyPrefix + DataKeyPrefix + "*",
		bucketArn + "/" + a.keyPrefix + ErrorKeyPrefix + "*",
	}
	a.DeliveryRole.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("ListBucket"),
		Actions:   jsii.Strings("s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"),
		Resources: jsii.Strings(bucketArn),
	}))
	a.DeliveryRole.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("WriteLogObjects"),
		Actions:   jsii.Strings("s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"),
		Resources: jsii.Strings(objects...),
	}))
	// With an S3 Bucket Key the encryption context is the bucket's ARN, otherwise the
	// object's.
	a.DeliveryRole.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("EncryptLogObjects"),
		Actions:   jsii.Strings("kms:Decrypt", "kms:GenerateDataKey"),
		Resources: jsii.Strings(*p.Key.KeyArn()),
		Conditions: &map[string]interface{}{
			"StringEquals": map[string]interface{}{"kms:ViaService": "s3." + *stack.Region() + ".amazonaws.com"},
			"StringLike":   map[string]interface{}{"kms:EncryptionContext:aws:s3:arn": append([]string{bucketArn}, objects...)},
		},
	}))
	a.DeliveryRole.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("LogDeliveryErrors"),
		Actions:   jsii.Strings("logs:PutLogEvents"),
		Resources: jsii.Strings(errorStreamArn),
	}))
}
