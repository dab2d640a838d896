package network

import (
	"fmt"
	"net/netip"
)

// Subnet tiers, in the order their address blocks are allocated from the VPC CIDR.
// Attachment subnets come first so that adding a tier never renumbers them: a changed
// attachment subnet would replace the Transit Gateway attachment.
const (
	TierAttachment = "Attachment"
	TierPublic     = "Public"
	TierPrivate    = "Private"
	TierIsolated   = "Isolated"
)

// The subnet sizes AWS allows.
const (
	minSubnetPrefix = 16
	maxSubnetPrefix = 28
)

// tier is one row of the subnet layout: a name and the prefix length of its subnets.
type tier struct {
	name   string
	prefix int
}

// PlannedSubnet is the address block one subnet receives.
type PlannedSubnet struct {
	Tier string
	// AZ is the index of the subnet's Availability Zone, from 0.
	AZ   int
	Cidr netip.Prefix
}

// planSubnets allocates one block per tier and AZ, in tier order, each aligned to its
// own size, which is how the CDK's Vpc allocates them. It returns the plan, the first
// tier that does not fit in vpc (nil when all fit) and the number of addresses the
// whole layout spans from the start of vpc.
func planSubnets(vpc netip.Prefix, tiers []tier, azs int) ([]PlannedSubnet, *tier, uint64) {
	base := ipv4ToUint(vpc.Addr())
	end := base + uint64(1)<<(32-vpc.Bits())
	next := base
	var plan []PlannedSubnet
	var full *tier
	for i, t := range tiers {
		size := uint64(1) << (32 - t.prefix)
		for az := 0; az < azs; az++ {
			start := (next + size - 1) / size * size
			next = start + size
			if next > end {
				if full == nil {
					full = &tiers[i]
				}
				continue
			}
			plan = append(plan, PlannedSubnet{Tier: t.name, AZ: az, Cidr: netip.PrefixFrom(uintToIPv4(start), t.prefix)})
		}
	}
	return plan, full, next - base
}

// smallestPrefixFor is the longest prefix whose block holds n addresses.
func smallestPrefixFor(n uint64) int {
	bits := 32
	for bits > 0 && uint64(1)<<(32-bits) < n {
		bits--
	}
	return bits
}

func ipv4ToUint(a netip.Addr) uint64 {
	b := a.As4()
	return uint64(b[0])<<24 | uint64(b[1])<<16 | uint64(b[2])<<8 | uint64(b[3])
}

func uintToIPv4(n uint64) netip.Addr {
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
}

func (p PlannedSubnet) String() string {
	return fmt.Sprintf("%s/%d %s", p.Tier, p.AZ, p.Cidr)
}
