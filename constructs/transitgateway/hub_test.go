package transitgateway_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// hub is everything a network stack holds.
type hub struct {
	tgw      *transitgateway.TransitGateway
	segments *transitgateway.Segments
	egress   *transitgateway.EgressVpc
	spokes   *transitgateway.SpokeAttachments
	vpn      *transitgateway.VpnConnection
}

// buildHub fills s with a whole hub: a shared Transit Gateway, the default segments,
// a NAT egress VPC, the test spokes and a BGP VPN in the shared segment.
func buildHub(t *testing.T, s constructs.Construct) *hub {
	t.Helper()
	h := &hub{}
	var err error
	must := func(what string) {
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	h.tgw, err = transitgateway.NewTransitGateway(s, "TransitGateway", transitgateway.TransitGatewayProps{
		Name: "hub", ShareWithOrganization: transitgateway.OrganizationArn(managementAccount, organizationID),
	})
	must("NewTransitGateway")
	h.segments, err = transitgateway.NewSegments(s, "Segments", transitgateway.SegmentsProps{TransitGatewayID: h.tgw.ID, Name: "hub"})
	must("NewSegments")
	h.egress, err = transitgateway.NewEgressVpc(s, "Egress", transitgateway.EgressVpcProps{Segments: h.segments, ReturnCidrs: testSpokeCidrs, Name: "egress"})
	must("NewEgressVpc")
	h.spokes, err = transitgateway.NewSpokeAttachments(s, "Spokes", transitgateway.SpokeAttachmentsProps{Segments: h.segments, Spokes: testSpokes})
	must("NewSpokeAttachments")
	h.vpn, err = transitgateway.NewVpnConnection(s, "OnPremises", transitgateway.VpnConnectionProps{
		Segments: h.segments, CustomerGatewayIP: "203.0.113.10", CustomerGatewayAsn: 65010,
	})
	must("NewVpnConnection")
	return h
}

// The whole network stack: segments, egress, spokes and VPN, checked table by table.
func TestHub(t *testing.T) {
	var h *hub
	var stack awscdk.Stack
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) { stack, h = s, buildHub(t, s) })

	table := func(segment string) string { return logicalID(stack, h.segments.RouteTables[segment].Ref()) }
	egress := logicalID(stack, h.egress.Vpc.TransitGatewayAttachment.Ref())
	vpn := logicalID(stack, jsii.String(h.vpn.AttachmentID()))
	spoke := func(name string) string { return logicalID(stack, h.spokes.Acceptances[name].Ref()) }
	prod, dev, directory := spoke("payments-prod"), spoke("payments-dev"), spoke("directory")
	blackholes := []string{"10.0.0.0/8->blackhole", "172.16.0.0/12->blackhole", "192.168.0.0/16->blackhole"}
	learns := func(attachments ...string) []string {
		var out []string
		for _, a := range attachments {
			out = append(out, "propagated:"+a)
		}
		return out
	}
	withDefault := func(entries ...[]string) []string {
		out := []string{"0.0.0.0/0->" + egress}
		for _, e := range entries {
			out = append(out, e...)
		}
		slices.Sort(out)
		return out
	}
	want := map[string][]string{
		// Production and non-production learn shared services, the egress VPC and
		// on-premises, but not each other: traffic between them meets a blackhole.
		table(transitgateway.SegmentProd):    withDefault(learns(prod, directory, egress, vpn), blackholes),
		table(transitgateway.SegmentNonProd): withDefault(learns(dev, directory, egress, vpn), blackholes),
		table(transitgateway.SegmentShared):  withDefault(learns(prod, dev, directory, egress, vpn), blackholes),
		// The egress segment returns traffic to everyone and has no blackholes, which
		// would drop the answers.
		table(transitgateway.SegmentEgress): learns(prod, dev, directory, vpn),
	}
	for _, w := range want {
		slices.Sort(w)
	}
	got := tableEntries(tpl)
	for rt, entries := range want {
		if strings.Join(got[rt], "\n") != strings.Join(entries, "\n") {
			t.Errorf("route table %s:\n got %q\nwant %q", rt, got[rt], entries)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d route tables have routes, want %d: %v", len(got), len(want), got)
	}

	// Each attachment is associated with its own segment's table.
	associations := map[string]string{}
	for _, a := range tpl.Properties("AWS::EC2::TransitGatewayRouteTableAssociation") {
		associations[refName(a["TransitGatewayAttachmentId"])] = refName(a["TransitGatewayRouteTableId"])
	}
	for attachment, segment := range map[string]string{
		prod: transitgateway.SegmentProd, dev: transitgateway.SegmentNonProd, directory: transitgateway.SegmentShared,
		egress: transitgateway.SegmentEgress, vpn: transitgateway.SegmentShared,
	} {
		if associations[attachment] != table(segment) {
			t.Errorf("attachment %s is associated with %q, want the %s table", attachment, associations[attachment], segment)
		}
	}
	if len(associations) != 5 {
		t.Errorf("associations %v, want one per attachment and none for the pending spoke", associations)
	}
	if got := h.spokes.Pending(); strings.Join(got, " ") != "data-prod" {
		t.Errorf("pending spokes %v, want data-prod", got)
	}
	assertAcceptance(t, stack, h, tpl)
	lztest.Golden(t, tpl)
}

// assertAcceptance checks that a spoke's attachment is accepted only after checking its
// account and Transit Gateway, and that the handler may accept the registered
// attachments and nothing else.
func assertAcceptance(t *testing.T, stack awscdk.Stack, h *hub, tpl *lztest.Template) {
	t.Helper()
	tpl.ResourceCountIs("Custom::TransitGatewayAttachmentAcceptance", 3)
	tpl.HasResourceProperties("Custom::TransitGatewayAttachmentAcceptance", map[string]any{
		"Action": "accept", "AttachmentId": prodAttachment, "VpcOwnerId": prodAccount,
		"TransitGatewayId": stack.Resolve(jsii.String(h.tgw.ID)),
	})
	var accept []any
	for _, s := range []string{prodAttachment, nonProdAttachment, sharedAttachment} {
		accept = append(accept, "arn:aws:ec2:eu-west-1:123456789012:transit-gateway-attachment/"+s)
	}
	tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{
		"PolicyDocument": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{map[string]any{
			"Action": "ec2:AcceptTransitGatewayVpcAttachment", "Effect": "Allow", "Resource": accept,
		}})},
	})
	// No other statement grants the accept action or anything beyond describing.
	for id, p := range tpl.Properties("AWS::IAM::Policy") {
		if !strings.HasPrefix(id, "LandingZoneTransitGatewayHandler") {
			continue
		}
		for _, st := range p["PolicyDocument"].(map[string]any)["Statement"].([]any) {
			s := st.(map[string]any)
			if s["Resource"] == "*" && !slices.Equal(toStrings(s["Action"]), []string{"ec2:DescribeTransitGatewayAttachments", "ec2:DescribeTransitGatewayVpcAttachments"}) {
				t.Errorf("handler may %v on every resource", s["Action"])
			}
		}
	}
	// The handler is inline: the network stack needs no asset for it.
	for _, fn := range tpl.Properties("AWS::Lambda::Function") {
		code, _ := fn["Code"].(map[string]any)["ZipFile"].(string)
		if fn["Handler"] != "index.handler" {
			continue
		}
		if len(code) == 0 || len(code) > 4096 {
			t.Errorf("inline handler of %d characters; CloudFormation takes 1 to 4096", len(code))
		}
		if fn["Runtime"] != "python3.14" {
			t.Errorf("handler runtime %v", fn["Runtime"])
		}
	}
	// The association waits for the acceptance, whose ID it takes.
	tpl.HasResourceProperties("AWS::EC2::TransitGatewayRouteTableAssociation", map[string]any{
		"TransitGatewayAttachmentId": stack.Resolve(h.spokes.Acceptances["payments-prod"].GetAttString(jsii.String("TransitGatewayAttachmentId"))),
		"TransitGatewayRouteTableId": stack.Resolve(h.segments.RouteTables[transitgateway.SegmentProd].Ref()),
	})
}

func toStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, s := range x {
			out = append(out, s.(string))
		}
		return out
	}
	return nil
}
