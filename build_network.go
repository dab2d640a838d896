package landingzone

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/constructs/transitgateway"
)

// NetworkStack is the network account's hub in the home region.
type NetworkStack struct {
	Stack          awscdk.Stack
	TransitGateway *transitgateway.TransitGateway
	Segments       *transitgateway.Segments
	Egress         *transitgateway.EgressVpc
	Spokes         *transitgateway.SpokeAttachments
	// Vpn is the on-premises connection; nil without one.
	Vpn *transitgateway.VpnConnection
}

// network builds the Transit Gateway, its segments, the central egress VPC, the
// acceptance of the registered spoke attachments and the VPN.
func (b *builder) network() {
	c := b.cfg
	n := c.Network
	if n.Disabled {
		return
	}
	home := c.Organization.HomeRegion
	s := b.newStack("Network-"+home, c.Accounts.Network, home, "Transit Gateway hub and central egress", coreStack)
	dependOn(s, b.organizationStack())
	ns := &NetworkStack{Stack: s}
	b.lz.Network = ns

	props := transitgateway.TransitGatewayProps{Name: c.prefix() + "-hub", AmazonSideAsn: n.AmazonSideAsn}
	if n.AdoptExisting {
		props.ExistingTransitGatewayID = n.TransitGatewayID
	}
	if len(n.ShareWithOrganizationalUnits) > 0 {
		props.ShareWithOrganizationalUnits = n.ShareWithOrganizationalUnits
	} else {
		props.ShareWithOrganization = transitgateway.OrganizationArn(c.Organization.ManagementAccount, c.Organization.ID)
	}
	tgw, err := transitgateway.NewTransitGateway(s, "TransitGateway", props)
	if err != nil {
		b.fail("network.", "TransitGatewayProps.", err)
		return
	}
	ns.TransitGateway = tgw
	awscdk.NewCfnOutput(s, jsii.String("TransitGatewayId"), &awscdk.CfnOutputProps{
		Value:       jsii.String(tgw.ID),
		Description: jsii.String("Set network.transitGatewayId to this value so that spoke VPCs can attach"),
	})

	segments, err := transitgateway.NewSegments(s, "Segments", transitgateway.SegmentsProps{TransitGatewayID: tgw.ID, Segments: n.segments()})
	if err != nil {
		b.fail("network.", "SegmentsProps.", err)
		return
	}
	ns.Segments = segments

	var spokes []transitgateway.Spoke
	var returns []string
	for _, w := range c.Workloads {
		if !w.attached() || w.ID == "" {
			continue
		}
		spokes = append(spokes, transitgateway.Spoke{Name: w.name(), Account: w.ID, Segment: w.Segment, AttachmentID: w.TransitGatewayAttachmentID})
		returns = append(returns, c.vpcProps(w).Cidr)
	}
	if len(spokes) == 0 {
		// No VPC attaches yet: the hub is ready, and the egress VPC follows the first
		// spoke, which it would otherwise serve no one before.
		return
	}
	egress, err := transitgateway.NewEgressVpc(s, "Egress", transitgateway.EgressVpcProps{
		Segments: segments, ReturnCidrs: returns,
		Cidr: n.Egress.Cidr, AZCount: n.Egress.AZCount, Egress: network.Egress(n.Egress.Egress), Proxy: n.Egress.Proxy.settings(),
	})
	if err != nil {
		b.fail("network.egress.", "EgressVpcProps.", err)
		return
	}
	ns.Egress = egress
	if ns.Spokes, err = transitgateway.NewSpokeAttachments(s, "Spokes", transitgateway.SpokeAttachmentsProps{Segments: segments, Spokes: spokes}); err != nil {
		b.fail("workloads.", "SpokeAttachmentsProps.", err)
		return
	}
	if o := n.OnPremises; o != nil {
		ns.Vpn, err = transitgateway.NewVpnConnection(s, "Vpn", transitgateway.VpnConnectionProps{
			Segments: segments, Segment: o.Segment, CustomerGatewayIP: o.CustomerGatewayIP, CustomerGatewayAsn: o.CustomerGatewayAsn, StaticRoutes: o.StaticRoutes,
		})
		b.fail("network.onPremises.", "VpnConnectionProps.", err)
	}
}
