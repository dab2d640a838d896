package transitgateway_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// A custom model on an adopted Transit Gateway: an isolated sandbox segment reaches
// only egress, whose attachment comes from outside this package through Attach.
func TestSegmentsCustomModel(t *testing.T) {
	var segments *transitgateway.Segments
	var stack awscdk.Stack
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		stack = s
		segments = segmentsWith(t, s, transitgateway.SegmentsProps{
			TransitGatewayID: existingTGW,
			Segments:         []transitgateway.Segment{{Name: "sandbox", Reaches: []string{"internet"}}, {Name: "internet", Egress: true}},
			BlackholeCidrs:   []string{"10.0.0.0/8", "100.64.0.0/10"},
		})
		if _, err := segments.Attach(s, "tgw-attach-0ddddddddddddddd4", "internet"); err != nil {
			t.Fatal(err)
		}
	})
	tpl.ResourceCountIs("AWS::EC2::TransitGatewayRouteTable", 2)
	tpl.AllResourcesProperties("AWS::EC2::TransitGatewayRouteTable", map[string]any{"TransitGatewayId": existingTGW})
	sandbox := logicalID(stack, segments.RouteTables["sandbox"].Ref())
	internet := logicalID(stack, segments.RouteTables["internet"].Ref())
	got := tableEntries(tpl)
	// Isolated: the sandbox table learns nothing of its own attachments, only the way out.
	want := "0.0.0.0/0->tgw-attach-0ddddddddddddddd4 10.0.0.0/8->blackhole 100.64.0.0/10->blackhole propagated:tgw-attach-0ddddddddddddddd4"
	if g := strings.Join(got[sandbox], " "); g != want {
		t.Errorf("sandbox table: %s, want %s", g, want)
	}
	if len(got[internet]) != 0 {
		t.Errorf("internet table: %v, want nothing until a sandbox attaches", got[internet])
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{{"sandbox", "internet", true}, {"internet", "sandbox", true}, {"sandbox", "sandbox", false}, {"sandbox", "prod", false}} {
		if got := segments.Reaches(c.a, c.b); got != c.want {
			t.Errorf("Reaches(%s, %s) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestSegmentsPropsErrors(t *testing.T) {
	valid := func(segments ...transitgateway.Segment) transitgateway.SegmentsProps {
		return transitgateway.SegmentsProps{TransitGatewayID: existingTGW, Segments: segments}
	}
	var tooMany []transitgateway.Segment
	for i := range 21 {
		tooMany = append(tooMany, transitgateway.Segment{Name: fmt.Sprintf("s%d", i)})
	}
	for _, tc := range []struct {
		name  string
		props transitgateway.SegmentsProps
		want  []string
	}{
		{"no Transit Gateway", transitgateway.SegmentsProps{}, []string{`SegmentsProps.TransitGatewayID "": required`}},
		{"malformed Transit Gateway ID", transitgateway.SegmentsProps{TransitGatewayID: "tgw-1"}, []string{`SegmentsProps.TransitGatewayID "tgw-1": not a Transit Gateway ID`}},
		{"rule naming an unknown segment", valid(transitgateway.Segment{Name: "prod", Reaches: []string{"shared"}}),
			[]string{`SegmentsProps.Segments[0].Reaches[0] "shared": unknown segment; want one of ["prod"]`}},
		{"segment reaching itself", valid(transitgateway.Segment{Name: "prod", Reaches: []string{"prod"}}),
			[]string{"SegmentsProps.Segments[0].Reaches[0] \"prod\": a segment's own attachments reach each other through `Mesh`"}},
		{"rule named twice", valid(transitgateway.Segment{Name: "prod", Reaches: []string{"shared", "shared"}}, transitgateway.Segment{Name: "shared"}),
			[]string{`SegmentsProps.Segments[0].Reaches[1] "shared": duplicate of SegmentsProps.Segments[0].Reaches[0]`}},
		{"duplicate segment", valid(transitgateway.Segment{Name: "prod"}, transitgateway.Segment{Name: "prod"}),
			[]string{`SegmentsProps.Segments[1].Name "prod": already the name of SegmentsProps.Segments[0]`}},
		{"malformed segment name", valid(transitgateway.Segment{Name: "Prod"}, transitgateway.Segment{Name: ""}),
			[]string{`SegmentsProps.Segments[0].Name "Prod": not a segment name`, `SegmentsProps.Segments[1].Name "": not a segment name`}},
		{"two egress segments", valid(transitgateway.Segment{Name: "a", Egress: true}, transitgateway.Segment{Name: "b", Egress: true}),
			[]string{`SegmentsProps.Segments[1].Egress true: SegmentsProps.Segments[0] is the egress segment already`}},
		{"more segments than route tables", valid(tooMany...), []string{`SegmentsProps.Segments 21: more segments than the 20 route tables`}},
		{"malformed blackhole", transitgateway.SegmentsProps{TransitGatewayID: existingTGW, BlackholeCidrs: []string{"10.0.0.0/8", "10/8", "0.0.0.0/0", "10.0.0.0/8"}},
			[]string{
				`SegmentsProps.BlackholeCidrs[1] "10/8": not a valid IPv4 CIDR`,
				`SegmentsProps.BlackholeCidrs[2] "0.0.0.0/0": would take the place of the default route`,
				`SegmentsProps.BlackholeCidrs[3] "10.0.0.0/8": duplicate of SegmentsProps.BlackholeCidrs[0]`,
			}},
		{"every problem at once", transitgateway.SegmentsProps{Segments: []transitgateway.Segment{{Name: "prod", Reaches: []string{"nowhere"}}}, BlackholeCidrs: []string{"x"}},
			[]string{`TransitGatewayID ""`, `Reaches[0] "nowhere"`, `BlackholeCidrs[0] "x"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, "Segments", "transitgateway: SegmentsProps.", func(s awscdk.Stack) error {
				_, err := transitgateway.NewSegments(s, "Segments", tc.props)
				return err
			}, tc.want...)
		})
	}
}

func TestSegmentsAttachErrors(t *testing.T) {
	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() {
		var segments *transitgateway.Segments
		if segments, err = transitgateway.NewSegments(stack, "Segments", transitgateway.SegmentsProps{TransitGatewayID: existingTGW}); err != nil {
			return
		}
		_, err = segments.Attach(stack, "", "staging")
		lztest.ExpectInvalid(t, err, "transitgateway: ", `attachmentID "": required`, `segment "staging": unknown segment; want one of ["prod" "nonprod" "shared" "egress"]`)
		if _, err = segments.Attach(stack, "tgw-attach-0ddddddddddddddd4", transitgateway.SegmentEgress); err != nil {
			return
		}
		_, err = segments.Attach(constructs.NewConstruct(stack, jsii.String("Second")), "tgw-attach-0eeeeeeeeeeeeeee5", transitgateway.SegmentEgress)
	})
	lztest.ExpectInvalid(t, err, "transitgateway: ", `segment "egress": the egress segment holds the attachment of Test already; it takes one`)
}

// Validate needs no stack, so a configuration loader can check the model early.
func TestSegmentsPropsValidate(t *testing.T) {
	if err := (transitgateway.SegmentsProps{TransitGatewayID: existingTGW}).Validate(); err != nil {
		t.Errorf("default model: %v", err)
	}
	err := transitgateway.SegmentsProps{TransitGatewayID: existingTGW, Segments: []transitgateway.Segment{{Name: "prod", Reaches: []string{"dev"}}}}.Validate()
	lztest.ExpectInvalid(t, err, "transitgateway: SegmentsProps.", `SegmentsProps.Segments[0].Reaches[0] "dev": unknown segment`)
}
