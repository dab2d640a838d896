package network

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// addFlowLog records all traffic, accepted and rejected, either to props'
// bucket as hourly-partitioned Parquet (cheaper to store and to query with Athena) or to
// an encrypted log group.
func (v *Vpc) addFlowLog(p VpcProps) {
	var dest awsec2.FlowLogDestination
	if p.FlowLogBucket != nil {
		dest = awsec2.FlowLogDestination_ToS3(p.FlowLogBucket, jsii.String(p.FlowLogKeyPrefix+"/"), &awsec2.S3DestinationOptions{
			FileFormat:               awsec2.FlowLogFileFormat_PARQUET,
			HiveCompatiblePartitions: jsii.Bool(true),
			PerHourPartition:         jsii.Bool(true),
		})
	} else {
		group := secure.NewLogGroup(v, "FlowLogs", secure.LogGroupProps{
			RetentionDays: p.FlowLogRetentionDays,
			Key:           p.FlowLogKey,
			Description:   "Encrypts the flow logs of VPC " + p.Name,
		})
		v.FlowLogGroup = group.LogGroup
		if p.FlowLogRetentionDays < DefaultFlowLogRetentionDays {
			// Validation admits this only with AllowShortFlowLogRetention.
			nag.SuppressControls(group.LogGroup, true, nag.Rule{ID: "CT.CLOUDWATCH.PR.2",
				Reason: "a retention below one year that the caller chose explicitly with VpcProps.AllowShortFlowLogRetention"})
		}
		dest = awsec2.FlowLogDestination_ToCloudWatchLogs(group.LogGroup, nil)
	}
	v.FlowLog = v.Vpc.AddFlowLog(jsii.String("FlowLog"), &awsec2.FlowLogOptions{
		Destination: dest,
		TrafficType: awsec2.FlowLogTrafficType_ALL,
	})
	if p.FlowLogBucket != nil {
		secure.FixDestinationOptions(v.FlowLog)
	} else {
		secure.LimitFlowLogTrust(v.FlowLog.IamRole())
	}
}
