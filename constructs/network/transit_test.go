package network_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

const testTransitGateway = "tgw-0123456789abcdef0"

// hubProps is a central egress VPC that returns traffic for two spokes.
func hubProps(egress network.Egress) network.VpcProps {
	return network.VpcProps{
		Name: "egress", Cidr: "10.255.0.0/20", Egress: egress, PublicPrefix: 24, PrivatePrefix: 24, NoIsolatedSubnets: true,
		TransitGatewayID: testTransitGateway, TransitGatewayRoutes: []string{"10.1.0.0/16", "10.2.0.0/16"},
	}
}

// routesTo maps each subnet's logical ID to the destinations its route table sends to
// a target property (such as "TransitGatewayId"), sorted.
func routesTo(tpl *lztest.Template, targetKey string) map[string][]string {
	subnetOf := map[string]string{}
	for _, a := range tpl.Properties("AWS::EC2::SubnetRouteTableAssociation") {
		subnetOf[ref(a["RouteTableId"])] = ref(a["SubnetId"])
	}
	out := map[string][]string{}
	for _, r := range tpl.Properties("AWS::EC2::Route") {
		if _, ok := r[targetKey]; ok {
			subnet := subnetOf[ref(r["RouteTableId"])]
			out[subnet] = append(out[subnet], fmt.Sprint(r["DestinationCidrBlock"]))
		}
	}
	for _, d := range out {
		sort.Strings(d)
	}
	return out
}

// Phase one of a spoke: the attachment waits for the network account's acceptance,
// which needs its ID, and nothing routes through it yet.
func TestVpcTransitGatewaySpokeOutputsAttachment(t *testing.T) {
	vpc, tpl := synthVpc(t, network.VpcProps{Egress: network.EgressTransitGateway, TransitGatewayID: testTransitGateway, Cidr: "10.1.0.0/16", NoIsolatedSubnets: true})
	tpl.ResourceCountIs("AWS::EC2::TransitGatewayAttachment", 1)
	outputs := tpl.CDK().FindOutputs(jsii.String("*"), map[string]any{"Value": map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^VpcTransitGatewayAttachment"))}})
	if len(*outputs) != 1 || vpc.TransitGatewayAttachmentOutput == nil {
		t.Errorf("outputs of the attachment ID: %v, want one", *outputs)
	}
	if routes := routesTo(tpl, "TransitGatewayId"); len(routes) != 0 {
		t.Errorf("routes through a pending attachment: %v", routes)
	}
	tpl.ResourcePropertiesCountIs("AWS::EC2::Route", map[string]any{"TransitGatewayId": testTransitGateway}, 0)
}

func TestVpcTransitGatewayHub(t *testing.T) {
	vpc, tpl := synthVpc(t, hubProps(network.EgressNatPerAZ))

	// Attachment subnets come first, as in a spoke.
	if got := cidrs(vpc.AttachmentSubnets); strings.Join(got, " ") != "10.255.0.0/28 10.255.0.16/28" {
		t.Errorf("attachment subnets %v, want 10.255.0.0/28 10.255.0.16/28", got)
	}
	tpl.ResourceCountIs("AWS::EC2::TransitGatewayAttachment", 1)
	// Traffic from the Transit Gateway leaves through the NAT gateway of its AZ.
	routes := defaultRoutes(tpl)
	for i, s := range vpc.AttachmentSubnets {
		want := fmt.Sprintf("NatGatewayId:VpcPublicSubnet%dNATGateway", i+1)
		if got := routes[subnetID(s)]; got != want {
			t.Errorf("attachment subnet %d: default route to %q, want %q", i+1, got, want)
		}
	}
	// Public and private subnets return the spoke ranges to the Transit Gateway; the
	// private subnets keep their NAT gateway for the internet.
	toTransit := routesTo(tpl, "TransitGatewayId")
	for _, s := range append(vpc.PublicSubnets, vpc.PrivateSubnets...) {
		if got := strings.Join(toTransit[subnetID(s)], " "); got != "10.1.0.0/16 10.2.0.0/16" {
			t.Errorf("subnet %s routes %q to the Transit Gateway, want both spokes", *s.Ipv4CidrBlock(), got)
		}
	}
	for _, s := range vpc.PrivateSubnets {
		if !strings.HasPrefix(routes[subnetID(s)], "NatGatewayId:") {
			t.Errorf("private subnet %s: default route to %q, want a NAT gateway", *s.Ipv4CidrBlock(), routes[subnetID(s)])
		}
	}
	if len(toTransit[subnetID(vpc.AttachmentSubnets[0])]) != 0 {
		t.Errorf("attachment subnet routes to the Transit Gateway: %v", toTransit[subnetID(vpc.AttachmentSubnets[0])])
	}
	tpl.ResourcePropertiesCountIs("AWS::EC2::Route", map[string]any{"TransitGatewayId": testTransitGateway}, 8)
	if outputs := tpl.CDK().FindOutputs(jsii.String("*"), nil); len(*outputs) != 0 {
		t.Errorf("a hub outputs %v; only spokes need their attachment registered", *outputs)
	}
	assertSubnetsFollowPlan(t, vpc, tpl)
	lztest.Golden(t, tpl)
}

func TestVpcTransitGatewayHubSingleNat(t *testing.T) {
	vpc, tpl := synthVpc(t, hubProps(network.EgressSingleNat))
	routes := defaultRoutes(tpl)
	for _, s := range vpc.AttachmentSubnets {
		if got := routes[subnetID(s)]; got != "NatGatewayId:VpcPublicSubnet1NATGateway" {
			t.Errorf("attachment subnet %s: default route to %q, want the single NAT gateway", *s.Ipv4CidrBlock(), got)
		}
	}
}

// Behind a proxy, spokes reach the internet only through it: the attachment subnets
// have no default route, and the proxy admits the spoke ranges.
func TestVpcTransitGatewayHubProxy(t *testing.T) {
	props := hubProps(network.EgressProxy)
	props.Proxy = egressproxy.Settings{AllowedDomains: []string{"github.com"}}
	vpc, tpl := synthVpc(t, props)

	routes := defaultRoutes(tpl)
	for _, s := range vpc.AttachmentSubnets {
		if target, ok := routes[subnetID(s)]; ok {
			t.Errorf("attachment subnet %s has a default route to %s", *s.Ipv4CidrBlock(), target)
		}
	}
	for _, spoke := range []string{"10.1.0.0/16", "10.2.0.0/16"} {
		tpl.HasResourceProperties("AWS::EC2::SecurityGroup", map[string]any{
			"SecurityGroupIngress": assertions.Match_ArrayWith(&[]any{assertions.Match_ObjectLike(&map[string]any{"CidrIp": spoke, "FromPort": 3128, "ToPort": 3128, "IpProtocol": "tcp"})}),
		})
	}
	assertNoIngressFromAnywhere(t, tpl)
}
