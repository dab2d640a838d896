// Command emptyapp synthesizes a CDK app without stacks. Its run time is the floor of
// every CDK Go app: starting the jsii runtime (a Node process), loading aws-cdk-lib and
// writing an empty cloud assembly. make bench compares the landing zone against it.
package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
)

func main() {
	app := awscdk.NewApp(nil)
	app.Synth(nil)
	jsii.Close()
}
