// Command multi-account synthesizes the reference landing zone: the stacks of every
// account role, from one Config. cdk.json runs it, so `make synth` (cdk synth) writes
// its templates to cdk.out.
//
// The account IDs are the placeholders of the AWS documentation; replace them with
// yours. The Availability Zones of each account and region are cached in
// cdk.context.json, as `cdk synth` records them, so that synthesis needs no AWS
// credentials.
package main

import (
	"fmt"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone"
)

// referenceConfig is the reference landing zone: one organization in eu-west-1 with
// three workload accounts, one per egress mode that a workload account uses alone.
func referenceConfig() landingzone.Config {
	return landingzone.Config{
		Organization: landingzone.Organization{ManagementAccount: "111111111111", HomeRegion: "eu-west-1"},
		Workloads: []landingzone.Workload{
			{
				Name: "payments-prod", ID: "555555555555",
				VPC: landingzone.VPC{
					Cidr: "10.10.0.0/16", AZCount: 3, Egress: "proxy",
					Proxy:              landingzone.Proxy{AllowedDomains: []string{".amazonaws.com", "api.stripe.com"}},
					InterfaceEndpoints: []string{"ssm", "ssmmessages", "ec2messages", "kms", "logs", "sts"},
				},
			},
			{
				Name: "payments-dev", ID: "666666666666",
				VPC: landingzone.VPC{Cidr: "10.20.0.0/16", Egress: "single-nat"},
			},
			{
				Name: "data-prod", ID: "777777777777",
				VPC: landingzone.VPC{Cidr: "10.30.0.0/16", Egress: "nat-per-az"},
			},
		},
	}
}

// build adds the reference landing zone to app.
func build(app awscdk.App) error {
	_, err := landingzone.New(app, referenceConfig())
	return err
}

func main() {
	app := awscdk.NewApp(nil)
	if err := build(app); err != nil {
		fmt.Fprintln(os.Stderr, err)
		jsii.Close()
		os.Exit(1)
	}
	app.Synth(nil)
	jsii.Close()
}
