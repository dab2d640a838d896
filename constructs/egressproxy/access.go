package egressproxy

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// newInstanceRole is the proxies' role: SSM Session Manager instead of SSH, and writing
// to the proxy's own log group.
func newInstanceRole(scope constructs.Construct, logGroup awslogs.LogGroup) awsiam.Role {
	role := awsiam.NewRole(scope, jsii.String("InstanceRole"), &awsiam.RoleProps{
		AssumedBy:   awsiam.NewServicePrincipal(jsii.String("ec2.amazonaws.com"), nil),
		Description: jsii.String("Squid forward proxy instances: SSM sessions, logs, own Elastic IP"),
		ManagedPolicies: &[]awsiam.IManagedPolicy{
			awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String("AmazonSSMManagedInstanceCore")),
		},
	})
	logGroup.GrantWrite(role)
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("DescribeOwnLogStreams"),
		Actions:   jsii.Strings("logs:DescribeLogStreams"),
		Resources: jsii.Strings(*logGroup.LogGroupArn()),
	}))
	return role
}

// allowAssociate lets the proxies move eip onto themselves, and onto no other
// instance: the instance must carry the proxy tag with this fleet's value.
func allowAssociate(role awsiam.Role, eip awsec2.CfnEIP, proxyTag string) {
	stack := awscdk.Stack_Of(role)
	arn := func(resource string) string {
		return "arn:" + *stack.Partition() + ":ec2:" + *stack.Region() + ":" + *stack.Account() + ":" + resource
	}
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("ec2:AssociateAddress"),
		Resources: jsii.Strings(arn("elastic-ip/" + *eip.AttrAllocationId())),
	}))
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:    jsii.Strings("ec2:AssociateAddress"),
		Resources:  jsii.Strings(arn("instance/*")),
		Conditions: &map[string]interface{}{"StringEquals": map[string]interface{}{"aws:ResourceTag/" + proxyTagKey: proxyTag}},
	}))
}

// newSecurityGroups returns the load balancer's group, which admits the proxy port
// from the clients only, and the instances' group, which admits it from the clients
// (the load balancer preserves their addresses) and the load balancer (health checks),
// and lets the instances out on ports 80 and 443 only.
func newSecurityGroups(scope constructs.Construct, vpc awsec2.IVpc, r resolved) (lb, instances awsec2.SecurityGroup) {
	port := awsec2.Port_Tcp(jsii.Number(r.settings.Port))
	lb = awsec2.NewSecurityGroup(scope, jsii.String("LoadBalancerSecurityGroup"), &awsec2.SecurityGroupProps{
		Vpc: vpc, AllowAllOutbound: jsii.Bool(false),
		Description: jsii.String("Forward proxy load balancer: proxy port from the client subnets only"),
	})
	instances = awsec2.NewSecurityGroup(scope, jsii.String("InstanceSecurityGroup"), &awsec2.SecurityGroupProps{
		Vpc: vpc, AllowAllOutbound: jsii.Bool(false),
		Description: jsii.String("Forward proxy instances: proxy port from clients and the load balancer; out on 80 and 443"),
	})
	for _, cidr := range r.clientCidrs {
		lb.AddIngressRule(awsec2.Peer_Ipv4(jsii.String(cidr)), port, jsii.String("Proxy clients"), nil)
		instances.AddIngressRule(awsec2.Peer_Ipv4(jsii.String(cidr)), port, jsii.String("Proxy clients, addresses preserved by the load balancer"), nil)
	}
	instances.AddIngressRule(lb, port, jsii.String("Load balancer health checks"), nil)
	lb.AddEgressRule(instances, port, jsii.String("To the proxies"), nil)
	for _, p := range []int{80, 443} {
		instances.AddEgressRule(awsec2.Peer_AnyIpv4(), awsec2.Port_Tcp(jsii.Number(p)), jsii.String("Proxied requests to allow-listed domains"), nil)
	}
	return lb, instances
}
