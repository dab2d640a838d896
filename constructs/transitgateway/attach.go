package transitgateway

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Construct IDs of an attachment's place in the segments, under the scope given to
// Attach; the prefixed ones end with a segment name (and a range).
const (
	idAssociation        = "Association"
	idPropagationPrefix  = "Propagation-"
	idDefaultRoutePrefix = "DefaultRoute-"
	idStaticRoutePrefix  = "Route-"
)

// Attachment is one attachment's place in the segments: the association with its
// segment's route table and the routes that lead other segments to it.
type Attachment struct {
	// ID is the attachment's ID, often a token.
	ID string
	// Segment is the segment the attachment belongs to.
	Segment string
	// Association associates the attachment with its segment's route table: traffic
	// from the attachment follows that table.
	Association awsec2.CfnTransitGatewayRouteTableAssociation
	// Propagations propagate the attachment's routes into the tables of the segments
	// that reach it, by segment name; empty for a VPN with static routes.
	Propagations map[string]awsec2.CfnTransitGatewayRouteTablePropagation
	// Routes are the static routes to the attachment: the default routes of the
	// segments that reach the egress segment, or a static VPN's on-premises ranges.
	Routes []awsec2.CfnTransitGatewayRoute
}

// Attach places attachment attachmentID in segment: it associates the attachment with
// the segment's route table and propagates its routes into the tables of every segment
// that reaches it. An attachment in the egress segment also becomes the default route
// of those segments; that segment takes one attachment.
//
// The resources are created under scope, one attachment per scope. The attachment must
// be available, or about to be, when CloudFormation creates them: an attachment from
// another account is accepted first (see NewSpokeAttachments).
func (s *Segments) Attach(scope constructs.Construct, attachmentID, segment string) (*Attachment, error) {
	var l check.List
	if attachmentID == "" {
		l.Addf("attachmentID", attachmentID, "required")
	}
	if _, ok := s.model.segment(segment); !ok {
		l.Addf("segment", segment, "unknown segment; want one of %q", s.model.names())
	} else {
		s.checkEgressFree(&l, "segment", segment)
	}
	if err := l.Err("transitgateway"); err != nil {
		return nil, err
	}
	return s.attach(scope, attachmentID, segment, nil), nil
}

// checkEgressFree records a problem when segment is the egress segment and holds an
// attachment already.
func (s *Segments) checkEgressFree(l *check.List, field, segment string) {
	if seg, _ := s.model.segment(segment); seg.Egress && s.egressAttached != "" {
		l.Addf(field, segment, "the egress segment holds the attachment of %s already; it takes one", s.egressAttached)
	}
}

// attach creates the association and the routes. Without staticCidrs the attachment's
// routes propagate; with them, each range gets a static route instead, for a VPN
// without BGP.
func (s *Segments) attach(scope constructs.Construct, attachmentID, segment string, staticCidrs []string) *Attachment {
	a := &Attachment{ID: attachmentID, Segment: segment, Propagations: map[string]awsec2.CfnTransitGatewayRouteTablePropagation{}}
	a.Association = awsec2.NewCfnTransitGatewayRouteTableAssociation(scope, jsii.String(idAssociation), &awsec2.CfnTransitGatewayRouteTableAssociationProps{
		TransitGatewayAttachmentId: jsii.String(attachmentID),
		TransitGatewayRouteTableId: jsii.String(s.RouteTableID(segment)),
	})
	for _, learner := range s.model.learners(segment) {
		if staticCidrs == nil {
			a.Propagations[learner] = awsec2.NewCfnTransitGatewayRouteTablePropagation(scope, jsii.String(idPropagationPrefix+learner), &awsec2.CfnTransitGatewayRouteTablePropagationProps{
				TransitGatewayAttachmentId: jsii.String(attachmentID),
				TransitGatewayRouteTableId: jsii.String(s.RouteTableID(learner)),
			})
		}
		for _, cidr := range staticCidrs {
			a.Routes = append(a.Routes, s.route(scope, idStaticRoutePrefix+learner+"-"+cidrLabel(cidr), learner, cidr, attachmentID))
		}
	}
	if seg, _ := s.model.segment(segment); seg.Egress {
		s.egressAttached = *scope.Node().Path()
		for _, other := range s.model.names() {
			if other != segment && s.model.reach[other][segment] {
				a.Routes = append(a.Routes, s.route(scope, idDefaultRoutePrefix+other, other, anyIPv4, attachmentID))
			}
		}
	}
	return a
}

// route adds a static route for cidr to attachmentID in segment's route table.
func (s *Segments) route(scope constructs.Construct, id, segment, cidr, attachmentID string) awsec2.CfnTransitGatewayRoute {
	return awsec2.NewCfnTransitGatewayRoute(scope, jsii.String(id), &awsec2.CfnTransitGatewayRouteProps{
		TransitGatewayRouteTableId: jsii.String(s.RouteTableID(segment)),
		DestinationCidrBlock:       jsii.String(cidr),
		TransitGatewayAttachmentId: jsii.String(attachmentID),
	})
}
