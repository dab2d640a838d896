package transitgateway_test

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestCheckCidrPlan(t *testing.T) {
	ok := transitgateway.CidrPlan{
		Spokes:     []transitgateway.PlannedCidr{{"workloads[0].vpc.cidr", "10.1.0.0/16"}, {"workloads[1].vpc.cidr", "10.2.0.0/16"}},
		Egress:     []transitgateway.PlannedCidr{{"network.egress.cidr", "10.255.0.0/20"}},
		OnPremises: []transitgateway.PlannedCidr{{"network.onPremises[0]", "192.168.0.0/16"}},
	}
	if err := transitgateway.CheckCidrPlan(ok); err != nil {
		t.Errorf("disjoint plan: %v", err)
	}
	bad := transitgateway.CidrPlan{
		Spokes: []transitgateway.PlannedCidr{
			{"workloads[0].vpc.cidr", "10.0.0.0/16"},
			{"workloads[1].vpc.cidr", "10.0.0.0/16"},
			{"workloads[2].vpc.cidr", "10.255.0.0/16"},
			{"workloads[3].vpc.cidr", "10.3.0.0/33"},
		},
		Egress:     []transitgateway.PlannedCidr{{"network.egress.cidr", "10.255.0.0/20"}},
		OnPremises: []transitgateway.PlannedCidr{{"network.onPremises[0]", "10.0.0.0/8"}},
	}
	err := transitgateway.CheckCidrPlan(bad)
	lztest.ExpectInvalid(t, err, "transitgateway: ",
		`workloads[1].vpc.cidr "10.0.0.0/16": overlaps workloads[0].vpc.cidr 10.0.0.0/16`,
		`workloads[3].vpc.cidr "10.3.0.0/33": not a valid IPv4 CIDR`,
		`network.egress.cidr "10.255.0.0/20": overlaps workloads[2].vpc.cidr 10.255.0.0/16`,
		`network.onPremises[0] "10.0.0.0/8": overlaps workloads[0].vpc.cidr 10.0.0.0/16`,
		`network.onPremises[0] "10.0.0.0/8": overlaps workloads[1].vpc.cidr 10.0.0.0/16`,
		`network.onPremises[0] "10.0.0.0/8": overlaps workloads[2].vpc.cidr 10.255.0.0/16`,
		`network.onPremises[0] "10.0.0.0/8": overlaps network.egress.cidr 10.255.0.0/20`,
	)
	// Every pair once: 1 + 1 + 4 overlaps and the invalid range.
	if n := len(strings.Split(err.Error(), "\n")); n != 7 {
		t.Errorf("%d problems, want 7:\n%v", n, err)
	}
}
