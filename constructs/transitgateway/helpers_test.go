package transitgateway_test

import (
	"fmt"
	"sort"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// Identifiers of the test organization.
const (
	managementAccount = "111111111111"
	organizationID    = "o-a1b2c3d4e5"
	existingTGW       = "tgw-0123456789abcdef0"
	prodAccount       = "222222222222"
	nonProdAccount    = "333333333333"
	sharedAccount     = "444444444444"
	prodAttachment    = "tgw-attach-0aaaaaaaaaaaaaaa1"
	nonProdAttachment = "tgw-attach-0bbbbbbbbbbbbbbb2"
	sharedAttachment  = "tgw-attach-0ccccccccccccccc3"
)

// testSpokes is the registry of the hub tests: one attached spoke per segment and one
// that has not deployed yet.
var testSpokes = []transitgateway.Spoke{
	{Name: "payments-prod", Account: prodAccount, Segment: transitgateway.SegmentProd, AttachmentID: prodAttachment},
	{Name: "payments-dev", Account: nonProdAccount, Segment: transitgateway.SegmentNonProd, AttachmentID: nonProdAttachment},
	{Name: "directory", Account: sharedAccount, Segment: transitgateway.SegmentShared, AttachmentID: sharedAttachment},
	{Name: "data-prod", Account: "555555555555", Segment: transitgateway.SegmentProd},
}

// testSpokeCidrs are the ranges of testSpokes.
var testSpokeCidrs = []string{"10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.4.0.0/16"}

// logicalID returns the logical ID of a token such as {"Ref": id} or
// {"Fn::GetAtt": [id, attr]} as resolved in stack.
func logicalID(stack awscdk.Stack, token *string) string {
	return refName(stack.Resolve(token))
}

// refName returns the logical ID a resolved Ref or GetAtt names, or the value itself.
func refName(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Sprint(v)
	}
	if r, ok := m["Ref"]; ok {
		return fmt.Sprint(r)
	}
	if g, ok := m["Fn::GetAtt"].([]any); ok {
		return fmt.Sprint(g[0])
	}
	return fmt.Sprint(v)
}

// tableEntries maps each Transit Gateway route table (by logical ID) to what it
// routes: "propagated:<attachment>", "<cidr>-><attachment>" or "<cidr>->blackhole",
// sorted, where <attachment> is the logical ID behind the attachment ID.
func tableEntries(tpl *lztest.Template) map[string][]string {
	out := map[string][]string{}
	for _, p := range tpl.Properties("AWS::EC2::TransitGatewayRouteTablePropagation") {
		rt := refName(p["TransitGatewayRouteTableId"])
		out[rt] = append(out[rt], "propagated:"+refName(p["TransitGatewayAttachmentId"]))
	}
	for _, r := range tpl.Properties("AWS::EC2::TransitGatewayRoute") {
		rt := refName(r["TransitGatewayRouteTableId"])
		target := "blackhole"
		if r["Blackhole"] != true {
			target = refName(r["TransitGatewayAttachmentId"])
		}
		out[rt] = append(out[rt], fmt.Sprintf("%v->%s", r["DestinationCidrBlock"], target))
	}
	for _, e := range out {
		sort.Strings(e)
	}
	return out
}

// expectInvalid runs build against a fresh stack and checks that it failed with want
// and added nothing under id.
func expectInvalid(t *testing.T, id, linePrefix string, build func(s awscdk.Stack) error, want ...string) {
	t.Helper()
	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() { err = build(stack) })
	lztest.ExpectInvalid(t, err, linePrefix, want...)
	lztest.ExpectNoChild(t, stack, id)
}

// newSegments adds the default segments of an adopted Transit Gateway to s.
func newSegments(t *testing.T, s awscdk.Stack) *transitgateway.Segments {
	t.Helper()
	return segmentsWith(t, s, transitgateway.SegmentsProps{TransitGatewayID: existingTGW})
}

// segmentsWith adds segments configured by props to s.
func segmentsWith(t *testing.T, s awscdk.Stack, props transitgateway.SegmentsProps) *transitgateway.Segments {
	t.Helper()
	segments, err := transitgateway.NewSegments(s, "Segments", props)
	if err != nil {
		t.Fatal(err)
	}
	return segments
}
