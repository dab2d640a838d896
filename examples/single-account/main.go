// Command single-account builds a network for a team without an AWS Organization:
// one stack in one account, made directly from the constructs rather than from a
// landing-zone Config. Synthesize it with
//
//	cdk synth --app "go run ./examples/single-account"
package main

import (
	"fmt"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/network"
)

// build adds the account's stack to app: a VPC whose private subnets reach the
// internet only through a forward proxy that admits the AWS endpoints and GitHub.
func build(app awscdk.App) error {
	stack := awscdk.NewStack(app, jsii.String("SingleAccount"), &awscdk.StackProps{
		Env:                   &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-west-1")},
		Description:           jsii.String("landingzone example: a single-account network with an allow-listing proxy"),
		TerminationProtection: jsii.Bool(true),
	})
	_, err := network.NewVpc(stack, "Vpc", network.VpcProps{
		Name:   "app",
		Cidr:   "10.0.0.0/16",
		Egress: network.EgressProxy,
		Proxy: egressproxy.Settings{
			AllowedDomains: []string{"github.com", "api.github.com", "objects.githubusercontent.com"},
		},
		InterfaceEndpoints: []string{"ssm", "ssmmessages", "ec2messages"},
	})
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
