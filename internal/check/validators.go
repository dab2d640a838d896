package check

import (
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// IPv4CIDR parses value as an IPv4 network in CIDR notation whose address is the network
// address (10.0.0.0/16, not 10.0.0.1/16). It records a problem and returns false when
// value is not one.
func IPv4CIDR(l *List, field, value string) (netip.Prefix, bool) {
	p, err := netip.ParsePrefix(value)
	switch {
	case err != nil || !p.Addr().Is4():
		l.Addf(field, value, "not a valid IPv4 CIDR")
		return netip.Prefix{}, false
	case p.Masked() != p:
		l.Addf(field, value, "host bits are set; the network is %s", p.Masked())
		return netip.Prefix{}, false
	}
	return p, true
}

// Port records a problem unless value is a TCP or UDP port number (1-65535).
func Port(l *List, field string, value int) {
	if value < 1 || value > 65535 {
		l.Addf(field, value, "not a port number; allowed 1-65535")
	}
}

// hostLabel is one DNS label: letters, digits and inner hyphens, at most 63 characters.
var hostLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// DomainPattern records a problem unless value is a domain name, optionally with a
// leading dot that makes it match every subdomain too (".amazonaws.com"), as Squid's
// dstdomain ACL understands it. Names are expected in lower case.
func DomainPattern(l *List, field, value string) {
	name := strings.TrimPrefix(value, ".")
	if name == "" || len(name) > 253 {
		l.Addf(field, value, "not a domain name; want a name such as \"example.com\", or \".example.com\" for it and all its subdomains")
		return
	}
	labels := strings.Split(name, ".")
	for _, label := range labels {
		if !hostLabel.MatchString(label) {
			l.Addf(field, value, "not a domain name; want lower-case labels of letters, digits and hyphens separated by single dots, optionally with one leading dot")
			return
		}
	}
	if len(labels) < 2 && !strings.HasPrefix(value, ".") {
		l.Addf(field, value, "a single label would allow a whole top-level domain only with a leading dot; write the full name")
	}
}

// Duplicates records a problem for every value of values that appears more than once.
// field is formatted with the index of the repeated element.
func Duplicates(l *List, fieldFormat string, values []string) {
	first := map[string]int{}
	for i, v := range values {
		if j, seen := first[v]; seen {
			l.Addf(fmt.Sprintf(fieldFormat, i), v, "duplicate of %s", fmt.Sprintf(fieldFormat, j))
			continue
		}
		first[v] = i
	}
}

// LogRetentionDays returns the retention periods CloudWatch Logs accepts, in days,
// ascending, in a new slice at each call.
func LogRetentionDays() []int {
	return []int{1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653}
}

// MinLogRetentionDays is the shortest retention the secure defaults accept: one year,
// the period most audit frameworks ask for.
const MinLogRetentionDays = 365

// LogRetention records a problem unless days is a retention CloudWatch Logs accepts and,
// unless allowShort is set, at least MinLogRetentionDays. The caller resolves zero to
// its default before calling.
func LogRetention(l *List, field string, days int, allowShort bool, allowShortField string) {
	if allowed := LogRetentionDays(); !slices.Contains(allowed, days) {
		l.Addf(field, days, "not a CloudWatch Logs retention; allowed %v", allowed)
		return
	}
	if days < MinLogRetentionDays && !allowShort {
		l.Addf(field, days, "below the %d-day minimum; set `%s` to accept shorter retention", MinLogRetentionDays, allowShortField)
	}
}

// reservedRanges are the IPv4 ranges a VPC cannot take: "this network", loopback,
// link-local (where AWS serves instance metadata and DNS), multicast and the reserved
// block with the limited broadcast address (RFC 6890's special-purpose registry; the
// Amazon VPC User Guide, "VPC CIDR blocks", lists them among the restricted ranges).
var reservedRanges = []struct {
	prefix netip.Prefix
	what   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "\"this network\" (0.0.0.0/8)"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback (127.0.0.0/8)"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local (169.254.0.0/16), where AWS serves instance metadata"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast (224.0.0.0/4)"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved (240.0.0.0/4, broadcast included)"},
}

// VPCRange records a problem when p, a valid IPv4 prefix, overlaps a range that no VPC
// can use.
func VPCRange(l *List, field string, p netip.Prefix) {
	for _, r := range reservedRanges {
		if r.prefix.Overlaps(p) {
			l.Addf(field, p.String(), "overlaps %s, which a VPC cannot use; take a range of RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)", r.what)
			return
		}
	}
}

// MaxTagValue is the longest tag value AWS accepts, in Unicode characters ("Tagging
// AWS resources", tag naming limits: "Maximum value length: 256 Unicode characters").
const MaxTagValue = 256

// NameTag records a problem unless value, followed by up to suffix more characters
// that the construct appends (a tier and a zone, say), fits in a Name tag.
func NameTag(l *List, field, value string, suffix int) {
	if n := utf8.RuneCountInString(value); n+suffix > MaxTagValue {
		if suffix > 0 {
			l.Addf(field, value, "%d characters; it prefixes Name tags of up to %d more, and a tag value holds at most %d", n, suffix, MaxTagValue)
		} else {
			l.Addf(field, value, "%d characters; it becomes a Name tag, which holds at most %d", n, MaxTagValue)
		}
	}
}
