package transitgateway_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// A device without BGP: its ranges become static routes in every segment that reaches
// the VPN's, here prod only.
func TestVpnConnectionStatic(t *testing.T) {
	var vpn *transitgateway.VpnConnection
	var segments *transitgateway.Segments
	var stack awscdk.Stack
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		stack = s
		segments = segmentsWith(t, s, transitgateway.SegmentsProps{TransitGatewayID: existingTGW, Segments: []transitgateway.Segment{
			{Name: "prod", Reaches: []string{"datacenter"}, Mesh: true}, {Name: "nonprod", Mesh: true}, {Name: "datacenter"},
		}})
		var err error
		vpn, err = transitgateway.NewVpnConnection(s, "Datacenter", transitgateway.VpnConnectionProps{
			Segments: segments, Segment: "datacenter", Name: "dc1",
			CustomerGatewayIP: "198.51.100.7", StaticRoutes: []string{"192.168.10.0/24", "172.20.0.0/16"},
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	tpl.HasResourceProperties("AWS::EC2::CustomerGateway", map[string]any{"IpAddress": "198.51.100.7", "BgpAsn": 65000, "Type": "ipsec.1"})
	tpl.HasResourceProperties("AWS::EC2::VPNConnection", map[string]any{
		"TransitGatewayId": existingTGW, "StaticRoutesOnly": true, "PreSharedKeyStorage": "SecretsManager",
		"VpnTunnelOptionsSpecifications": assertions.Match_ArrayWith(&[]any{assertions.Match_ObjectLike(&map[string]any{
			"IKEVersions":                []any{map[string]any{"Value": "ikev2"}},
			"Phase1EncryptionAlgorithms": []any{map[string]any{"Value": "AES256"}, map[string]any{"Value": "AES256-GCM-16"}},
		})}),
	})
	attachment := logicalID(stack, jsii.String(vpn.AttachmentID()))
	got := tableEntries(tpl)
	prod := logicalID(stack, segments.RouteTables["prod"].Ref())
	want := "172.20.0.0/16->" + attachment + " 192.168.10.0/24->" + attachment
	if g := strings.Join(got[prod], " "); g != want {
		t.Errorf("prod table: %s, want %s", g, want)
	}
	if n := len(got); n != 1 {
		t.Errorf("%d tables have routes, want prod only: %v", n, got)
	}
	tpl.ResourceCountIs("AWS::EC2::TransitGatewayRouteTablePropagation", 0)
	tpl.HasResourceProperties("AWS::EC2::TransitGatewayRouteTableAssociation", map[string]any{
		"TransitGatewayRouteTableId": stack.Resolve(segments.RouteTables["datacenter"].Ref()),
	})
	lztest.Golden(t, tpl)
}

// A 4-byte ASN goes in BgpAsnExtended, and legacy devices can drop the tunnel options.
func TestVpnConnectionLegacy(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		if _, err := transitgateway.NewVpnConnection(s, "Vpn", transitgateway.VpnConnectionProps{
			Segments: newSegments(t, s), CustomerGatewayIP: "198.51.100.7", CustomerGatewayAsn: 4200000100, AllowLegacyCrypto: true,
		}); err != nil {
			t.Fatal(err)
		}
	})
	tpl.HasResourceProperties("AWS::EC2::CustomerGateway", map[string]any{"BgpAsnExtended": 4200000100, "BgpAsn": assertions.Match_Absent()})
	tpl.HasResourceProperties("AWS::EC2::VPNConnection", map[string]any{"VpnTunnelOptionsSpecifications": assertions.Match_Absent(), "StaticRoutesOnly": false})
}

func TestVpnConnectionPropsErrors(t *testing.T) {
	base := func(s *transitgateway.Segments) transitgateway.VpnConnectionProps {
		return transitgateway.VpnConnectionProps{Segments: s, CustomerGatewayIP: "198.51.100.7", CustomerGatewayAsn: 65010}
	}
	with := func(edit func(*transitgateway.VpnConnectionProps)) func(*transitgateway.Segments) transitgateway.VpnConnectionProps {
		return func(s *transitgateway.Segments) transitgateway.VpnConnectionProps {
			p := base(s)
			edit(&p)
			return p
		}
	}
	for _, tc := range []struct {
		name  string
		props func(*transitgateway.Segments) transitgateway.VpnConnectionProps
		want  []string
	}{
		{"private customer gateway IP", with(func(p *transitgateway.VpnConnectionProps) { p.CustomerGatewayIP = "10.20.30.40" }),
			[]string{`VpnConnectionProps.CustomerGatewayIP "10.20.30.40": not a public IPv4 address: 10.0.0.0/8 is private (RFC 1918)`}},
		{"carrier-grade NAT customer gateway IP", with(func(p *transitgateway.VpnConnectionProps) { p.CustomerGatewayIP = "100.64.1.1" }),
			[]string{`CustomerGatewayIP "100.64.1.1": not a public IPv4 address: 100.64.0.0/10 is shared address space`}},
		{"loopback customer gateway IP", with(func(p *transitgateway.VpnConnectionProps) { p.CustomerGatewayIP = "127.0.0.1" }),
			[]string{`CustomerGatewayIP "127.0.0.1": not a public IPv4 address: 127.0.0.0/8 is loopback`}},
		{"IPv6 customer gateway IP", with(func(p *transitgateway.VpnConnectionProps) { p.CustomerGatewayIP = "2001:db8::1" }),
			[]string{`CustomerGatewayIP "2001:db8::1": not an IPv4 address`}},
		{"host name as customer gateway", with(func(p *transitgateway.VpnConnectionProps) { p.CustomerGatewayIP = "vpn.example.com" }),
			[]string{`CustomerGatewayIP "vpn.example.com": not an IPv4 address`}},
		{"BGP without ASN", with(func(p *transitgateway.VpnConnectionProps) { p.CustomerGatewayAsn = 0 }),
			[]string{"VpnConnectionProps.CustomerGatewayAsn 0: required with BGP: the ASN of the on-premises device; or set `StaticRoutes`"}},
		{"ASN reserved by AWS", with(func(p *transitgateway.VpnConnectionProps) { p.CustomerGatewayAsn = 9059 }),
			[]string{`CustomerGatewayAsn 9059: reserved; a customer gateway may not use any of [7224 9059 10124 17943 23456 65535]`}},
		{"ASN out of range", with(func(p *transitgateway.VpnConnectionProps) { p.CustomerGatewayAsn = 4294967295 }),
			[]string{`CustomerGatewayAsn 4294967295: not a BGP ASN; allowed 1-4294967294`}},
		{"unknown segment", with(func(p *transitgateway.VpnConnectionProps) { p.Segment = "onprem" }),
			[]string{`VpnConnectionProps.Segment "onprem": unknown segment`}},
		{"egress segment", with(func(p *transitgateway.VpnConnectionProps) { p.Segment = transitgateway.SegmentEgress }),
			[]string{`VpnConnectionProps.Segment "egress": the egress segment holds the egress VPC only`}},
		{"static route equal to a blackhole", with(func(p *transitgateway.VpnConnectionProps) { p.StaticRoutes = []string{"192.168.0.0/16"} }),
			[]string{"VpnConnectionProps.StaticRoutes[0] \"192.168.0.0/16\": the same range as a blackhole route of segment prod; route more specific ranges, or leave it out of `BlackholeCidrs`"}},
		{"bad static routes", with(func(p *transitgateway.VpnConnectionProps) {
			p.StaticRoutes = []string{"0.0.0.0/0", "192.168.1.0/24", "192.168.1.0/24", "192.168.1.1/24"}
		}), []string{
			`StaticRoutes[0] "0.0.0.0/0": a default route to on-premises would compete`,
			`StaticRoutes[2] "192.168.1.0/24": duplicate of VpnConnectionProps.StaticRoutes[1]`,
			`StaticRoutes[3] "192.168.1.1/24": host bits are set`,
		}},
		{"no segments", func(*transitgateway.Segments) transitgateway.VpnConnectionProps {
			return transitgateway.VpnConnectionProps{CustomerGatewayIP: "198.51.100.7", CustomerGatewayAsn: 65010}
		}, []string{`VpnConnectionProps.Segments: required`}},
		{"every problem at once", func(s *transitgateway.Segments) transitgateway.VpnConnectionProps {
			return transitgateway.VpnConnectionProps{Segments: s, Segment: "lab", CustomerGatewayIP: "192.168.1.1"}
		}, []string{`Segment "lab"`, `CustomerGatewayIP "192.168.1.1"`, `CustomerGatewayAsn 0`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, "Vpn", "transitgateway: VpnConnectionProps.", func(s awscdk.Stack) error {
				_, err := transitgateway.NewVpnConnection(s, "Vpn", tc.props(newSegments(t, s)))
				return err
			}, tc.want...)
		})
	}
}

// The customer gateway cannot take the Transit Gateway's own ASN, when the segments
// know it.
func TestVpnRefusesTheTransitGatewaysASN(t *testing.T) {
	s := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() {
		segments := segmentsWith(t, s, transitgateway.SegmentsProps{TransitGatewayID: existingTGW, AmazonSideAsn: 64512})
		_, err = transitgateway.NewVpnConnection(s, "Vpn", transitgateway.VpnConnectionProps{Segments: segments, CustomerGatewayIP: "198.51.100.7", CustomerGatewayAsn: 64512})
	})
	lztest.ExpectInvalid(t, err, "transitgateway: VpnConnectionProps.", `VpnConnectionProps.CustomerGatewayAsn 64512: the Transit Gateway's own ASN; BGP needs the two sides to differ`)
}
