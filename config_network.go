package landingzone

import (
	"fmt"
	"github.com/go-landingzone/landingzone/internal/shard"
	"regexp"

	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/check"
)

// Network configures the network account's hub: the Transit Gateway, its segments,
// the central egress VPC and the VPN to on-premises. The zero value builds a Transit
// Gateway shared with the organization, the default segments (prod, nonprod, shared,
// egress) and a /20 egress VPC with a NAT gateway per AZ.
type Network struct {
	// Disabled builds no Network stack; no workload can then use egress
	// transit-gateway. False builds it.
	Disabled bool `json:"disabled,omitempty"`
	// TransitGatewayID is the Transit Gateway's ID, which the Network stack outputs
	// after its first deploy (or that of an existing one with adoptExisting). Spoke
	// VPCs attach to it: required once a workload uses egress transit-gateway.
	TransitGatewayID string `json:"transitGatewayId,omitempty"`
	// AdoptExisting makes transitGatewayId name a Transit Gateway made outside the
	// landing zone, which the Network stack then uses instead of creating one.
	AdoptExisting bool `json:"adoptExisting,omitempty"`
	// AmazonSideAsn is the Transit Gateway's BGP ASN, 64512-65534 or
	// 4200000000-4294967294. Zero means 64512.
	AmazonSideAsn int64 `json:"amazonSideAsn,omitempty"`
	// ShareWithOrganizationalUnits are the OU ARNs the Transit Gateway is shared
	// with. Empty means the whole organization.
	ShareWithOrganizationalUnits []string `json:"shareWithOrganizationalUnits,omitempty"`
	// Segments are the routing domains. Empty means prod, nonprod, shared and egress:
	// prod and nonprod cannot reach each other, all reach shared and egress.
	Segments []Segment `json:"segments,omitempty"`
	// Egress configures the central egress VPC.
	Egress EgressVPC `json:"egress,omitempty"`
	// OnPremises connects an on-premises network by IPsec VPN. Nil means none.
	OnPremises *OnPremises `json:"onPremises,omitempty"`
	// SpokeStackCount pins the number of NetworkSpokes stacks that accept the spoke
	// attachments, so that adding spokes never moves one between stacks. Zero means the
	// fewest that keep each within 80 spokes, which changes as spokes come and go.
	SpokeStackCount int `json:"spokeStackCount,omitempty"`
}

// Segment is one routing domain of the Transit Gateway; see transitgateway.Segment.
type Segment struct {
	// Name names the segment; workloads choose it. Required.
	Name string `json:"name"`
	// Reaches names the segments this one exchanges traffic with. Empty means none.
	Reaches []string `json:"reaches,omitempty"`
	// Mesh lets the segment's attachments reach each other. False isolates them.
	Mesh bool `json:"mesh,omitempty"`
	// Egress marks the segment of the central egress VPC.
	Egress bool `json:"egress,omitempty"`
}

// EgressVPC configures the central egress VPC.
type EgressVPC struct {
	// Cidr is its range. Empty means 10.255.0.0/20.
	Cidr string `json:"cidr,omitempty"`
	// Egress is nat-per-az, single-nat or proxy. Empty means nat-per-az.
	Egress string `json:"egress,omitempty" jsonschema:"enum=nat-per-az,enum=single-nat,enum=proxy"`
	// Proxy configures the forward proxy of egress "proxy".
	Proxy Proxy `json:"proxy,omitempty"`
	// DNSFirewall answers DNS, in egress proxy, only for the proxy's allowed domains.
	// False leaves DNS open.
	DNSFirewall bool `json:"dnsFirewall,omitempty"`
	// AZCount is how many AZs it spans. Zero means 2.
	AZCount int `json:"azCount,omitempty"`
	// ReturnCidrs are the ranges the egress VPC routes back to the Transit Gateway,
	// which must cover every spoke. Empty means the three private ranges of RFC 1918,
	// so that adding a spoke adds no route.
	ReturnCidrs []string `json:"returnCidrs,omitempty"`
}

// PrivateRanges returns the three private ranges of RFC 1918, a new slice at each call.
func PrivateRanges() []string {
	return []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"}
}

// returnCidrs resolves EgressVPC.ReturnCidrs.
func (e EgressVPC) returnCidrs() []string {
	if len(e.ReturnCidrs) == 0 {
		return PrivateRanges()
	}
	return e.ReturnCidrs
}

// OnPremises is an on-premises network reached by IPsec VPN.
type OnPremises struct {
	// CustomerGatewayIP is the public IPv4 address of the on-premises VPN device.
	// Required.
	CustomerGatewayIP string `json:"customerGatewayIp"`
	// CustomerGatewayAsn is its BGP ASN. Required.
	CustomerGatewayAsn int64 `json:"customerGatewayAsn"`
	// StaticRoutes are the on-premises ranges routed statically. Empty means BGP.
	StaticRoutes []string `json:"staticRoutes,omitempty"`
	// Cidrs are the on-premises ranges that no VPC may overlap. Empty means
	// staticRoutes.
	Cidrs []string `json:"cidrs,omitempty"`
	// Segment is where the VPN attaches. Empty means shared.
	Segment string `json:"segment,omitempty"`
}

// Spokes are accepted in stacks of their own, each within the CloudFormation quota:
// an acceptance, an association and up to three propagations per spoke.
const (
	maxSpokesPerStack = 80
	maxSpokeStacks    = 50
)

var (
	transitGatewayIDPattern = regexp.MustCompile(`^tgw-[0-9a-f]{8,17}$`)
	attachmentIDPattern     = regexp.MustCompile(`^tgw-attach-[0-9a-f]{8,17}$`)
)

// segments resolves Network.Segments.
func (n Network) segments() []transitgateway.Segment {
	if len(n.Segments) == 0 {
		return transitgateway.DefaultSegments()
	}
	out := make([]transitgateway.Segment, len(n.Segments))
	for i, s := range n.Segments {
		out[i] = transitgateway.Segment{Name: s.Name, Reaches: s.Reaches, Mesh: s.Mesh, Egress: s.Egress}
	}
	return out
}

// egressCidr resolves Network.Egress.Cidr.
func (n Network) egressCidr() string {
	if n.Egress.Cidr == "" {
		return transitgateway.DefaultEgressCidr
	}
	return n.Egress.Cidr
}

// onPremisesCidrs resolves OnPremises.Cidrs.
func (o *OnPremises) cidrs() []string {
	if o == nil {
		return nil
	}
	if len(o.Cidrs) > 0 {
		return o.Cidrs
	}
	return o.StaticRoutes
}

// attached reports whether w's VPC attaches to the Transit Gateway.
func (w Workload) attached() bool {
	return network.Egress(w.VPC.Egress) == network.EgressTransitGateway
}

// cidrPlan lists every range the Transit Gateway may route, named by their paths.
func (c Config) cidrPlan() transitgateway.CidrPlan {
	var plan transitgateway.CidrPlan
	for i, w := range c.Workloads {
		cidr := w.VPC.Cidr
		if cidr == "" {
			cidr = network.DefaultCidr
		}
		plan.Spokes = append(plan.Spokes, transitgateway.PlannedCidr{Name: fmt.Sprintf("workloads[%d].vpc.cidr", i), Cidr: cidr})
	}
	if !c.Network.Disabled {
		plan.Egress = []transitgateway.PlannedCidr{{Name: "network.egress.cidr", Cidr: c.Network.egressCidr()}}
	}
	if o := c.Network.OnPremises; o != nil {
		field := "network.onPremises.cidrs"
		if len(o.Cidrs) == 0 {
			field = "network.onPremises.staticRoutes"
		}
		for i, cidr := range o.cidrs() {
			plan.OnPremises = append(plan.OnPremises, transitgateway.PlannedCidr{Name: check.Index(field, i), Cidr: cidr})
		}
	}
	return plan
}

// amazonSideAsn is the Transit Gateway's ASN, zero when an adopted one's is unknown.
func (n Network) amazonSideAsn() int64 {
	switch {
	case n.AmazonSideAsn != 0:
		return n.AmazonSideAsn
	case n.AdoptExisting:
		return 0
	}
	return transitgateway.DefaultAmazonSideAsn
}

func (c Config) validateNetwork(l *check.List) {
	n := c.Network
	if o := n.OnPremises; o != nil && o.CustomerGatewayAsn != 0 && !n.Disabled {
		// BGP peers need two ASNs: the on-premises device cannot take the Transit
		// Gateway's own (the Site-to-Site VPN User Guide, "Customer gateway options").
		if tgw := n.amazonSideAsn(); tgw != 0 && o.CustomerGatewayAsn == tgw {
			l.Addf("network.onPremises.customerGatewayAsn", o.CustomerGatewayAsn, "the Transit Gateway's own ASN (network.amazonSideAsn, default %d); BGP needs the two sides to differ", transitgateway.DefaultAmazonSideAsn)
		}
	}
	// Every pair of overlapping ranges, spokes, egress and on-premises alike.
	l.MergeAs("", "", transitgateway.CheckCidrPlan(c.cidrPlan()))
	segments := map[string]bool{}
	for _, s := range n.segments() {
		segments[s.Name] = true
	}
	for i, w := range c.Workloads {
		path := fmt.Sprintf("workloads[%d].", i)
		switch {
		case w.attached() && n.Disabled:
			l.Addf(path+"vpc.egress", w.VPC.Egress, "needs the Network stack, which network.disabled turns off")
		case w.attached() && w.Segment == "":
			l.Addf(path+"segment", nil, "required with egress transit-gateway; one of the network segments")
		case w.attached() && !segments[w.Segment]:
			l.Addf(path+"segment", w.Segment, "no network segment of that name")
		case !w.attached() && w.Segment != "":
			l.Addf(path+"segment", w.Segment, "set, but the VPC does not attach to the Transit Gateway (egress %q)", w.VPC.Egress)
		}
		if w.TransitGatewayAttachmentID != "" && !attachmentIDPattern.MatchString(w.TransitGatewayAttachmentID) {
			l.Addf(path+"transitGatewayAttachmentId", w.TransitGatewayAttachmentID, "not an attachment ID such as \"tgw-attach-0123456789abcdef0\"")
		}
		if w.TransitGatewayAttachmentID != "" && n.TransitGatewayID == "" && !n.Disabled {
			l.Addf(path+"transitGatewayAttachmentId", w.TransitGatewayAttachmentID, "recorded before network.transitGatewayId, to which the VPC attaches; record that first")
		}
		if w.attached() && w.Region != "" && w.Region != c.Organization.HomeRegion {
			l.Addf(path+"region", w.Region, "the Transit Gateway is in the home region %s; a VPC of another region cannot attach to it", c.Organization.HomeRegion)
		}
	}
	if n.TransitGatewayID != "" && !transitGatewayIDPattern.MatchString(n.TransitGatewayID) {
		l.Addf("network.transitGatewayId", n.TransitGatewayID, "not a Transit Gateway ID such as \"tgw-0123456789abcdef0\"")
	}
	if n.SpokeStackCount < 0 || n.SpokeStackCount > maxSpokeStacks {
		l.Addf("network.spokeStackCount", n.SpokeStackCount, "out of range; allowed 1-%d, zero means the fewest that fit", maxSpokeStacks)
	}
	if n.AdoptExisting && n.TransitGatewayID == "" {
		l.Addf("network.adoptExisting", true, "needs network.transitGatewayId, the Transit Gateway to adopt")
	}
	switch e := network.Egress(n.Egress.Egress); e {
	case "", network.EgressNatPerAZ, network.EgressSingleNat, network.EgressProxy:
	default:
		l.Addf("network.egress.egress", n.Egress.Egress, "want one of [\"nat-per-az\" \"single-nat\" \"proxy\"]")
	}
}

// spokeStackCount is the number of NetworkSpokes stacks that accept spokes: the
// pinned network.spokeStackCount, or the fewest that keep each within
// maxSpokesPerStack; zero when the spokes do not fit.
func (c Config) spokeStackCount(spokes []transitgateway.Spoke) int {
	weights := map[string]int{}
	for _, sp := range spokes {
		weights[sp.Account]++
	}
	n := c.Network.SpokeStackCount
	if n == 0 {
		n = shard.Fewest(weights, 1, maxSpokeStacks, maxSpokesPerStack)
	}
	if n == 0 || !shard.Fits(weights, n, maxSpokesPerStack) {
		return 0
	}
	return n
}
