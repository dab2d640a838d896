package landingzone_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone"
)

// exampleConfig is a small organization: the core accounts and two workloads, one
// per environment, each with its own egress.
func exampleConfig() landingzone.Config {
	return landingzone.Config{
		Organization: landingzone.Organization{ManagementAccount: "111111111111", ID: "o-a1b2c3d4e5", RootID: "r-a1b2", HomeRegion: "eu-west-1", GovernedRegions: []string{"eu-west-1"}},
		Accounts:     landingzone.CoreAccounts{LogArchive: "222222222222", Audit: "333333333333", Network: "444444444444"},
		Logging:      landingzone.Logging{KeyArn: "arn:aws:kms:eu-west-1:222222222222:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"},
		OrganizationalUnits: []landingzone.OrganizationalUnit{
			{Name: "Workloads"}, {Name: "Prod", Parent: "Workloads"}, {Name: "NonProd", Parent: "Workloads"},
		},
		Workloads: []landingzone.Workload{
			{ID: "555555555555", Environment: "prod", Team: "shop", OU: "Prod", VPC: landingzone.VPC{Cidr: "10.10.0.0/16", Egress: "proxy"}},
			{ID: "666666666666", Environment: "dev", Team: "shop", OU: "NonProd", VPC: landingzone.VPC{Cidr: "10.20.0.0/16", Egress: "single-nat"}},
		},
	}
}

// A landing zone of two workload accounts: one stack per account role and region.
func ExampleNew() {
	app := awscdk.NewApp(&awscdk.AppProps{Context: &map[string]interface{}{
		"availability-zones:account=555555555555:region=eu-west-1": []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"},
		"availability-zones:account=666666666666:region=eu-west-1": []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"},
	}})
	lz, err := landingzone.New(app, exampleConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range lz.Stacks {
		fmt.Println(*s.StackName(), *s.Account())
	}
	// Output:
	// Organization-eu-west-1 111111111111
	// SecurityDelegation-eu-west-1 111111111111
	// LogArchive-eu-west-1 222222222222
	// Baseline-log-archive-eu-west-1 222222222222
	// Security-eu-west-1 333333333333
	// Baseline-audit-eu-west-1 333333333333
	// OrgTrail-eu-west-1 111111111111
	// Baseline-management-eu-west-1 111111111111
	// Network-eu-west-1 444444444444
	// Baseline-network-eu-west-1 444444444444
	// Baseline-prod-shop-eu-west-1 555555555555
	// Baseline-dev-shop-eu-west-1 666666666666
}

// Mistakes come back all at once, each with its path in the configuration.
func ExampleConfig_Validate() {
	cfg := exampleConfig()
	cfg.Workloads[0].ID = "5555"
	cfg.Workloads[0].VPC.Egress = "nat"
	cfg.Workloads[1].VPC.Cidr = "10.10.128.0/17"
	cfg.Workloads[1].OU = "Staging"
	fmt.Println(cfg.Validate())
	// Output:
	// landingzone: workloads[0].id "5555": not a 12-digit AWS account ID
	// landingzone: workloads[0].vpc.egress "nat": unknown egress mode; want one of ["nat-per-az" "single-nat" "proxy" "none" "transit-gateway"]
	// landingzone: workloads[1].ou "Staging": no OU of that name in organizationalUnits
	// landingzone: workloads[1].vpc.cidr "10.10.128.0/17": overlaps workloads[0].vpc.cidr 10.10.0.0/16
}
