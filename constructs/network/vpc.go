package network

import (
	"net/netip"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsroute53resolver"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Construct IDs are part of the public API: changing one replaces the resource.
const (
	idResource = "Resource"
	idProxy    = "Proxy"
)

// Vpc is a VPC with its subnets, egress, flow logs and endpoints.
type Vpc struct {
	constructs.Construct
	// Vpc is the underlying L2, for further wiring.
	Vpc awsec2.Vpc
	// Egress is the resolved egress mode.
	Egress Egress
	// Subnets of each tier, one per AZ in AZ order; empty for tiers the VPC lacks.
	PublicSubnets     []awsec2.ISubnet
	PrivateSubnets    []awsec2.ISubnet
	IsolatedSubnets   []awsec2.ISubnet
	AttachmentSubnets []awsec2.ISubnet
	// Plan is the address block of every subnet.
	Plan []PlannedSubnet
	// FlowLog records all traffic of the VPC.
	FlowLog awsec2.FlowLog
	// FlowLogGroup is the encrypted log group of the flow logs; nil when they go to a
	// bucket.
	FlowLogGroup awslogs.LogGroup
	// Proxy is the forward proxy of EgressProxy; nil in other modes.
	Proxy *egressproxy.ForwardProxy
	// TransitGatewayAttachment attaches the VPC in EgressTransitGateway mode; nil in
	// other modes.
	TransitGatewayAttachment awsec2.CfnTransitGatewayAttachment
	// TransitGatewayAttachmentOutput outputs the attachment's ID in
	// EgressTransitGateway mode, for the Transit Gateway's owner to accept; nil in
	// other modes.
	TransitGatewayAttachmentOutput awscdk.CfnOutput
	// DNSFirewall is the Route 53 Resolver DNS Firewall rule group of a proxy-mode VPC
	// with VpcProps.DNSFirewall; nil otherwise.
	DNSFirewall awsroute53resolver.CfnFirewallRuleGroup
	// GatewayEndpoints holds the S3 and DynamoDB gateway endpoints by service ("S3",
	// "DynamoDB"); empty with DisableGatewayEndpoints.
	GatewayEndpoints map[string]awsec2.GatewayVpcEndpoint
	// InterfaceEndpoints holds the interface endpoints by service name.
	InterfaceEndpoints map[string]awsec2.InterfaceVpcEndpoint
	// EndpointSecurityGroup admits HTTPS from the VPC CIDR to the interface endpoints;
	// nil without interface endpoints.
	EndpointSecurityGroup awsec2.SecurityGroup
}

// NewVpc validates props, then builds the VPC. On error nothing is added to scope.
func NewVpc(scope constructs.Construct, id string, props VpcProps) (*Vpc, error) {
	if err := scopecheck.Check("network", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	stack := awscdk.Stack_Of(scope)
	p, err := validate(props, id, stackRegion(stack))
	if err != nil {
		return nil, err
	}
	vpcCidr := netip.MustParsePrefix(p.Cidr)
	plan, _, _ := planSubnets(vpcCidr, p.tiers(), p.AZCount)

	v := &Vpc{Egress: p.Egress, Plan: plan}
	// Registering v itself as the construct lets callers pass *Vpc wherever the CDK
	// wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(v, scope, jsii.String(id))
	c := v.Construct
	v.Vpc = awsec2.NewVpc(c, jsii.String(idResource), l2Props(p))
	if !p.DisableGatewayEndpoints {
		v.addGatewayEndpoints(p)
	}
	for _, t := range p.tiers() {
		subnets := *v.Vpc.SelectSubnets(&awsec2.SubnetSelection{SubnetGroupName: jsii.String(t.name)}).Subnets
		switch t.name {
		case TierAttachment:
			v.AttachmentSubnets = subnets
		case TierPublic:
			v.PublicSubnets = subnets
		case TierPrivate:
			v.PrivateSubnets = subnets
		case TierIsolated:
			v.IsolatedSubnets = subnets
		}
	}
	v.nameResources(p.Name)

	switch p.Egress {
	case EgressProxy:
		var clients []string
		for _, s := range v.PrivateSubnets {
			clients = append(clients, *s.Ipv4CidrBlock())
		}
		clients = append(clients, p.TransitGatewayRoutes...)
		v.Proxy, err = egressproxy.NewForwardProxy(c, idProxy, egressproxy.ForwardProxyProps{
			Vpc: v.Vpc, ProxySubnets: v.PublicSubnets, ListenerSubnets: v.PrivateSubnets, ClientCidrs: clients, Settings: p.Proxy,
		})
		if err != nil {
			// validate checked the same settings; reaching this is a bug here.
			panic("network: proxy settings passed validation but not NewForwardProxy: " + err.Error())
		}
		if p.DNSFirewall {
			v.addDNSFirewall(p)
		}
	}
	if p.attachesTransitGateway() {
		v.attachTransitGateway(p)
	}
	if p.DefaultSecurityGroup == DefaultSecurityGroupConfigRemediation {
		closeWithConfig(c, v.Vpc)
	} else {
		secureRestrictProvider(stack)
	}
	v.addFlowLog(p)
	v.addInterfaceEndpoints(p)
	return v, nil
}

// l2Props turns resolved props into the CDK Vpc's.
func l2Props(p VpcProps) *awsec2.VpcProps {
	var subnets []*awsec2.SubnetConfiguration
	for _, t := range p.tiers() {
		cfg := &awsec2.SubnetConfiguration{Name: jsii.String(t.name), CidrMask: jsii.Number(t.prefix), SubnetType: awsec2.SubnetType_PRIVATE_ISOLATED}
		switch {
		case t.name == TierPublic:
			cfg.SubnetType = awsec2.SubnetType_PUBLIC
			cfg.MapPublicIpOnLaunch = jsii.Bool(false)
		case t.name == TierPrivate && p.Egress.natGateways(p.AZCount) > 0:
			cfg.SubnetType = awsec2.SubnetType_PRIVATE_WITH_EGRESS
		}
		subnets = append(subnets, cfg)
	}
	l2 := &awsec2.VpcProps{
		VpcName:                      jsii.String(p.Name),
		IpAddresses:                  awsec2.IpAddresses_Cidr(jsii.String(p.Cidr)),
		SubnetConfiguration:          &subnets,
		NatGateways:                  jsii.Number(p.Egress.natGateways(p.AZCount)),
		RestrictDefaultSecurityGroup: jsii.Bool(p.DefaultSecurityGroup == DefaultSecurityGroupCustomResource),
		EnableDnsHostnames:           jsii.Bool(true),
		EnableDnsSupport:             jsii.Bool(true),
	}
	if len(p.AvailabilityZones) > 0 {
		l2.AvailabilityZones = jsii.Strings(p.AvailabilityZones...)
	} else {
		l2.MaxAzs = jsii.Number(p.AZCount)
	}
	return l2
}

// stackRegion reads what validation needs to know of the stack's region. Reading the
// zones registers the same context lookup that the CDK's Vpc makes anyway.
func stackRegion(stack awscdk.Stack) region {
	if *awscdk.Token_IsUnresolved(stack.Region()) {
		return region{Agnostic: true}
	}
	r := region{Name: *stack.Region()}
	for _, az := range *stack.AvailabilityZones() {
		// Without cached context the CDK answers dummy zones and asks the CLI to look
		// the real ones up; their number says nothing yet.
		if *awscdk.Token_IsUnresolved(az) || strings.HasPrefix(*az, "dummy") {
			return r
		}
		r.Zones = append(r.Zones, *az)
	}
	return r
}

// Subnets returns the subnets of tier (TierPublic, TierPrivate, TierIsolated or
// TierAttachment) in AZ order, or nil for a tier the VPC lacks.
//
// Like every construct type of this module, Vpc has at least one method with a pointer
// receiver: jsii registers such a Go struct as the construct itself.
func (v *Vpc) Subnets(tier string) []awsec2.ISubnet {
	switch tier {
	case TierAttachment:
		return v.AttachmentSubnets
	case TierPublic:
		return v.PublicSubnets
	case TierPrivate:
		return v.PrivateSubnets
	case TierIsolated:
		return v.IsolatedSubnets
	}
	return nil
}
