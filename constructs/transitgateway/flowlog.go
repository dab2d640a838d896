package transitgateway

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/secure"
)

// addFlowLog records the traffic of every attachment, to the bucket of p as
// hourly-partitioned Parquet (cheaper to store and to query with Athena) or to an
// encrypted log group. Transit Gateway flow logs have no traffic type and aggregate
// over one minute.
func (t *TransitGateway) addFlowLog(p TransitGatewayProps) {
	var dest awsec2.FlowLogDestination
	if p.FlowLogBucket != nil {
		dest = awsec2.FlowLogDestination_ToS3(p.FlowLogBucket, jsii.String(FlowLogKeyPrefix+"/"), &awsec2.S3DestinationOptions{
			FileFormat:               awsec2.FlowLogFileFormat_PARQUET,
			HiveCompatiblePartitions: jsii.Bool(true),
			PerHourPartition:         jsii.Bool(true),
		})
	} else {
		group := secure.NewLogGroup(t, idFlowLogGroup, secure.LogGroupProps{
			RetentionDays: p.FlowLogRetentionDays,
			Description:   "Encrypts the flow logs of Transit Gateway " + p.Name,
		})
		t.FlowLogGroup = group.LogGroup
		dest = awsec2.FlowLogDestination_ToCloudWatchLogs(group.LogGroup, t.flowLogRole())
	}
	t.FlowLog = awsec2.NewFlowLog(t, jsii.String(idFlowLog), &awsec2.FlowLogProps{
		ResourceType:           awsec2.FlowLogResourceType_FromTransitGatewayId(jsii.String(t.ID)),
		Destination:            dest,
		MaxAggregationInterval: awsec2.FlowLogMaxAggregationInterval_ONE_MINUTE,
	})
	if p.FlowLogBucket != nil {
		secure.FixDestinationOptions(t.FlowLog)
	}
}

// flowLogRole is the role the flow-log service delivers with. Its trust is limited to
// flow logs of this account and region, so that no other account can have the service
// write into this log group (the confused-deputy conditions AWS recommends).
func (t *TransitGateway) flowLogRole() awsiam.Role {
	conditions := secure.FlowLogTrustConditions(awscdk.Stack_Of(t))
	return awsiam.NewRole(t, jsii.String(idFlowLogRole), &awsiam.RoleProps{
		AssumedBy:   awsiam.NewServicePrincipal(jsii.String("vpc-flow-logs.amazonaws.com"), nil).WithConditions(&conditions),
		Description: jsii.String("Delivers the Transit Gateway's flow logs to its log group"),
	})
}
