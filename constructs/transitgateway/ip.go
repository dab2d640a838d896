package transitgateway

import (
	"net/netip"

	"github.com/go-landingzone/landingzone/internal/check"
)

// notPublic lists the IPv4 ranges that the internet does not route to a VPN device
// (IANA special-purpose registry), with what they are. The documentation ranges of
// RFC 5737 are not listed, so that examples can use them.
var notPublic = []struct {
	prefix netip.Prefix
	what   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "\"this network\" (RFC 791)"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private (RFC 1918)"},
	{netip.MustParsePrefix("100.64.0.0/10"), "shared address space for carrier-grade NAT (RFC 6598)"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private (RFC 1918)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved for IETF protocol assignments"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private (RFC 1918)"},
	{netip.MustParsePrefix("198.18.0.0/15"), "reserved for benchmarking (RFC 2544)"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
}

// publicIPv4 records a problem unless value is an IPv4 address the internet routes.
func publicIPv4(l *check.List, field, value string) {
	addr, err := netip.ParseAddr(value)
	if err != nil || !addr.Is4() {
		l.Addf(field, value, "not an IPv4 address such as \"203.0.113.10\"")
		return
	}
	for _, r := range notPublic {
		if r.prefix.Contains(addr) {
			l.Addf(field, value, "not a public IPv4 address: %s is %s", r.prefix, r.what)
			return
		}
	}
}
