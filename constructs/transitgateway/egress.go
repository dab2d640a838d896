package transitgateway

import (
	"errors"
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Defaults of EgressVpcProps.
const (
	// DefaultEgressCidr is the egress VPC's range: outside the 10.0.0.0/16 that
	// network.NewVpc defaults to, and large enough for /24 public and private subnets
	// in three AZs.
	DefaultEgressCidr = "10.255.0.0/20"
	// DefaultEgressSubnetPrefix sizes the public and private subnets of the egress VPC:
	// they hold NAT gateways, proxies and a load balancer, not workloads.
	DefaultEgressSubnetPrefix = 24
	// DefaultEgressSegment is the segment of DefaultSegments marked Egress.
	DefaultEgressSegment = SegmentEgress
)

// EgressModes returns the egress modes a central egress VPC can use, in a new slice at
// each call.
func EgressModes() []network.Egress {
	return []network.Egress{network.EgressNatPerAZ, network.EgressSingleNat, network.EgressProxy}
}

// idVpc is the construct ID of the egress VPC under EgressVpc.
const idVpc = "Vpc"

// EgressVpcProps configures NewEgressVpc. The zero value of everything but Segments and
// ReturnCidrs is a two-AZ 10.255.0.0/20 VPC with a NAT gateway per AZ in the egress
// segment, with flow logs kept for a year in an encrypted log group.
type EgressVpcProps struct {
	// OrganizationID is the AWS Organizations ID whose resources the VPC's gateway
	// endpoints admit; see network.VpcProps.OrganizationID. Empty admits the account's
	// only.
	OrganizationID string
	// DNSFirewall adds a DNS Firewall that answers only for the proxy's allowed
	// domains, in egress mode proxy; see network.VpcProps.DNSFirewall. False adds none.
	DNSFirewall bool
	// Segments are the segments of the Transit Gateway the VPC attaches to. Required.
	Segments *Segments
	// Segment is the segment the VPC's attachment joins; it must be marked Egress. Empty
	// means DefaultEgressSegment.
	Segment string
	// ReturnCidrs are the ranges that leave through this VPC, routed back to the
	// Transit Gateway from its public and private subnets: every spoke VPC's range, and
	// on-premises ranges when on-premises networks use the central egress too. A VPC
	// route table holds 50 routes unless the quota is raised; summarise many spokes
	// into covering ranges. Required.
	ReturnCidrs []string

	// Name names the VPC and prefixes its Name tags. Empty means the construct ID.
	Name string
	// Cidr is the VPC's range. Empty means DefaultEgressCidr.
	Cidr string
	// AZCount and AvailabilityZones choose the zones as in network.VpcProps. The VPC
	// should span every AZ the spokes use: a spoke's traffic enters the hub in its own
	// AZ where it can. Zero means two.
	AZCount           int
	AvailabilityZones []string
	// Egress is how traffic leaves: one of EgressModes. Empty means
	// network.EgressNatPerAZ. With network.EgressProxy the proxy is the only way out
	// and admits ReturnCidrs.
	Egress network.Egress
	// Proxy configures the proxy of network.EgressProxy; zero means its defaults.
	Proxy egressproxy.Settings

	// FlowLogBucket, FlowLogKeyPrefix, FlowLogRetentionDays and
	// AllowShortFlowLogRetention configure the VPC's flow logs as in network.VpcProps.
	FlowLogBucket              awss3.IBucket
	FlowLogKeyPrefix           string
	FlowLogRetentionDays       int
	AllowShortFlowLogRetention bool
}

// EgressVpc is the hub's central egress VPC, attached to the egress segment.
type EgressVpc struct {
	constructs.Construct
	// Vpc is the VPC with its NAT gateways or proxy, attachment subnets and attachment.
	Vpc *network.Vpc
	// Attachment is the VPC's place in the egress segment and the default routes of the
	// segments that reach it.
	Attachment *Attachment
}

// vpcProps turns p into the props of the network VPC.
func (p EgressVpcProps) vpcProps(id string) network.VpcProps {
	name := p.Name
	if name == "" {
		name = id
	}
	cidr := p.Cidr
	if cidr == "" {
		cidr = DefaultEgressCidr
	}
	v := network.VpcProps{
		Name: name, Cidr: cidr, AZCount: p.AZCount, AvailabilityZones: p.AvailabilityZones,
		Egress: p.Egress, Proxy: p.Proxy, OrganizationID: p.OrganizationID, DNSFirewall: p.DNSFirewall,
		PublicPrefix: DefaultEgressSubnetPrefix, PrivatePrefix: DefaultEgressSubnetPrefix, NoIsolatedSubnets: true,
		TransitGatewayRoutes: p.ReturnCidrs,
		FlowLogBucket:        p.FlowLogBucket, FlowLogKeyPrefix: p.FlowLogKeyPrefix,
		FlowLogRetentionDays: p.FlowLogRetentionDays, AllowShortFlowLogRetention: p.AllowShortFlowLogRetention,
	}
	if p.Segments != nil {
		v.TransitGatewayID = p.Segments.TransitGatewayID
	}
	return v
}

func (p EgressVpcProps) validate(l *check.List, id string) {
	if p.Segments == nil {
		l.Addf("EgressVpcProps.Segments", nil, "required")
	} else {
		segment := orDefault(p.Segment, DefaultEgressSegment)
		if p.Segments.model.checkSegment(l, "EgressVpcProps.Segment", segment, true) {
			p.Segments.checkEgressFree(l, "EgressVpcProps.Segment", segment)
		}
	}
	vpc := p.vpcProps(id)
	if p.Egress != "" && !slices.Contains(EgressModes(), p.Egress) {
		l.Addf("EgressVpcProps.Egress", string(p.Egress), "an egress VPC needs NAT gateways or the proxy; want one of %q", EgressModes())
		vpc.Egress = ""
	}
	if len(p.ReturnCidrs) == 0 {
		l.Addf("EgressVpcProps.ReturnCidrs", nil, "required: the spoke ranges whose traffic returns through the Transit Gateway")
	}
	mergeVpcProblems(l, vpc, vpc.Validate())
}

// mergeVpcProblems adds the problems network found in vpc, the props built from
// EgressVpcProps, named after the fields of EgressVpcProps.
func mergeVpcProblems(l *check.List, vpc network.VpcProps, err error) {
	var e *check.Error
	if !errors.As(err, &e) {
		return
	}
	tooSmall := false
	for _, p := range e.Problems {
		field := strings.Replace(strings.TrimPrefix(p.Field, "VpcProps."), "TransitGatewayRoutes", "ReturnCidrs", 1)
		switch field {
		case "TransitGatewayID":
			// The ID comes from Segments, whose absence is reported as such.
		case "PublicPrefix", "PrivatePrefix", "AttachmentPrefix":
			// The subnet sizes are this package's: only the range can be too small.
			if !tooSmall {
				l.Addf("EgressVpcProps.Cidr", vpc.Cidr, "too small for the egress VPC's subnets: %s", p.Msg)
			}
			tooSmall = true
		default:
			l.Addf("EgressVpcProps."+field, p.Value, "%s", p.Msg)
		}
	}
}

// NewEgressVpc validates props, then builds the central egress VPC and places its
// attachment in the egress segment, which makes it the default route of every segment
// that reaches that segment. On error nothing is added to scope.
func NewEgressVpc(scope constructs.Construct, id string, props EgressVpcProps) (*EgressVpc, error) {
	if err := scopecheck.Check("transitgateway", scope, id, scopecheck.InStack, nil); err != nil {
		return nil, err
	}
	var l check.List
	props.validate(&l, id)
	if err := l.Err("transitgateway"); err != nil {
		return nil, err
	}
	e := &EgressVpc{}
	// Registering e itself as the construct lets callers pass *EgressVpc wherever the
	// CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(e, scope, jsii.String(id))
	vpc, err := network.NewVpc(e.Construct, idVpc, props.vpcProps(id))
	if err != nil {
		// Only the zone checks against the stack's region are left to fail here.
		scope.Node().TryRemoveChild(jsii.String(id))
		mergeVpcProblems(&l, props.vpcProps(id), err)
		return nil, l.Err("transitgateway")
	}
	e.Vpc = vpc
	e.Attachment = props.Segments.attach(e.Construct, *vpc.TransitGatewayAttachment.Ref(), orDefault(props.Segment, DefaultEgressSegment), nil)
	return e, nil
}

// AttachmentID returns the ID of the egress VPC's attachment, a token.
//
// Like every construct type of this module, EgressVpc has at least one method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (e *EgressVpc) AttachmentID() string { return e.Attachment.ID }

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
