package network

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"
)

// attachTransitGateway attaches the VPC to the Transit Gateway through the dedicated
// attachment subnets and sends the private subnets' default route to it.
//
// The attachment subnets are the first blocks of the VPC range and nothing else lives
// in them, so adding workload subnets never changes them: a change would replace the
// attachment and cut the VPC off while the new one waits for acceptance.
func (v *Vpc) attachTransitGateway(p VpcProps) {
	var subnetIDs []interface{}
	for _, s := range v.AttachmentSubnets {
		subnetIDs = append(subnetIDs, *s.SubnetId())
	}
	v.TransitGatewayAttachment = awsec2.NewCfnTransitGatewayAttachment(v, jsii.String("TransitGatewayAttachment"), &awsec2.CfnTransitGatewayAttachmentProps{
		TransitGatewayId: jsii.String(p.TransitGatewayID),
		VpcId:            v.Vpc.VpcId(),
		SubnetIds:        &subnetIDs,
		Options:          map[string]interface{}{"DnsSupport": "enable", "Ipv6Support": "disable", "ApplianceModeSupport": "disable"},
		Tags:             &[]*awscdk.CfnTag{{Key: jsii.String("Name"), Value: jsii.String(p.Name)}},
	})
	for i, s := range v.PrivateSubnets {
		route := awsec2.NewCfnRoute(v, jsii.String(fmt.Sprintf("DefaultRouteToTransitGateway%d", i+1)), &awsec2.CfnRouteProps{
			RouteTableId:         s.RouteTable().RouteTableId(),
			DestinationCidrBlock: jsii.String("0.0.0.0/0"),
			TransitGatewayId:     jsii.String(p.TransitGatewayID),
		})
		// A route to a Transit Gateway needs the attachment to exist first.
		route.Node().AddDependency(v.TransitGatewayAttachment)
	}
}
