package transitgateway

import (
	"github.com/go-landingzone/landingzone/internal/check"
)

// The segments of DefaultSegments.
const (
	SegmentProd    = "prod"
	SegmentNonProd = "nonprod"
	SegmentShared  = "shared"
	SegmentEgress  = "egress"
)

// MaxSegments is how many route tables a Transit Gateway holds by default, and so how
// many segments.
const MaxSegments = 20

// DefaultBlackholeCidrs returns the three private ranges of RFC 1918, a new slice at
// each call.
func DefaultBlackholeCidrs() []string {
	return []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"}
}

// Segment is a routing domain of the Transit Gateway: one route table, with which every
// attachment of the segment is associated.
type Segment struct {
	// Name identifies the segment: lower-case letters, digits and hyphens, starting
	// with a letter, at most 32 characters. Required and unique.
	Name string
	// Reaches names the segments whose attachments this segment's attachments exchange
	// traffic with. Reachability goes both ways, because traffic must return: "prod
	// reaches shared" also lets shared answer and connect to prod, so each pair is
	// named once, on either side. Empty means none.
	Reaches []string
	// Mesh lets the segment's attachments reach each other. False isolates them: each
	// reaches only the segments of Reaches.
	Mesh bool
	// Egress marks the segment of the central egress VPC. Every segment that reaches it
	// sends 0.0.0.0/0 to the egress VPC and blackholes the Segments' BlackholeCidrs, so
	// that traffic for a private range it may not reach dies at the Transit Gateway
	// instead of returning through the egress VPC. At most one segment. False means an
	// ordinary segment.
	Egress bool
}

// DefaultSegments returns the default model: production and non-production, each a
// mesh that cannot reach the other; both reach shared services and the egress segment,
// and so does shared.
func DefaultSegments() []Segment {
	return []Segment{
		{Name: SegmentProd, Reaches: []string{SegmentShared, SegmentEgress}, Mesh: true},
		{Name: SegmentNonProd, Reaches: []string{SegmentShared, SegmentEgress}, Mesh: true},
		{Name: SegmentShared, Reaches: []string{SegmentEgress}, Mesh: true},
		{Name: SegmentEgress, Egress: true},
	}
}

// model is a validated segment list with its reachability resolved.
type model struct {
	segments []Segment
	index    map[string]int
	// reach[a][b] is true when the attachments of a and b exchange traffic.
	reach map[string]map[string]bool
}

// newModel validates segments, naming problems under field ("SegmentsProps.Segments"),
// and resolves reachability. The model is only meaningful when l gained no problem.
func newModel(l *check.List, field string, segments []Segment) model {
	m := model{segments: segments, index: map[string]int{}, reach: map[string]map[string]bool{}}
	if len(segments) > MaxSegments {
		l.Addf(field, len(segments), "more segments than the %d route tables a Transit Gateway holds", MaxSegments)
	}
	egress := ""
	for i, s := range segments {
		f := check.Index(field, i)
		switch j, dup := m.index[s.Name]; {
		case !segmentNameRegexp.MatchString(s.Name):
			l.Addf(f+".Name", s.Name, "not a segment name: lower-case letters, digits and hyphens, starting with a letter, at most 32 characters")
		case dup:
			l.Addf(f+".Name", s.Name, "already the name of %s", check.Index(field, j))
		default:
			m.index[s.Name] = i
			m.reach[s.Name] = map[string]bool{}
		}
		if s.Egress {
			if egress != "" {
				l.Addf(f+".Egress", true, "%s is the egress segment already; a segment can send its default route to one only", egress)
			}
			egress = f
		}
	}
	for i, s := range segments {
		f := check.Index(field, i) + ".Reaches"
		for j, other := range s.Reaches {
			switch _, known := m.index[other]; {
			case other == s.Name:
				l.Addf(check.Index(f, j), other, "a segment's own attachments reach each other through `Mesh`")
			case !known:
				l.Addf(check.Index(f, j), other, "unknown segment; want one of %q", m.names())
			default:
				m.reach[s.Name][other] = true
				m.reach[other][s.Name] = true
			}
		}
		check.Duplicates(l, f+"[%d]", s.Reaches)
	}
	return m
}

// names lists the valid segment names in declaration order.
func (m model) names() []string {
	var out []string
	for _, s := range m.segments {
		if _, ok := m.reach[s.Name]; ok {
			out = append(out, s.Name)
		}
	}
	return out
}

// segment returns the segment called name.
func (m model) segment(name string) (Segment, bool) {
	i, ok := m.index[name]
	if !ok {
		return Segment{}, false
	}
	return m.segments[i], true
}

// learners lists, in declaration order, the segments whose route tables learn the
// routes to an attachment of segment name: those that reach it, and name itself when
// it is a mesh.
func (m model) learners(name string) []string {
	var out []string
	for _, other := range m.names() {
		if m.reach[name][other] || (other == name && m.segments[m.index[name]].Mesh) {
			out = append(out, other)
		}
	}
	return out
}

// egressOf returns the egress segment that segment name reaches, if any.
func (m model) egressOf(name string) (string, bool) {
	for other := range m.reach[name] {
		if s, _ := m.segment(other); s.Egress {
			return other, true
		}
	}
	return "", false
}

// checkSegment records a problem unless name is a segment of m, and, when wantEgress,
// the egress segment.
func (m model) checkSegment(l *check.List, field, name string, wantEgress bool) bool {
	s, ok := m.segment(name)
	switch {
	case name == "":
		l.Addf(field, name, "required; want one of %q", m.names())
	case !ok:
		l.Addf(field, name, "unknown segment; want one of %q", m.names())
	case wantEgress && !s.Egress:
		l.Addf(field, name, "not the egress segment; the egress VPC belongs in the segment marked `Egress`")
	case !wantEgress && s.Egress:
		l.Addf(field, name, "the egress segment holds the egress VPC only")
	default:
		return true
	}
	return false
}
