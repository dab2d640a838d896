package bench

import (
	"fmt"

	"github.com/go-landingzone/landingzone"
)

// egressCycle is the mix of egress modes in generated landing zones: most accounts
// leave through the Transit Gateway, some run their own NAT gateway or proxy, some are
// isolated.
var egressCycle = []string{"transit-gateway", "transit-gateway", "nat-per-az", "transit-gateway", "proxy", "single-nat", "transit-gateway", "none"}

// GenerateConfig returns a landing zone with n workload accounts in region, half
// production and half not, each with its own /20 VPC, their IDs counting up from
// 100000000000. It is the input of the scaling benchmarks.
func GenerateConfig(n int, region string) landingzone.Config {
	cfg := landingzone.Config{
		Organization: landingzone.Organization{
			ManagementAccount: "111111111111", ID: "o-a1b2c3d4e5", RootID: "r-a1b2",
			HomeRegion: region, GovernedRegions: []string{region},
		},
		Accounts: landingzone.CoreAccounts{LogArchive: "222222222222", Audit: "333333333333", Network: "444444444444"},
		OrganizationalUnits: []landingzone.OrganizationalUnit{
			{Name: "Workloads"}, {Name: "Prod", Parent: "Workloads"}, {Name: "NonProd", Parent: "Workloads"},
		},
		Logging: landingzone.Logging{
			KeyArn: "arn:aws:kms:" + region + ":222222222222:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
			Trail:  landingzone.Trail{CloudWatchLogs: true},
		},
		Network:  landingzone.Network{TransitGatewayID: "tgw-0a1b2c3d4e5f60718"},
		Alerting: landingzone.Alerting{Emails: []string{"security@example.com"}},
	}
	for i := range n {
		env, ou, segment := "prod", "Prod", "prod"
		if i%2 == 1 {
			env, ou, segment = "dev", "NonProd", "nonprod"
		}
		vpc := landingzone.VPC{
			// 10.0.0.0/9 holds 2,048 /20s; the egress VPC sits at 10.255.0.0/20.
			Cidr:          fmt.Sprintf("10.%d.%d.0/20", i/16, (i%16)*16),
			PrivatePrefix: 23,
			Egress:        egressCycle[i%len(egressCycle)],
		}
		w := landingzone.Workload{
			Name: fmt.Sprintf("team%03d-%s", i, env), ID: fmt.Sprintf("%012d", 100000000000+i),
			Environment: env, Team: fmt.Sprintf("team%03d", i), OU: ou, VPC: vpc,
		}
		switch vpc.Egress {
		case "none", "transit-gateway":
		default:
			w.VPC.PublicPrefix = 26
		}
		if vpc.Egress == "transit-gateway" {
			w.Segment = segment
			w.TransitGatewayAttachmentID = fmt.Sprintf("tgw-attach-%017x", i)
		}
		cfg.Workloads = append(cfg.Workloads, w)
	}
	return cfg
}

// ZoneContext returns the cached Availability Zone lookups for every account of cfg
// with a VPC, as cdk.context.json would hold them after a first `cdk synth`.
func ZoneContext(cfg landingzone.Config, zones []string) map[string]any {
	ctx := map[string]any{}
	add := func(account, region string) {
		ctx[fmt.Sprintf("availability-zones:account=%s:region=%s", account, region)] = zones
	}
	add(cfg.Accounts.Network, cfg.Organization.HomeRegion)
	for _, w := range cfg.Workloads {
		region := w.Region
		if region == "" {
			region = cfg.Organization.HomeRegion
		}
		add(w.ID, region)
	}
	return ctx
}
