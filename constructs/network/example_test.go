package network_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/network"
)

// A workload VPC whose only way out is a forward proxy that admits AWS endpoints and
// GitHub. The zones come from the context, as `cdk synth` caches them in
// cdk.context.json.
func ExampleNewVpc() {
	app := awscdk.NewApp(&awscdk.AppProps{Context: &map[string]interface{}{
		"availability-zones:account=111111111111:region=eu-west-1": []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"},
	}})
	stack := awscdk.NewStack(app, jsii.String("Workload"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-west-1")},
	})

	vpc, err := network.NewVpc(stack, "Vpc", network.VpcProps{
		Name:   "payments",
		Cidr:   "10.10.0.0/16",
		Egress: network.EgressProxy,
		Proxy:  egressproxy.Settings{AllowedDomains: []string{"api.github.com", "github.com"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, subnet := range vpc.Plan {
		fmt.Println(subnet.Tier, subnet.AZ, subnet.Cidr)
	}
	fmt.Println("proxy port:", vpc.Proxy.Port)
	// Output:
	// Public 0 10.10.0.0/24
	// Public 1 10.10.1.0/24
	// Private 0 10.10.16.0/20
	// Private 1 10.10.32.0/20
	// Isolated 0 10.10.48.0/24
	// Isolated 1 10.10.49.0/24
	// proxy port: 3128
}

// Every problem in the props comes back at once, each naming the field and its value,
// and nothing is added to the stack.
func ExampleNewVpc_errors() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Workload"), nil)

	_, err := network.NewVpc(stack, "Vpc", network.VpcProps{
		Cidr:                 "10.0.0.0/33",
		Egress:               network.EgressProxy,
		Proxy:                egressproxy.Settings{AllowedDomains: []string{"github.com", ""}},
		FlowLogRetentionDays: 30,
	})
	fmt.Println(err)
	fmt.Println("children:", len(*stack.Node().Children()))
	// Output:
	// network: VpcProps.Cidr "10.0.0.0/33": not a valid IPv4 CIDR
	// network: VpcProps.Proxy.AllowedDomains[1] "": not a domain name; want a name such as "example.com", or ".example.com" for it and all its subdomains
	// network: VpcProps.FlowLogRetentionDays 30: below the 365-day minimum; set `AllowShortFlowLogRetention` to accept shorter retention
	// children: 0
}
