package network

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Construct IDs of the Transit Gateway wiring.
const (
	idAttachment       = "TransitGatewayAttachment"
	idAttachmentOutput = "TransitGatewayAttachmentId"
)

// anyIPv4 is the destination of a default route.
const anyIPv4 = "0.0.0.0/0"

// attachesTransitGateway reports whether the VPC has attachment subnets and an
// attachment: a spoke (EgressTransitGateway) or a hub (TransitGatewayRoutes).
func (p VpcProps) attachesTransitGateway() bool {
	return p.Egress == EgressTransitGateway || len(p.TransitGatewayRoutes) > 0
}

// attachTransitGateway attaches the VPC to the Transit Gateway through the dedicated
// attachment subnets. A spoke sends its private subnets' default route to it; a hub
// sends it the TransitGatewayRoutes and lets traffic that arrives from it leave
// through the NAT gateways.
//
// The attachment subnets are the first blocks of the VPC range and nothing else lives
// in them, so adding workload subnets never changes them: a change would replace the
// attachment and cut the VPC off while the new one waits for acceptance.
func (v *Vpc) attachTransitGateway(p VpcProps) {
	var subnetIDs []interface{}
	for _, s := range v.AttachmentSubnets {
		subnetIDs = append(subnetIDs, *s.SubnetId())
	}
	v.TransitGatewayAttachment = awsec2.NewCfnTransitGatewayAttachment(v, jsii.String(idAttachment), &awsec2.CfnTransitGatewayAttachmentProps{
		TransitGatewayId: jsii.String(p.TransitGatewayID),
		VpcId:            v.Vpc.VpcId(),
		SubnetIds:        &subnetIDs,
		Options:          map[string]interface{}{"DnsSupport": "enable", "Ipv6Support": "disable", "ApplianceModeSupport": "disable"},
		Tags:             &[]*awscdk.CfnTag{{Key: jsii.String("Name"), Value: jsii.String(p.Name)}},
	})
	if p.Egress == EgressTransitGateway {
		// The network account registers this ID to accept the attachment; see package
		// transitgateway.
		v.TransitGatewayAttachmentOutput = awscdk.NewCfnOutput(v, jsii.String(idAttachmentOutput), &awscdk.CfnOutputProps{
			Value:       v.TransitGatewayAttachment.Ref(),
			Description: jsii.String("Transit Gateway attachment of VPC " + p.Name + ", for the network account to accept"),
		})
		if p.TransitGatewayAttachmentID == "" {
			// Until the owner has accepted it, nothing routes through the attachment.
			return
		}
		for i, s := range v.PrivateSubnets {
			v.routeToTransitGateway(fmt.Sprintf("DefaultRouteToTransitGateway%d", i+1), s, anyIPv4, p.TransitGatewayID)
		}
		return
	}
	for _, cidr := range p.TransitGatewayRoutes {
		for _, t := range []struct {
			name    string
			subnets []awsec2.ISubnet
		}{{TierPublic, v.PublicSubnets}, {TierPrivate, v.PrivateSubnets}} {
			for i, s := range t.subnets {
				v.routeToTransitGateway(fmt.Sprintf("%sRouteToTransitGateway%d-%s", t.name, i+1, cidrLabel(cidr)), s, cidr, p.TransitGatewayID)
			}
		}
	}
	for i, s := range v.AttachmentSubnets {
		if nat := v.natGatewayFor(i); nat != nil {
			awsec2.NewCfnRoute(v, jsii.String(fmt.Sprintf("AttachmentDefaultRoute%d", i+1)), &awsec2.CfnRouteProps{
				RouteTableId:         s.RouteTable().RouteTableId(),
				DestinationCidrBlock: jsii.String(anyIPv4),
				NatGatewayId:         nat.Ref(),
			})
		}
	}
}

// routeToTransitGateway sends cidr from subnet's route table to the Transit Gateway.
func (v *Vpc) routeToTransitGateway(id string, subnet awsec2.ISubnet, cidr, transitGatewayID string) {
	route := awsec2.NewCfnRoute(v, jsii.String(id), &awsec2.CfnRouteProps{
		RouteTableId:         subnet.RouteTable().RouteTableId(),
		DestinationCidrBlock: jsii.String(cidr),
		TransitGatewayId:     jsii.String(transitGatewayID),
	})
	// A route to a Transit Gateway needs the attachment to exist first.
	route.Node().AddDependency(v.TransitGatewayAttachment)
}

// natGatewayFor returns the NAT gateway that serves the AZ of index az: its own, or
// the single one of EgressSingleNat; nil without NAT gateways.
func (v *Vpc) natGatewayFor(az int) awsec2.CfnNatGateway {
	var first awsec2.CfnNatGateway
	for i, s := range v.PublicSubnets {
		// The CDK places a NAT gateway under its public subnet.
		c := s.Node().TryFindChild(jsii.String("NATGateway"))
		if c == nil {
			continue
		}
		nat := c.(awsec2.CfnNatGateway)
		if i == az {
			return nat
		}
		if first == nil {
			first = nat
		}
	}
	return first
}

// cidrLabel turns a CIDR into a construct ID part: 10.1.0.0/16 gives 10-1-0-0-16. Routes
// keyed by their destination keep their IDs when other ranges are added or removed.
func cidrLabel(cidr string) string {
	return strings.NewReplacer(".", "-", "/", "-").Replace(cidr)
}

// transitGatewayIDOK reports whether id is a Transit Gateway ID or a token that
// resolves to one at deploy time, such as the ID of a Transit Gateway in the same
// stack.
func transitGatewayIDOK(id string) bool {
	return transitGatewayID.MatchString(id) || *awscdk.Token_IsUnresolved(jsii.String(id))
}

// validateTransitGatewayRoutes checks the ranges a hub VPC routes to the Transit
// Gateway.
func validateTransitGatewayRoutes(l *check.List, raw, p VpcProps) {
	if len(raw.TransitGatewayRoutes) == 0 {
		return
	}
	if p.Egress == EgressTransitGateway {
		l.Addf("VpcProps.TransitGatewayRoutes", raw.TransitGatewayRoutes, "egress mode %s routes every range to the Transit Gateway already", EgressTransitGateway)
		return
	}
	vpc, err := netip.ParsePrefix(p.Cidr)
	vpcOK := err == nil
	for i, cidr := range raw.TransitGatewayRoutes {
		field := check.Index("VpcProps.TransitGatewayRoutes", i)
		prefix, ok := check.IPv4CIDR(l, field, cidr)
		switch {
		case !ok:
		case prefix.Bits() == 0:
			l.Addf(field, cidr, "a default route would take the internet path away from the VPC's own egress")
		case vpcOK && prefix.Bits() >= vpc.Bits() && vpc.Contains(prefix.Addr()):
			// A wider range (10.0.0.0/8 around 10.255.0.0/20) is fine: the local
			// route is more specific and keeps the VPC's own traffic local.
			l.Addf(field, cidr, "inside the VPC's own range %s, which its local route serves", p.Cidr)
		}
	}
	check.Duplicates(l, "VpcProps.TransitGatewayRoutes[%d]", raw.TransitGatewayRoutes)
}
