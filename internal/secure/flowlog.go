package secure

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
)

// ParquetHourlyOptions returns, in a new map at each call, the DestinationOptions of a
// flow log to S3 that the landing zone writes: Parquet files, Hive-compatible,
// partitioned per hour, with the keys CloudFormation requires
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-flowlog.html#cfn-ec2-flowlog-destinationoptions).
func ParquetHourlyOptions() map[string]interface{} {
	return map[string]interface{}{
		"FileFormat":               "parquet",
		"HiveCompatiblePartitions": true,
		"PerHourPartition":         true,
	}
}

// FixDestinationOptions replaces the DestinationOptions that the CDK wrote for a flow
// log to S3 with ParquetHourlyOptions, whose keys CloudFormation accepts; the L2
// writes fileFormat, hiveCompatiblePartitions and perHourPartition
// (https://github.com/aws/aws-cdk/issues/25432).
func FixDestinationOptions(flowLog awsec2.FlowLog) {
	cfn := flowLog.Node().DefaultChild().(awsec2.CfnFlowLog)
	cfn.SetDestinationOptions(ParquetHourlyOptions())
}

// LimitFlowLogTrust adds to the trust of role, assumed by the flow-log service, the
// confused-deputy conditions AWS recommends: only flow logs of the role's own account
// and region may have the service act with it
// (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html). It
// edits the first statement of the role's CloudFormation trust policy, which is the
// CDK's service-principal statement, so the role keeps its logical ID.
func LimitFlowLogTrust(role awsiam.IRole) {
	stack := awscdk.Stack_Of(role)
	cfn := role.Node().DefaultChild().(awsiam.CfnRole)
	cfn.AddPropertyOverride(jsii.String("AssumeRolePolicyDocument.Statement.0.Condition"), FlowLogTrustConditions(stack))
}

// FlowLogTrustConditions are the conditions of LimitFlowLogTrust.
func FlowLogTrustConditions(stack awscdk.Stack) map[string]interface{} {
	return map[string]interface{}{
		"StringEquals": map[string]interface{}{"aws:SourceAccount": *stack.Account()},
		"ArnLike":      map[string]interface{}{"aws:SourceArn": "arn:" + *stack.Partition() + ":ec2:" + *stack.Region() + ":" + *stack.Account() + ":vpc-flow-log/*"},
	}
}
