package network

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"
)

// addInterfaceEndpoints creates one interface endpoint per listed service in the
// private subnets, with private DNS so that SDKs need no configuration, behind one
// security group that admits HTTPS from the VPC's own range only.
func (v *Vpc) addInterfaceEndpoints(p VpcProps) {
	if len(p.InterfaceEndpoints) == 0 {
		return
	}
	v.EndpointSecurityGroup = awsec2.NewSecurityGroup(v, jsii.String("EndpointSecurityGroup"), &awsec2.SecurityGroupProps{
		Vpc:              v.Vpc,
		AllowAllOutbound: jsii.Bool(false),
		Description:      jsii.String("Interface endpoints of " + p.Name + ": HTTPS from the VPC only"),
	})
	// The literal range rather than the VPC's CidrBlock attribute, so that the rule is
	// readable in the template and checkable by cdk-nag.
	v.EndpointSecurityGroup.AddIngressRule(awsec2.Peer_Ipv4(jsii.String(p.Cidr)), awsec2.Port_Tcp(jsii.Number(443)), jsii.String("HTTPS from the VPC"), nil)
	v.InterfaceEndpoints = map[string]awsec2.InterfaceVpcEndpoint{}
	for _, name := range p.InterfaceEndpoints {
		v.InterfaceEndpoints[name] = v.Vpc.AddInterfaceEndpoint(jsii.String("Endpoint-"+name), &awsec2.InterfaceVpcEndpointOptions{
			Service:           awsec2.NewInterfaceVpcEndpointAwsService(jsii.String(name), nil, nil, nil),
			PrivateDnsEnabled: jsii.Bool(true),
			Open:              jsii.Bool(false),
			SecurityGroups:    &[]awsec2.ISecurityGroup{v.EndpointSecurityGroup},
			Subnets:           &awsec2.SubnetSelection{Subnets: &v.PrivateSubnets},
		})
	}
}
