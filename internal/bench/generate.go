package bench

import (
	"fmt"

	"github.com/go-landingzone/landingzone"
)

// egressCycle is the mix of egress modes in generated landing zones: mostly NAT, some
// proxied production accounts, some isolated ones.
var egressCycle = []string{"nat-per-az", "single-nat", "proxy", "nat-per-az", "none"}

// GenerateConfig returns a landing zone with n workload accounts in region, each with
// its own /20 VPC, their IDs counting up from 100000000000. It is the input of the
// scaling benchmarks.
func GenerateConfig(n int, region string) landingzone.Config {
	cfg := landingzone.Config{
		Organization: landingzone.Organization{ManagementAccount: "111111111111", HomeRegion: region},
	}
	for i := range n {
		vpc := landingzone.VPC{
			// 10.0.0.0/8 holds 4,096 /20s.
			Cidr:          fmt.Sprintf("10.%d.%d.0/20", i/16, (i%16)*16),
			PrivatePrefix: 23,
			Egress:        egressCycle[i%len(egressCycle)],
		}
		if vpc.Egress != "none" {
			vpc.PublicPrefix = 26
		}
		cfg.Workloads = append(cfg.Workloads, landingzone.Workload{
			Name: fmt.Sprintf("team%03d-prod", i),
			ID:   fmt.Sprintf("%012d", 100000000000+i),
			VPC:  vpc,
		})
	}
	return cfg
}

// ZoneContext returns the cached Availability Zone lookups for every account of cfg,
// as cdk.context.json would hold them after a first `cdk synth`.
func ZoneContext(cfg landingzone.Config, zones []string) map[string]any {
	ctx := map[string]any{}
	for _, w := range cfg.Workloads {
		region := w.Region
		if region == "" {
			region = cfg.Organization.HomeRegion
		}
		ctx[fmt.Sprintf("availability-zones:account=%s:region=%s", w.ID, region)] = zones
	}
	return ctx
}
