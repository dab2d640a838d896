package transitgateway

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Defaults of VpnConnectionProps.
const (
	// DefaultVpnSegment places on-premises networks with the shared services, which
	// production and non-production both reach.
	DefaultVpnSegment = SegmentShared
	// DefaultStaticCustomerGatewayAsn is the ASN AWS records for a customer gateway
	// that does not speak BGP.
	DefaultStaticCustomerGatewayAsn int64 = 65000
)

// maxBgpAsn is the largest ASN the BgpAsn property of a customer gateway takes; larger
// ones go in BgpAsnExtended.
const maxBgpAsn int64 = 2147483647

// Construct IDs of a VPN connection.
const (
	idCustomerGateway = "CustomerGateway"
	idVpnConnection   = "Resource"
	idVpnAttachment   = "Attachment"
)

// VpnConnectionProps configures NewVpnConnection. The zero value of everything but
// Segments and CustomerGatewayIP, with CustomerGatewayAsn set, is a BGP VPN in the
// shared segment with IKEv2 and strong ciphers only, its pre-shared keys in Secrets
// Manager.
type VpnConnectionProps struct {
	// Segments are the segments of the Transit Gateway the VPN attaches to. Required.
	Segments *Segments
	// Segment is the segment of the on-premises network: it reaches what that segment
	// reaches. Empty means DefaultVpnSegment. The egress segment takes none.
	Segment string
	// Name tags the customer gateway and the VPN connection. Empty means the construct
	// ID.
	Name string

	// CustomerGatewayIP is the public IPv4 address of the on-premises VPN device.
	// Required.
	CustomerGatewayIP string
	// CustomerGatewayAsn is the BGP ASN of the on-premises device: 1-4294967294, not
	// one that BGP or AWS reserve, and not the Transit Gateway's own. Required with BGP;
	// zero with StaticRoutes means DefaultStaticCustomerGatewayAsn.
	CustomerGatewayAsn int64
	// StaticRoutes are the on-premises ranges, for a device without BGP: each gets a
	// static route in the segments that reach Segment. Empty means BGP: the device
	// advertises its ranges, and they propagate. Advertise ranges more specific than
	// the Segments' BlackholeCidrs, which would otherwise win.
	StaticRoutes []string

	// AllowLegacyCrypto drops the tunnel options that insist on IKEv2, AES-256,
	// SHA-2 and Diffie-Hellman groups 14 and 19-21, and lets AWS's defaults (IKEv1,
	// AES-128, SHA-1 and group 2 included) apply, for devices that cannot do better.
	// False keeps them.
	AllowLegacyCrypto bool
}

// VpnConnection is a Site-to-Site VPN from an on-premises network to the Transit
// Gateway, placed in a segment.
type VpnConnection struct {
	constructs.Construct
	// CustomerGateway describes the on-premises device.
	CustomerGateway awsec2.CfnCustomerGateway
	// Connection is the VPN connection, with two tunnels.
	Connection awsec2.CfnVPNConnection
	// AttachmentLookup finds the Transit Gateway attachment of the connection, which
	// CloudFormation does not return.
	AttachmentLookup awscdk.CustomResource
	// Attachment is the connection's place in the segments.
	Attachment *Attachment
}

func (p VpnConnectionProps) validate(l *check.List) {
	check.NameTag(l, "VpnConnectionProps.Name", p.Name, 0)
	segment := orDefault(p.Segment, DefaultVpnSegment)
	segmentOK := false
	if p.Segments == nil {
		l.Addf("VpnConnectionProps.Segments", nil, "required")
	} else {
		segmentOK = p.Segments.model.checkSegment(l, "VpnConnectionProps.Segment", segment, false)
	}
	publicIPv4(l, "VpnConnectionProps.CustomerGatewayIP", p.CustomerGatewayIP)
	switch {
	case p.CustomerGatewayAsn == 0 && len(p.StaticRoutes) == 0:
		l.Addf("VpnConnectionProps.CustomerGatewayAsn", p.CustomerGatewayAsn, "required with BGP: the ASN of the on-premises device; or set `StaticRoutes`")
	case p.CustomerGatewayAsn != 0:
		customerAsn(l, "VpnConnectionProps.CustomerGatewayAsn", p.CustomerGatewayAsn)
		if p.Segments != nil && p.Segments.amazonSideAsn == p.CustomerGatewayAsn {
			l.Addf("VpnConnectionProps.CustomerGatewayAsn", p.CustomerGatewayAsn, "the Transit Gateway's own ASN; BGP needs the two sides to differ")
		}
	}
	routes := routeCidrs(l, "VpnConnectionProps.StaticRoutes", p.StaticRoutes, "a default route to on-premises would compete with the egress segment's")
	for i := range p.StaticRoutes {
		prefix, ok := routes[i]
		if !ok || !segmentOK {
			continue
		}
		if learner, clash := p.Segments.blackholedBy(segment, prefix); clash {
			l.Addf(check.Index("VpnConnectionProps.StaticRoutes", i), p.StaticRoutes[i], "the same range as a blackhole route of segment %s; route more specific ranges, or leave it out of `BlackholeCidrs`", learner)
		}
	}
}

// NewVpnConnection validates props, then creates the customer gateway and a VPN
// connection to the Transit Gateway with two tunnels, and places its attachment in
// Segment. On error nothing is added to scope.
func NewVpnConnection(scope constructs.Construct, id string, props VpnConnectionProps) (*VpnConnection, error) {
	if err := scopecheck.Check("transitgateway", scope, id, scopecheck.InStack, nil); err != nil {
		return nil, err
	}
	var l check.List
	props.validate(&l)
	if err := l.Err("transitgateway"); err != nil {
		return nil, err
	}
	name := orDefault(props.Name, id)
	asn := props.CustomerGatewayAsn
	if asn == 0 {
		asn = DefaultStaticCustomerGatewayAsn
	}
	v := &VpnConnection{}
	// Registering v itself as the construct lets callers pass *VpnConnection wherever
	// the CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(v, scope, jsii.String(id))
	c := v.Construct
	tags := &[]*awscdk.CfnTag{{Key: jsii.String("Name"), Value: jsii.String(name)}}

	cgw := &awsec2.CfnCustomerGatewayProps{Type: jsii.String("ipsec.1"), IpAddress: jsii.String(props.CustomerGatewayIP), Tags: tags}
	if asn <= maxBgpAsn {
		cgw.BgpAsn = jsii.Number(float64(asn))
	} else {
		cgw.BgpAsnExtended = jsii.Number(float64(asn))
	}
	v.CustomerGateway = awsec2.NewCfnCustomerGateway(c, jsii.String(idCustomerGateway), cgw)

	conn := &awsec2.CfnVPNConnectionProps{
		Type:              jsii.String("ipsec.1"),
		CustomerGatewayId: v.CustomerGateway.Ref(),
		TransitGatewayId:  jsii.String(props.Segments.TransitGatewayID),
		StaticRoutesOnly:  jsii.Bool(len(props.StaticRoutes) > 0),
		// The tunnels' keys are readable through Secrets Manager, whose reads are
		// logged, rather than through any ec2:DescribeVpnConnections.
		PreSharedKeyStorage: jsii.String("SecretsManager"),
		Tags:                tags,
	}
	if !props.AllowLegacyCrypto {
		conn.VpnTunnelOptionsSpecifications = []interface{}{strongTunnel(), strongTunnel()}
	}
	v.Connection = awsec2.NewCfnVPNConnection(c, jsii.String(idVpnConnection), conn)

	h := handlerOf(c)
	v.AttachmentLookup = h.resource(c, idVpnAttachment, vpnAttachmentResourceType, map[string]interface{}{
		"Action":           "vpn",
		"VpnConnectionId":  *v.Connection.Ref(),
		"TransitGatewayId": props.Segments.TransitGatewayID,
	})
	attachmentID := *v.AttachmentLookup.GetAttString(jsii.String("TransitGatewayAttachmentId"))
	var static []string
	if len(props.StaticRoutes) > 0 {
		static = props.StaticRoutes
	}
	v.Attachment = props.Segments.attach(c, attachmentID, orDefault(props.Segment, DefaultVpnSegment), static)
	return v, nil
}

// AttachmentID returns the ID of the VPN's Transit Gateway attachment, a token.
//
// Like every construct type of this module, VpnConnection has at least one method with
// a pointer receiver: jsii registers such a Go struct as the construct itself.
func (v *VpnConnection) AttachmentID() string { return v.Attachment.ID }

// strongTunnel is the options of one tunnel: IKEv2 with AES-256, SHA-2 and
// Diffie-Hellman groups of at least 2048 bits (MODP 14) or elliptic curves (19-21).
func strongTunnel() *awsec2.CfnVPNConnection_VpnTunnelOptionsSpecificationProperty {
	enc := []*awsec2.CfnVPNConnection_Phase1EncryptionAlgorithmsRequestListValueProperty{{Value: jsii.String("AES256")}, {Value: jsii.String("AES256-GCM-16")}}
	enc2 := []*awsec2.CfnVPNConnection_Phase2EncryptionAlgorithmsRequestListValueProperty{{Value: jsii.String("AES256")}, {Value: jsii.String("AES256-GCM-16")}}
	integrity := []*awsec2.CfnVPNConnection_Phase1IntegrityAlgorithmsRequestListValueProperty{{Value: jsii.String("SHA2-256")}, {Value: jsii.String("SHA2-384")}, {Value: jsii.String("SHA2-512")}}
	integrity2 := []*awsec2.CfnVPNConnection_Phase2IntegrityAlgorithmsRequestListValueProperty{{Value: jsii.String("SHA2-256")}, {Value: jsii.String("SHA2-384")}, {Value: jsii.String("SHA2-512")}}
	var dh []*awsec2.CfnVPNConnection_Phase1DHGroupNumbersRequestListValueProperty
	var dh2 []*awsec2.CfnVPNConnection_Phase2DHGroupNumbersRequestListValueProperty
	for _, g := range []float64{14, 19, 20, 21} {
		dh = append(dh, &awsec2.CfnVPNConnection_Phase1DHGroupNumbersRequestListValueProperty{Value: jsii.Number(g)})
		dh2 = append(dh2, &awsec2.CfnVPNConnection_Phase2DHGroupNumbersRequestListValueProperty{Value: jsii.Number(g)})
	}
	return &awsec2.CfnVPNConnection_VpnTunnelOptionsSpecificationProperty{
		IkeVersions:                &[]*awsec2.CfnVPNConnection_IKEVersionsRequestListValueProperty{{Value: jsii.String("ikev2")}},
		Phase1EncryptionAlgorithms: &enc,
		Phase2EncryptionAlgorithms: &enc2,
		Phase1IntegrityAlgorithms:  &integrity,
		Phase2IntegrityAlgorithms:  &integrity2,
		Phase1DhGroupNumbers:       &dh,
		Phase2DhGroupNumbers:       &dh2,
	}
}
