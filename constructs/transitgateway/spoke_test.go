package transitgateway_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// A workload account's Baseline attaches to the network account's adopted Transit
// Gateway by ID, and the network stack accepts the attachment it registered.
func TestSpokeAndHub(t *testing.T) {
	var vpc *network.Vpc
	asm := lztest.Synth(t, func(app awscdk.App) {
		app.Node().SetContext(jsii.String("availability-zones:account="+prodAccount+":region="+lztest.Region), lztest.Zones())
		hub := awscdk.NewStack(app, jsii.String("Network"), &awscdk.StackProps{Env: lztest.Env()})
		tgw, err := transitgateway.NewTransitGateway(hub, "TransitGateway", transitgateway.TransitGatewayProps{
			ExistingTransitGatewayID: existingTGW, ShareWithOrganization: transitgateway.OrganizationArn(managementAccount, organizationID),
		})
		if err != nil {
			t.Fatal(err)
		}
		segments, err := transitgateway.NewSegments(hub, "Segments", transitgateway.SegmentsProps{TransitGatewayID: tgw.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := transitgateway.NewSpokeAttachments(hub, "Spokes", transitgateway.SpokeAttachmentsProps{Segments: segments, Spokes: testSpokes[:1]}); err != nil {
			t.Fatal(err)
		}

		baseline := awscdk.NewStack(app, jsii.String("Baseline"), &awscdk.StackProps{
			Env: &awscdk.Environment{Account: jsii.String(prodAccount), Region: jsii.String(lztest.Region)},
		})
		vpc, err = network.NewVpc(baseline, "Vpc", network.VpcProps{
			Name: "payments-prod", Cidr: testSpokeCidrs[0], Egress: network.EgressTransitGateway, TransitGatewayID: existingTGW,
			// Recorded and accepted above: the spoke routes through it.
			TransitGatewayAttachmentID: testSpokes[0].AttachmentID,
			DefaultSecurityGroup:       network.DefaultSecurityGroupConfigRemediation,
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	spoke := asm.Stack(t, "Baseline")
	lztest.AssertStackSetSafe(t, "Baseline", spoke)
	// Every private subnet sends 0.0.0.0/0 to the Transit Gateway, after the attachment.
	tableOf := map[string]string{}
	for _, a := range spoke.Properties("AWS::EC2::SubnetRouteTableAssociation") {
		tableOf[refName(a["SubnetId"])] = refName(a["RouteTableId"])
	}
	for i, s := range vpc.PrivateSubnets {
		spoke.HasResource("AWS::EC2::Route", map[string]any{
			"Properties": map[string]any{
				"RouteTableId":         map[string]any{"Ref": tableOf[logicalID(awscdk.Stack_Of(s), s.SubnetId())]},
				"DestinationCidrBlock": "0.0.0.0/0",
				"TransitGatewayId":     existingTGW,
			},
			"DependsOn": []any{logicalID(awscdk.Stack_Of(vpc), vpc.TransitGatewayAttachment.Ref())},
		})
		if got := fmt.Sprint(vpc.Plan[i].Cidr); got != fmt.Sprintf("10.1.0.%d/28", 16*i) {
			t.Errorf("attachment subnet %d is %s, want the first /28s of the VPC", i, got)
		}
	}
	// The attachment's ID is an output, for the registry.
	if outputs := spoke.CDK().FindOutputs(jsii.String("*"), nil); len(*outputs) != 1 {
		t.Errorf("outputs %v, want the attachment ID", *outputs)
	}
	asm.Stack(t, "Network").HasResourceProperties("Custom::TransitGatewayAttachmentAcceptance", map[string]any{
		"AttachmentId": prodAttachment, "VpcOwnerId": prodAccount, "TransitGatewayId": existingTGW,
	})
}
