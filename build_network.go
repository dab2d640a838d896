package landingzone

import (
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/shard"
)

// NetworkStack is the network account's hub in the home region.
type NetworkStack struct {
	Stack          awscdk.Stack
	TransitGateway *transitgateway.TransitGateway
	Segments       *transitgateway.Segments
	Egress         *transitgateway.EgressVpc
	// Spokes accept the registered attachments, split over NetworkSpokes stacks.
	Spokes []*SpokeStack
	// Vpn is the on-premises connection; nil without one.
	Vpn *transitgateway.VpnConnection
}

// SpokeStack is one of the network account's stacks that accept spoke attachments.
type SpokeStack struct {
	Stack       awscdk.Stack
	Attachments *transitgateway.SpokeAttachments
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
	awscdk.NewCfnOutput(s, jsii.String(transitGatewayOutput), &awscdk.CfnOutputProps{
		Value:       jsii.String(tgw.ID),
		Description: jsii.String("Set network.transitGatewayId to this value so that spoke VPCs can attach"),
	})

	segments, err := transitgateway.NewSegments(s, "Segments", transitgateway.SegmentsProps{TransitGatewayID: tgw.ID, Segments: n.segments(), AmazonSideAsn: n.amazonSideAsn()})
	if err != nil {
		b.fail("network.", "SegmentsProps.", err)
		return
	}
	ns.Segments = segments

	spokes := c.spokes()
	if len(spokes) == 0 {
		// No VPC attaches yet: the hub is ready, and the egress VPC follows the first
		// spoke, which it would otherwise serve no one before.
		return
	}
	egress, err := transitgateway.NewEgressVpc(s, "Egress", transitgateway.EgressVpcProps{
		Segments: segments, ReturnCidrs: n.Egress.returnCidrs(), OrganizationID: c.Organization.ID,
		Cidr: n.Egress.Cidr, AZCount: n.Egress.AZCount, Egress: network.Egress(n.Egress.Egress), Proxy: n.Egress.Proxy.settings(),
		DNSFirewall: n.Egress.DNSFirewall,
	})
	if err != nil {
		b.fail("network.egress.", "EgressVpcProps.", err)
		return
	}
	ns.Egress = egress
	b.spokeStacks(ns, spokes)
	if o := n.OnPremises; o != nil {
		ns.Vpn, err = transitgateway.NewVpnConnection(s, "Vpn", transitgateway.VpnConnectionProps{
			Segments: segments, Segment: o.Segment, CustomerGatewayIP: o.CustomerGatewayIP, CustomerGatewayAsn: o.CustomerGatewayAsn, StaticRoutes: o.StaticRoutes,
		})
		b.fail("network.onPremises.", "VpnConnectionProps.", err)
	}
}

// spokes lists the workloads whose VPCs attach to the Transit Gateway.
func (c Config) spokes() []transitgateway.Spoke {
	var spokes []transitgateway.Spoke
	for _, w := range c.Workloads {
		if w.attached() && w.ID != "" {
			spokes = append(spokes, transitgateway.Spoke{Name: w.name(), Account: w.ID, Segment: w.Segment, AttachmentID: w.TransitGatewayAttachmentID})
		}
	}
	return spokes
}

// spokeStacks accepts the spokes' attachments in NetworkSpokes stacks, each spoke
// placed by its account with a jump consistent hash: pinning network.spokeStackCount
// keeps every spoke in its stack as spokes are added.
func (b *builder) spokeStacks(ns *NetworkStack, spokes []transitgateway.Spoke) {
	c := b.cfg
	n := c.spokeStackCount(spokes)
	if n == 0 {
		b.problems.Addf("network.spokeStackCount", c.Network.SpokeStackCount, "%d spokes do not fit in stacks of %d spokes; raise it", len(spokes), maxSpokesPerStack)
		return
	}
	groups := make([][]transitgateway.Spoke, n)
	for _, sp := range spokes {
		i := shard.Of(sp.Account, n)
		groups[i] = append(groups[i], sp)
	}
	home := c.Organization.HomeRegion
	for i, group := range groups {
		s := b.newStack(spokeStackName(home, i), c.Accounts.Network, home, "acceptance of spoke attachments", coreStack)
		dependOn(s, ns.Stack)
		attachments, err := transitgateway.NewSpokeAttachments(s, "Spokes", transitgateway.SpokeAttachmentsProps{Segments: ns.Segments, Spokes: group})
		if err != nil {
			b.fail("workloads.", "SpokeAttachmentsProps.", err)
			continue
		}
		if len(attachments.Acceptances) == 0 {
			// No spoke of this stack has its attachment recorded yet; CloudFormation
			// refuses a stack without resources, and this one must deploy, now to hold
			// nothing, later to accept, and after a spoke leaves to remove what it held.
			awscdk.NewCfnWaitConditionHandle(s, jsii.String("Empty"), &awscdk.CfnWaitConditionHandleProps{})
		}
		ns.Spokes = append(ns.Spokes, &SpokeStack{Stack: s, Attachments: attachments})
	}
}

// spokeStack is the NetworkSpokes stack that accepts the attachment of account, or nil.
func (b *builder) spokeStack(account string) awscdk.Stack {
	i := slices.IndexFunc(b.cfg.Workloads, func(w Workload) bool { return w.ID == account })
	if i < 0 {
		return nil
	}
	return b.byName[b.cfg.spokeStackOf(b.cfg.Workloads[i])]
}
