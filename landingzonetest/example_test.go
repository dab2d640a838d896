package landingzonetest_test

import (
	"fmt"

	"github.com/go-landingzone/landingzone/landingzonetest"
)

// Golden snapshots are normalised so that they do not change between machines or CDK
// releases for reasons a reviewer cannot act on: keys sorted, asset hashes replaced.
func ExampleNormalize() {
	template := `{"Resources":{"Handler":{"Type":"AWS::Lambda::Function","Properties":{"Code":{"S3Key":"` +
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" + `.zip"},"Runtime":"python3.13"}}}}`
	out, err := landingzonetest.Normalize([]byte(template))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// {
	//   "Resources": {
	//     "Handler": {
	//       "Properties": {
	//         "Code": {
	//           "S3Key": "<asset-hash>.zip"
	//         },
	//         "Runtime": "python3.13"
	//       },
	//       "Type": "AWS::Lambda::Function"
	//     }
	//   }
	// }
}

// A test for a workload subject to HIPAA runs cdk-nag's HIPAA pack beside AwsSolutions:
//
//	tpl := landingzonetest.SynthStack(t, build, landingzonetest.WithNagPacks(landingzonetest.HIPAASecurity))
//
// Suppressions name a pack's rules by this prefix.
func ExampleWithNagPacks() {
	for _, p := range []landingzonetest.NagPack{landingzonetest.AwsSolutions, landingzonetest.HIPAASecurity, landingzonetest.NIST80053R5, landingzonetest.PCIDSS321} {
		fmt.Println(string(p) + "-")
	}
	// Output:
	// AwsSolutions-
	// HIPAA.Security-
	// NIST.800.53.R5-
	// PCI.DSS.321-
}

// Stacks synthesize without an AWS call: NewApp caches three zones for the test
// environment, as `cdk synth` would cache a lookup in cdk.context.json.
func ExampleZones() {
	fmt.Println(landingzonetest.Zones(landingzonetest.Region))
	// Output: [eu-west-1a eu-west-1b eu-west-1c]
}
