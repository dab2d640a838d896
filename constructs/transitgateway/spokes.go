package transitgateway

import (
	"regexp"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// idAcceptance is the construct ID of a spoke's acceptance, under the spoke's name.
const idAcceptance = "Acceptance"

var spokeNameRegexp = regexp.MustCompile(`^[a-z][a-z0-9-]{0,39}$`)

// Spoke is one workload VPC in the attachment registry: which account's attachment to
// accept into which segment.
type Spoke struct {
	// Name identifies the spoke, such as the workload's name: lower-case letters,
	// digits and hyphens, starting with a letter, at most 40 characters. Required and
	// unique; the construct IDs of its resources derive from it.
	Name string
	// Account is the 12-digit ID of the account that owns the VPC. The attachment is
	// accepted only if it comes from this account. Required.
	Account string
	// Segment is the segment the spoke joins. Required; the egress segment takes no
	// spoke.
	Segment string
	// AttachmentID is the spoke's attachment ("tgw-attach-..."), which its Baseline
	// stack outputs once deployed. Empty means not attached yet: the spoke is declared,
	// and nothing is created for it.
	AttachmentID string
}

// SpokeAttachmentsProps configures NewSpokeAttachments.
type SpokeAttachmentsProps struct {
	// Segments are the segments the spokes join. Required.
	Segments *Segments
	// Spokes is the attachment registry. Empty means none.
	Spokes []Spoke
}

// SpokeAttachments accepts the registered attachments of workload VPCs in other
// accounts and places each in its segment.
type SpokeAttachments struct {
	constructs.Construct
	// Acceptances holds the custom resource that accepted each registered attachment,
	// by spoke name.
	Acceptances map[string]awscdk.CustomResource
	// Attachments holds each registered attachment's place in the segments, by spoke
	// name.
	Attachments map[string]*Attachment

	pending []string
}

func (p SpokeAttachmentsProps) validate(l *check.List) {
	if p.Segments == nil {
		l.Addf("SpokeAttachmentsProps.Segments", nil, "required")
	}
	names, attachments := map[string]int{}, map[string]int{}
	for i, s := range p.Spokes {
		f := check.Index("SpokeAttachmentsProps.Spokes", i)
		switch j, dup := names[s.Name]; {
		case !spokeNameRegexp.MatchString(s.Name):
			l.Addf(f+".Name", s.Name, "want lower-case letters, digits and hyphens, starting with a letter, at most 40 characters")
		case dup:
			l.Addf(f+".Name", s.Name, "already the name of %s", check.Index("SpokeAttachmentsProps.Spokes", j))
		default:
			names[s.Name] = i
		}
		check.AccountID(l, f+".Account", s.Account)
		if p.Segments != nil {
			p.Segments.model.checkSegment(l, f+".Segment", s.Segment, false)
		}
		switch j, dup := attachments[s.AttachmentID]; {
		case s.AttachmentID == "":
		case !attachmentIDRegexp.MatchString(s.AttachmentID):
			l.Addf(f+".AttachmentID", s.AttachmentID, "not a Transit Gateway attachment ID such as \"tgw-attach-0123456789abcdef0\"")
		case dup:
			l.Addf(f+".AttachmentID", s.AttachmentID, "already the attachment of %s", check.Index("SpokeAttachmentsProps.Spokes", j))
		default:
			attachments[s.AttachmentID] = i
		}
	}
}

// NewSpokeAttachments validates props, then, for every spoke with an AttachmentID,
// accepts the attachment (after checking that it comes from the spoke's account and
// attaches to this Transit Gateway, and waiting until it is available), associates it
// with its segment and propagates it into the segments that reach it. The acceptance
// is a custom resource whose handler may accept the registered attachments only. On
// error nothing is added to scope.
func NewSpokeAttachments(scope constructs.Construct, id string, props SpokeAttachmentsProps) (*SpokeAttachments, error) {
	if err := scopecheck.Check("transitgateway", scope, id, scopecheck.InStack, nil); err != nil {
		return nil, err
	}
	var l check.List
	props.validate(&l)
	if err := l.Err("transitgateway"); err != nil {
		return nil, err
	}
	sa := &SpokeAttachments{Acceptances: map[string]awscdk.CustomResource{}, Attachments: map[string]*Attachment{}}
	// Registering sa itself as the construct lets callers pass *SpokeAttachments
	// wherever the CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(sa, scope, jsii.String(id))
	for _, s := range props.Spokes {
		if s.AttachmentID == "" {
			sa.pending = append(sa.pending, s.Name)
			continue
		}
		c := constructs.NewConstruct(sa.Construct, jsii.String(s.Name))
		h := handlerOf(c)
		h.allowAccept(c, s.AttachmentID)
		acceptance := h.resource(c, idAcceptance, acceptanceResourceType, map[string]interface{}{
			"Action":           "accept",
			"AttachmentId":     s.AttachmentID,
			"TransitGatewayId": props.Segments.TransitGatewayID,
			"VpcOwnerId":       s.Account,
		})
		sa.Acceptances[s.Name] = acceptance
		// Taking the ID from the acceptance orders the association after it.
		sa.Attachments[s.Name] = props.Segments.attach(c, *acceptance.GetAttString(jsii.String("TransitGatewayAttachmentId")), s.Segment, nil)
	}
	return sa, nil
}

// Pending lists the spokes declared without an AttachmentID, in registry order: their
// Baseline stacks are still to deploy, or their attachment IDs to register.
//
// Like every construct type of this module, SpokeAttachments has at least one method
// with a pointer receiver: jsii registers such a Go struct as the construct itself.
func (sa *SpokeAttachments) Pending() []string { return sa.pending }
