package transitgateway

import (
	"fmt"
	"slices"

	"github.com/go-landingzone/landingzone/internal/check"
)

// The private Autonomous System Number ranges (RFC 6996) that the Amazon side of a
// Transit Gateway may use.
const (
	MinPrivateAsn16 int64 = 64512
	MaxPrivateAsn16 int64 = 65534
	MinPrivateAsn32 int64 = 4200000000
	MaxPrivateAsn32 int64 = 4294967294
)

// maxAsn is the largest ASN a customer gateway may use; 4294967295 is reserved.
const maxAsn int64 = 4294967294

// reservedCustomerAsns are ASNs a customer gateway may not use: AS_TRANS (RFC 6793),
// the last 16-bit ASN (RFC 7300), and the ASNs that AWS reserves for its own side of
// Site-to-Site VPN (7224, 9059, 10124, 17943).
var reservedCustomerAsns = []int64{7224, 9059, 10124, 17943, 23456, 65535}

// privateAsn records a problem unless asn is in one of the private ranges.
func privateAsn(l *check.List, field string, asn int64) {
	if (asn < MinPrivateAsn16 || asn > MaxPrivateAsn16) && (asn < MinPrivateAsn32 || asn > MaxPrivateAsn32) {
		l.Addf(field, asn, "not a private ASN; allowed %d-%d or %d-%d", MinPrivateAsn16, MaxPrivateAsn16, MinPrivateAsn32, MaxPrivateAsn32)
	}
}

// customerAsn records a problem unless asn may identify a customer gateway: a public
// ASN the network owns or a private one, but none that BGP or AWS reserve.
func customerAsn(l *check.List, field string, asn int64) {
	switch {
	case asn < 1 || asn > maxAsn:
		l.Addf(field, asn, "not a BGP ASN; allowed 1-%d", maxAsn)
	case slices.Contains(reservedCustomerAsns, asn):
		l.Addf(field, asn, "reserved; a customer gateway may not use any of %s", fmt.Sprint(reservedCustomerAsns))
	}
}
