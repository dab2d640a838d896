package egressproxy_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
)

// A proxy for an existing VPC that admits the AWS endpoints and one package index, with
// the environment that points the workloads at it.
func ExampleNewForwardProxy() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Egress"), nil)
	vpc := awsec2.NewVpc(stack, jsii.String("Vpc"), &awsec2.VpcProps{MaxAzs: jsii.Number(2)})

	proxy, err := egressproxy.NewForwardProxy(stack, "Proxy", egressproxy.ForwardProxyProps{
		Vpc:      vpc,
		Settings: egressproxy.Settings{AllowedDomains: []string{"pypi.org", "files.pythonhosted.org"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("instances:", len(proxy.Groups), "port:", proxy.Port)
	fmt.Println("NO_PROXY:", proxy.Environment("10.0.0.0/16")["NO_PROXY"])
	// Output:
	// instances: 2 port: 3128
	// NO_PROXY: 169.254.169.254,169.254.170.2,localhost,127.0.0.1,10.0.0.0/16
}
