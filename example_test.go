package landingzone_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone"
)

// A landing zone with two workload accounts, each with its own egress.
func ExampleNew() {
	app := awscdk.NewApp(&awscdk.AppProps{Context: &map[string]interface{}{
		"availability-zones:account=555555555555:region=eu-west-1": []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"},
		"availability-zones:account=666666666666:region=eu-west-1": []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"},
	}})
	lz, err := landingzone.New(app, landingzone.Config{
		Organization: landingzone.Organization{ManagementAccount: "111111111111", HomeRegion: "eu-west-1"},
		Workloads: []landingzone.Workload{
			{Name: "shop-prod", ID: "555555555555", VPC: landingzone.VPC{Cidr: "10.10.0.0/16", Egress: "proxy"}},
			{Name: "shop-dev", ID: "666666666666", VPC: landingzone.VPC{Cidr: "10.20.0.0/16", Egress: "single-nat"}},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range lz.Stacks {
		fmt.Println(*s.StackName(), *s.Account())
	}
	// Output:
	// Baseline-shop-prod-eu-west-1 555555555555
	// Baseline-shop-dev-eu-west-1 666666666666
}

// Mistakes come back all at once, each with its path in the configuration.
func ExampleConfig_Validate() {
	cfg := landingzone.Config{
		Organization: landingzone.Organization{ManagementAccount: "111111111111", HomeRegion: "eu-west-1"},
		Workloads: []landingzone.Workload{
			{Name: "shop-prod", ID: "5555", VPC: landingzone.VPC{Cidr: "10.10.0.0/16", Egress: "nat"}},
			{Name: "shop-dev", ID: "666666666666", VPC: landingzone.VPC{Cidr: "10.10.128.0/17"}},
		},
	}
	fmt.Println(cfg.Validate())
	// Output:
	// landingzone: workloads[0].id "5555": not a 12-digit AWS account ID
	// landingzone: workloads[0].vpc.egress "nat": unknown egress mode; want one of ["nat-per-az" "single-nat" "proxy" "none" "transit-gateway"]
	// landingzone: workloads[1].vpc.cidr "10.10.128.0/17": overlaps workloads[0].vpc.cidr 10.10.0.0/16
}
