package transitgateway

import (
	"net/netip"

	"github.com/go-landingzone/landingzone/internal/check"
)

// PlannedCidr is one range of the address plan, with the name an error should give it:
// the path of the field that declares it, such as "workloads[2].vpc.cidr".
type PlannedCidr struct {
	Name string
	Cidr string
}

// CidrPlan is every IPv4 range that meets at one Transit Gateway. A landing zone that
// may later peer its regions' Transit Gateways checks all regions as one plan.
type CidrPlan struct {
	// Spokes are the workload VPCs.
	Spokes []PlannedCidr
	// Egress are the central egress VPCs.
	Egress []PlannedCidr
	// OnPremises are the ranges reached through VPN or Direct Connect.
	OnPremises []PlannedCidr
}

// CheckCidrPlan reports every range of plan that is not an IPv4 CIDR and every pair of
// ranges that overlap, each pair once, named after the later one: a Transit Gateway
// cannot route between overlapping ranges, and a static route to one would capture
// traffic for the other. It needs no stack, so that a configuration loader can call it.
func CheckCidrPlan(plan CidrPlan) error {
	var l check.List
	type parsed struct {
		PlannedCidr
		prefix netip.Prefix
	}
	var ranges []parsed
	for _, group := range [][]PlannedCidr{plan.Spokes, plan.Egress, plan.OnPremises} {
		for _, c := range group {
			if p, ok := check.IPv4CIDR(&l, c.Name, c.Cidr); ok {
				ranges = append(ranges, parsed{c, p})
			}
		}
	}
	for b := range ranges {
		for a := range b {
			if ranges[a].prefix.Overlaps(ranges[b].prefix) {
				l.Addf(ranges[b].Name, ranges[b].Cidr, "overlaps %s %s", ranges[a].Name, ranges[a].Cidr)
			}
		}
	}
	return l.Err("transitgateway")
}
