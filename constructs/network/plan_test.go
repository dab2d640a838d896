package network

import (
	"net/netip"
	"testing"
)

func TestPlanSubnetsAlignsEachTier(t *testing.T) {
	plan, full, need := planSubnets(netip.MustParsePrefix("10.0.0.0/16"),
		[]tier{{TierAttachment, 28}, {TierPublic, 24}, {TierPrivate, 20}, {TierIsolated, 24}}, 2)
	if full != nil {
		t.Fatalf("tier %s did not fit", full.name)
	}
	want := []string{
		"Attachment/0 10.0.0.0/28", "Attachment/1 10.0.0.16/28",
		"Public/0 10.0.1.0/24", "Public/1 10.0.2.0/24",
		"Private/0 10.0.16.0/20", "Private/1 10.0.32.0/20",
		"Isolated/0 10.0.48.0/24", "Isolated/1 10.0.49.0/24",
	}
	if len(plan) != len(want) {
		t.Fatalf("plan %v, want %v", plan, want)
	}
	for i, p := range plan {
		if p.String() != want[i] {
			t.Errorf("subnet %d = %s, want %s", i, p, want[i])
		}
	}
	if need != 50*256 {
		t.Errorf("need = %d, want %d (up to the end of 10.0.49.0/24)", need, 50*256)
	}
}

func TestPlanSubnetsReportsTheTierThatDoesNotFit(t *testing.T) {
	_, full, need := planSubnets(netip.MustParsePrefix("10.0.0.0/20"), []tier{{TierPublic, 24}, {TierPrivate, 20}}, 2)
	if full == nil || full.name != TierPrivate {
		t.Fatalf("full = %v, want the private tier", full)
	}
	// Two /24s, then two /20s aligned from 10.0.16.0: 10.0.0.0 to 10.0.47.255.
	if need != 48*256 || smallestPrefixFor(need) != 18 {
		t.Errorf("need = %d (a /%d), want %d (a /18)", need, smallestPrefixFor(need), 48*256)
	}
}

func TestSmallestPrefixFor(t *testing.T) {
	for n, want := range map[uint64]int{1: 32, 2: 31, 3: 30, 256: 24, 257: 23, 65536: 16} {
		if got := smallestPrefixFor(n); got != want {
			t.Errorf("smallestPrefixFor(%d) = %d, want %d", n, got, want)
		}
	}
}
