package network

import (
	"slices"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Egress selects how private subnets reach the internet. The zero value is
// EgressNatPerAZ. See the package documentation for the trade-offs.
type Egress string

// The egress modes.
const (
	// EgressNatPerAZ puts a NAT gateway with an Elastic IP in every AZ.
	EgressNatPerAZ Egress = "nat-per-az"
	// EgressSingleNat shares one NAT gateway between all AZs: cheaper, not AZ-resilient.
	EgressSingleNat Egress = "single-nat"
	// EgressProxy routes nothing to the internet; a forward proxy with a domain
	// allow-list is the only way out.
	EgressProxy Egress = "proxy"
	// EgressNone builds an isolated VPC without any internet path.
	EgressNone Egress = "none"
	// EgressTransitGateway sends private subnets' default route to a Transit Gateway.
	EgressTransitGateway Egress = "transit-gateway"
)

// Egresses returns every egress mode, the default first, in a new slice at each call.
func Egresses() []Egress {
	return []Egress{EgressNatPerAZ, EgressSingleNat, EgressProxy, EgressNone, EgressTransitGateway}
}

// Valid reports whether e is a known mode or the zero value.
func (e Egress) Valid() bool { return e == "" || slices.Contains(Egresses(), e) }

// orDefault resolves the zero value.
func (e Egress) orDefault() Egress {
	if e == "" {
		return EgressNatPerAZ
	}
	return e
}

// needsPublicSubnets reports whether the mode places gateways or proxies in public
// subnets, and so needs an internet gateway.
func (e Egress) needsPublicSubnets() bool {
	switch e.orDefault() {
	case EgressNatPerAZ, EgressSingleNat, EgressProxy:
		return true
	}
	return false
}

// natGateways is the number of NAT gateways the mode creates in a VPC of azs zones.
func (e Egress) natGateways(azs int) int {
	switch e.orDefault() {
	case EgressNatPerAZ:
		return azs
	case EgressSingleNat:
		return 1
	}
	return 0
}

// String is the mode as messages print it: a valid mode as is, anything else quoted,
// so that a mode holding a line break or spaces cannot garble a message.
func (e Egress) String() string {
	if e.Valid() {
		return string(e)
	}
	return check.FormatValue(string(e))
}
