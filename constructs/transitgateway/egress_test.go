package transitgateway_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// Behind the proxy, the spokes' only way out is the allow-list.
func TestEgressVpcProxy(t *testing.T) {
	var egress *transitgateway.EgressVpc
	var stack awscdk.Stack
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		stack = s
		var err error
		egress, err = transitgateway.NewEgressVpc(s, "Egress", transitgateway.EgressVpcProps{
			Segments: newSegments(t, s), ReturnCidrs: []string{"10.1.0.0/16", "10.2.0.0/16"}, AZCount: 3,
			Egress: network.EgressProxy, Proxy: egressproxy.Settings{AllowedDomains: []string{"sts.eu-west-1.amazonaws.com", "github.com"}},
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	tpl.ResourceCountIs("AWS::EC2::NatGateway", 0)
	tpl.HasResourceProperties("AWS::EC2::TransitGatewayAttachment", map[string]any{"TransitGatewayId": existingTGW})
	if got := egress.Vpc.Plan; len(got) != 9 || got[0].Cidr.String() != "10.255.0.0/28" {
		t.Errorf("plan %v, want three attachment /28s first, then /24 public and private subnets", got)
	}
	// The attachment subnets have no default route: the proxy is the only way out.
	for _, r := range tpl.Properties("AWS::EC2::Route") {
		if r["DestinationCidrBlock"] == "0.0.0.0/0" && strings.Contains(refName(r["RouteTableId"]), "Attachment") {
			t.Errorf("attachment subnet route table %s has a default route", refName(r["RouteTableId"]))
		}
	}
	tpl.HasResourceProperties("AWS::EC2::SecurityGroup", map[string]any{
		"SecurityGroupIngress": assertions.Match_ArrayWith(&[]any{assertions.Match_ObjectLike(&map[string]any{"CidrIp": "10.2.0.0/16", "FromPort": 3128})}),
	})
	// The egress VPC is the default route of prod, nonprod and shared.
	tpl.ResourcePropertiesCountIs("AWS::EC2::TransitGatewayRoute", map[string]any{
		"DestinationCidrBlock": "0.0.0.0/0", "TransitGatewayAttachmentId": stack.Resolve(egress.Vpc.TransitGatewayAttachment.Ref()),
	}, 3)
	if egress.AttachmentID() != *egress.Vpc.TransitGatewayAttachment.Ref() {
		t.Errorf("AttachmentID() = %s, want the VPC's attachment", egress.AttachmentID())
	}
	lztest.Golden(t, tpl)
}

func TestEgressVpcPropsErrors(t *testing.T) {
	spokes := []string{"10.1.0.0/16"}
	for _, tc := range []struct {
		name  string
		props func(*transitgateway.Segments) transitgateway.EgressVpcProps
		want  []string
	}{
		{"no segments", func(*transitgateway.Segments) transitgateway.EgressVpcProps {
			return transitgateway.EgressVpcProps{ReturnCidrs: spokes}
		}, []string{`EgressVpcProps.Segments: required`}},
		{"unknown segment", func(s *transitgateway.Segments) transitgateway.EgressVpcProps {
			return transitgateway.EgressVpcProps{Segments: s, Segment: "internet", ReturnCidrs: spokes}
		}, []string{`EgressVpcProps.Segment "internet": unknown segment`}},
		{"segment without egress", func(s *transitgateway.Segments) transitgateway.EgressVpcProps {
			return transitgateway.EgressVpcProps{Segments: s, Segment: transitgateway.SegmentShared, ReturnCidrs: spokes}
		}, []string{`EgressVpcProps.Segment "shared": not the egress segment`}},
		{"egress mode without a way out", func(s *transitgateway.Segments) transitgateway.EgressVpcProps {
			return transitgateway.EgressVpcProps{Segments: s, Egress: network.EgressTransitGateway, ReturnCidrs: spokes}
		}, []string{`EgressVpcProps.Egress "transit-gateway": an egress VPC needs NAT gateways or the proxy`}},
		{"no return ranges", func(s *transitgateway.Segments) transitgateway.EgressVpcProps {
			return transitgateway.EgressVpcProps{Segments: s}
		}, []string{`EgressVpcProps.ReturnCidrs: required`}},
		{"return range overlapping the egress VPC", func(s *transitgateway.Segments) transitgateway.EgressVpcProps {
			return transitgateway.EgressVpcProps{Segments: s, ReturnCidrs: []string{"10.255.8.0/21", "10.1.0.0/33"}}
		}, []string{`EgressVpcProps.ReturnCidrs[0] "10.255.8.0/21": inside the VPC's own range 10.255.0.0/20, which its local route serves`, `EgressVpcProps.ReturnCidrs[1] "10.1.0.0/33": not a valid IPv4 CIDR`}},
		{"every problem at once", func(s *transitgateway.Segments) transitgateway.EgressVpcProps {
			return transitgateway.EgressVpcProps{Segments: s, Segment: "prod", Cidr: "10.255.0.0/26", Egress: "none", FlowLogRetentionDays: 1}
		}, []string{`Segment "prod"`, `Egress "none"`, `ReturnCidrs: required`, `EgressVpcProps.Cidr "10.255.0.0/26": too small`, `FlowLogRetentionDays 1`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, "Egress", "transitgateway: EgressVpcProps.", func(s awscdk.Stack) error {
				_, err := transitgateway.NewEgressVpc(s, "Egress", tc.props(newSegments(t, s)))
				return err
			}, tc.want...)
		})
	}
}

// The egress segment takes one VPC, and the zones are checked against the region.
func TestEgressVpcErrorsInStack(t *testing.T) {
	expectInvalid(t, "Second", "transitgateway: EgressVpcProps.", func(s awscdk.Stack) error {
		segments := newSegments(t, s)
		if _, err := transitgateway.NewEgressVpc(s, "First", transitgateway.EgressVpcProps{Segments: segments, ReturnCidrs: []string{"10.1.0.0/16"}}); err != nil {
			return err
		}
		_, err := transitgateway.NewEgressVpc(s, "Second", transitgateway.EgressVpcProps{Segments: segments, ReturnCidrs: []string{"10.1.0.0/16"}})
		return err
	}, `EgressVpcProps.Segment "egress": the egress segment holds the attachment of Test/First already`)
	expectInvalid(t, "Egress", "transitgateway: EgressVpcProps.", func(s awscdk.Stack) error {
		_, err := transitgateway.NewEgressVpc(s, "Egress", transitgateway.EgressVpcProps{Segments: newSegments(t, s), ReturnCidrs: []string{"10.1.0.0/16"}, AZCount: 4})
		return err
	}, `EgressVpcProps.AZCount 4: region eu-west-1 offers 3 Availability Zones`)
}
