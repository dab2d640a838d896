package transitgateway

import (
	"net/netip"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Construct IDs of a segment, under a construct named after it.
const (
	idRouteTable      = "RouteTable"
	idBlackholePrefix = "Blackhole-"
)

// SegmentTagKey tags each route table with its segment's name.
const SegmentTagKey = "landingzone:segment"

// anyIPv4 is the destination of a default route.
const anyIPv4 = "0.0.0.0/0"

// SegmentsProps configures NewSegments. The zero value of everything but
// TransitGatewayID is DefaultSegments with the RFC 1918 ranges blackholed.
type SegmentsProps struct {
	// TransitGatewayID is the Transit Gateway ("tgw-...", or TransitGateway.ID) whose
	// route tables the segments are. Required.
	TransitGatewayID string
	// Name prefixes the Name tags of the route tables ("hub" gives "hub-prod"). Empty
	// means the construct ID.
	Name string
	// Segments is the segment model. Empty means DefaultSegments().
	Segments []Segment
	// BlackholeCidrs are the ranges blackholed in every segment that reaches the
	// egress segment: the private ranges an attachment might try to reach through the
	// egress VPC. Routes to reachable attachments are more specific and still win.
	// Empty means DefaultBlackholeCidrs.
	BlackholeCidrs []string
	// AmazonSideAsn is the Transit Gateway's BGP ASN (TransitGateway.AmazonSideAsn),
	// which NewVpnConnection refuses as a customer gateway's. Zero means unknown: the
	// check is skipped.
	AmazonSideAsn int64
}

// Segments are the route tables of a Transit Gateway, one per segment, and the
// blackhole routes of the segments that reach the egress segment. Attach places an
// attachment in a segment.
type Segments struct {
	constructs.Construct
	// TransitGatewayID is the Transit Gateway the segments route for.
	TransitGatewayID string
	// RouteTables holds each segment's route table by segment name.
	RouteTables map[string]awsec2.CfnTransitGatewayRouteTable
	// Blackholes holds the blackhole routes by segment name; empty for segments that
	// do not reach the egress segment.
	Blackholes map[string][]awsec2.CfnTransitGatewayRoute

	model          model
	blackholeCidrs []string
	// amazonSideAsn is SegmentsProps.AmazonSideAsn.
	amazonSideAsn int64
	// egressAttached is the path of the construct that placed an attachment in the
	// egress segment, which takes one.
	egressAttached string
}

func (p SegmentsProps) withDefaults(id string) SegmentsProps {
	if p.Name == "" {
		p.Name = id
	}
	if len(p.Segments) == 0 {
		p.Segments = DefaultSegments()
	}
	if len(p.BlackholeCidrs) == 0 {
		p.BlackholeCidrs = DefaultBlackholeCidrs()
	}
	return p
}

// Validate reports every problem in p, with fields named as in SegmentsProps.
func (p SegmentsProps) Validate() error {
	var l check.List
	p.validate(&l, p.withDefaults("Segments"))
	return l.Err("transitgateway")
}

// validate checks p as the caller wrote it; r is p with defaults resolved.
func (p SegmentsProps) validate(l *check.List, r SegmentsProps) model {
	// Route tables are tagged "<name>-<segment>", segment names up to 32 characters.
	check.NameTag(l, "SegmentsProps.Name", r.Name, 33)
	transitGatewayIDField(l, "SegmentsProps.TransitGatewayID", p.TransitGatewayID)
	m := newModel(l, "SegmentsProps.Segments", r.Segments)
	routeCidrs(l, "SegmentsProps.BlackholeCidrs", p.BlackholeCidrs, "would take the place of the default route to the egress segment")
	return m
}

// transitGatewayIDField records a problem unless id is a Transit Gateway ID or a token
// that resolves to one, such as TransitGateway.ID.
func transitGatewayIDField(l *check.List, field, id string) {
	switch {
	case id == "":
		l.Addf(field, id, "required")
	case !transitGatewayIDRegexp.MatchString(id) && !*awscdk.Token_IsUnresolved(jsii.String(id)):
		l.Addf(field, id, "not a Transit Gateway ID such as \"tgw-0123456789abcdef0\"")
	}
}

// NewSegments validates props, then creates a route table per segment and the
// blackhole routes. On error nothing is added to scope.
func NewSegments(scope constructs.Construct, id string, props SegmentsProps) (*Segments, error) {
	if err := scopecheck.Check("transitgateway", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	var l check.List
	p := props.withDefaults(id)
	m := props.validate(&l, p)
	if err := l.Err("transitgateway"); err != nil {
		return nil, err
	}
	s := &Segments{
		TransitGatewayID: p.TransitGatewayID,
		RouteTables:      map[string]awsec2.CfnTransitGatewayRouteTable{},
		Blackholes:       map[string][]awsec2.CfnTransitGatewayRoute{},
		model:            m,
		blackholeCidrs:   p.BlackholeCidrs,
		amazonSideAsn:    p.AmazonSideAsn,
	}
	// Registering s itself as the construct lets callers pass *Segments wherever the
	// CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(s, scope, jsii.String(id))
	for _, name := range m.names() {
		seg := constructs.NewConstruct(s.Construct, jsii.String(name))
		s.RouteTables[name] = awsec2.NewCfnTransitGatewayRouteTable(seg, jsii.String(idRouteTable), &awsec2.CfnTransitGatewayRouteTableProps{
			TransitGatewayId: jsii.String(p.TransitGatewayID),
			Tags: &[]*awscdk.CfnTag{
				{Key: jsii.String("Name"), Value: jsii.String(p.Name + "-" + name)},
				{Key: jsii.String(SegmentTagKey), Value: jsii.String(name)},
			},
		})
		if _, ok := m.egressOf(name); !ok {
			continue
		}
		for _, cidr := range p.BlackholeCidrs {
			s.Blackholes[name] = append(s.Blackholes[name], awsec2.NewCfnTransitGatewayRoute(seg, jsii.String(idBlackholePrefix+cidrLabel(cidr)), &awsec2.CfnTransitGatewayRouteProps{
				TransitGatewayRouteTableId: s.RouteTables[name].Ref(),
				DestinationCidrBlock:       jsii.String(cidr),
				Blackhole:                  jsii.Bool(true),
			}))
		}
	}
	return s, nil
}

// RouteTableID returns the ID of segment's route table, or "" for an unknown segment.
func (s *Segments) RouteTableID(segment string) string {
	rt, ok := s.RouteTables[segment]
	if !ok {
		return ""
	}
	return *rt.Ref()
}

// Reaches reports whether the attachments of segments a and b exchange traffic: a
// reaches b, b reaches a, or a and b are one mesh segment.
func (s *Segments) Reaches(a, b string) bool {
	if a == b {
		seg, ok := s.model.segment(a)
		return ok && seg.Mesh
	}
	return s.model.reach[a][b]
}

// Names lists the segments in the order they were declared.
func (s *Segments) Names() []string { return s.model.names() }

// blackholedBy returns a segment that learns routes to segment and blackholes want
// itself, if any: a static route to the same range would collide with the blackhole.
func (s *Segments) blackholedBy(segment string, want netip.Prefix) (string, bool) {
	for _, learner := range s.model.learners(segment) {
		if _, ok := s.model.egressOf(learner); !ok {
			continue
		}
		for _, bh := range s.blackholeCidrs {
			if p, err := netip.ParsePrefix(bh); err == nil && p == want {
				return learner, true
			}
		}
	}
	return "", false
}

// cidrLabel turns a CIDR into a construct ID part: 10.1.0.0/16 gives 10-1-0-0-16.
// Routes keyed by their destination keep their IDs when others are added or removed.
func cidrLabel(cidr string) string {
	return strings.NewReplacer(".", "-", "/", "-").Replace(cidr)
}

// routeCidrs checks a list of route destinations named field: each an IPv4 CIDR other
// than 0.0.0.0/0 (whose problem is notDefault), none repeated. It returns the valid
// ones by index.
func routeCidrs(l *check.List, field string, values []string, notDefault string) map[int]netip.Prefix {
	valid := map[int]netip.Prefix{}
	for i, cidr := range values {
		f := check.Index(field, i)
		switch prefix, ok := check.IPv4CIDR(l, f, cidr); {
		case !ok:
		case prefix.Bits() == 0:
			l.Addf(f, cidr, "%s", notDefault)
		default:
			valid[i] = prefix
		}
	}
	check.Duplicates(l, field+"[%d]", values)
	return valid
}
