package transitgateway_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/transitgateway"
)

// The network account's hub: a Transit Gateway shared with the organization, the
// default segments, a NAT egress VPC and the registry of spokes, one of which has not
// deployed yet. The zones come from the context, as `cdk synth` caches them.
func ExampleNewTransitGateway() {
	app := awscdk.NewApp(&awscdk.AppProps{Context: &map[string]interface{}{
		"availability-zones:account=999999999999:region=eu-west-1": []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"},
	}})
	stack := awscdk.NewStack(app, jsii.String("Network"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("999999999999"), Region: jsii.String("eu-west-1")},
	})

	tgw, err := transitgateway.NewTransitGateway(stack, "TransitGateway", transitgateway.TransitGatewayProps{
		Name:                  "hub",
		ShareWithOrganization: transitgateway.OrganizationArn("111111111111", "o-a1b2c3d4e5"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	segments, err := transitgateway.NewSegments(stack, "Segments", transitgateway.SegmentsProps{TransitGatewayID: tgw.ID})
	if err != nil {
		fmt.Println(err)
		return
	}
	egress, err := transitgateway.NewEgressVpc(stack, "Egress", transitgateway.EgressVpcProps{
		Segments: segments, ReturnCidrs: []string{"10.1.0.0/16", "10.2.0.0/16"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	spokes, err := transitgateway.NewSpokeAttachments(stack, "Spokes", transitgateway.SpokeAttachmentsProps{
		Segments: segments,
		Spokes: []transitgateway.Spoke{
			{Name: "payments-prod", Account: "222222222222", Segment: "prod", AttachmentID: "tgw-attach-0aaaaaaaaaaaaaaa1"},
			{Name: "payments-dev", Account: "333333333333", Segment: "nonprod"},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("prod reaches nonprod:", segments.Reaches("prod", "nonprod"))
	fmt.Println("nonprod reaches shared:", segments.Reaches("nonprod", "shared"))
	for _, s := range egress.Vpc.Plan {
		fmt.Println(s.Tier, s.AZ, s.Cidr)
	}
	fmt.Println("waiting for:", spokes.Pending())
	// Output:
	// prod reaches nonprod: false
	// nonprod reaches shared: true
	// Attachment 0 10.255.0.0/28
	// Attachment 1 10.255.0.16/28
	// Public 0 10.255.1.0/24
	// Public 1 10.255.2.0/24
	// Private 0 10.255.3.0/24
	// Private 1 10.255.4.0/24
	// waiting for: [payments-dev]
}

// CheckCidrPlan names every overlapping pair; a configuration loader calls it with the
// paths of its fields.
func ExampleCheckCidrPlan() {
	err := transitgateway.CheckCidrPlan(transitgateway.CidrPlan{
		Spokes: []transitgateway.PlannedCidr{
			{Name: "workloads[0].vpc.cidr", Cidr: "10.1.0.0/16"},
			{Name: "workloads[1].vpc.cidr", Cidr: "10.1.128.0/17"},
		},
		Egress:     []transitgateway.PlannedCidr{{Name: "network.egressCidr", Cidr: "10.255.0.0/20"}},
		OnPremises: []transitgateway.PlannedCidr{{Name: "network.onPremises[0]", Cidr: "10.0.0.0/8"}},
	})
	fmt.Println(err)
	// Output:
	// transitgateway: workloads[1].vpc.cidr "10.1.128.0/17": overlaps workloads[0].vpc.cidr 10.1.0.0/16
	// transitgateway: network.onPremises[0] "10.0.0.0/8": overlaps workloads[0].vpc.cidr 10.1.0.0/16
	// transitgateway: network.onPremises[0] "10.0.0.0/8": overlaps workloads[1].vpc.cidr 10.1.128.0/17
	// transitgateway: network.onPremises[0] "10.0.0.0/8": overlaps network.egressCidr 10.255.0.0/20
}

// Every problem in the props comes back at once, and nothing is added to the stack.
func ExampleNewVpnConnection_errors() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Network"), nil)
	segments, err := transitgateway.NewSegments(stack, "Segments", transitgateway.SegmentsProps{TransitGatewayID: "tgw-0123456789abcdef0"})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = transitgateway.NewVpnConnection(stack, "Datacenter", transitgateway.VpnConnectionProps{
		Segments:           segments,
		Segment:            "onprem",
		CustomerGatewayIP:  "192.168.1.1",
		CustomerGatewayAsn: 7224,
	})
	fmt.Println(err)
	fmt.Println("VPN added:", stack.Node().TryFindChild(jsii.String("Datacenter")) != nil)
	// Output:
	// transitgateway: VpnConnectionProps.Segment "onprem": unknown segment; want one of ["prod" "nonprod" "shared" "egress"]
	// transitgateway: VpnConnectionProps.CustomerGatewayIP "192.168.1.1": not a public IPv4 address: 192.168.0.0/16 is private (RFC 1918)
	// transitgateway: VpnConnectionProps.CustomerGatewayAsn 7224: reserved; a customer gateway may not use any of [7224 9059 10124 17943 23456 65535]
	// VPN added: false
}
