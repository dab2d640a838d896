package landingzonetest

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
)

// NagPack is a cdk-nag rule pack that Synth runs over the app. Its value is the prefix
// of the pack's rule IDs ("AwsSolutions-IAM4"), which is how suppressions name them.
type NagPack string

// The cdk-nag packs Synth can run (cdk-nag v2.38.2). AwsSolutions always runs; the others
// are added with WithNagPacks.
const (
	AwsSolutions  NagPack = "AwsSolutions"
	HIPAASecurity NagPack = "HIPAA.Security"
	NIST80053R5   NagPack = "NIST.800.53.R5"
	PCIDSS321     NagPack = "PCI.DSS.321"
)

// aspect returns the pack as a CDK aspect that annotates every finding and writes no
// report file (the gate reads the annotations).
func (p NagPack) aspect() (awscdk.IAspect, error) {
	props := &cdknag.NagPackProps{Reports: jsii.Bool(false)}
	switch p {
	case AwsSolutions:
		return cdknag.NewAwsSolutionsChecks(props), nil
	case HIPAASecurity:
		return cdknag.NewHIPAASecurityChecks(props), nil
	case NIST80053R5:
		return cdknag.NewNIST80053R5Checks(props), nil
	case PCIDSS321:
		return cdknag.NewPCIDSS321Checks(props), nil
	}
	return nil, fmt.Errorf("unknown cdk-nag pack %q; want one of %s, %s, %s, %s", string(p), AwsSolutions, HIPAASecurity, NIST80053R5, PCIDSS321)
}

// Option changes what Synth and SynthStack build and check. The zero set of options
// synthesizes for the test environment (Account, Region) with every gate on and the
// AwsSolutions pack alone.
type Option func(*settings)

// settings is what the options chose.
type settings struct {
	packs           []NagPack
	account, region string
}

// WithNagPacks adds cdk-nag packs to AwsSolutions, such as HIPAASecurity for a workload
// that must meet it. An unknown pack fails the test that uses it.
func WithNagPacks(packs ...NagPack) Option {
	return func(s *settings) { s.packs = append(s.packs, packs...) }
}

// WithEnvironment synthesizes SynthStack's stack for account and region instead of the
// test environment. With Synth and SynthStack alike it caches three Availability Zones
// (<region>a, b, c) for them, so that no lookup is needed; stacks that Synth's build
// function creates name their own environment.
func WithEnvironment(account, region string) Option {
	return func(s *settings) { s.account, s.region = account, region }
}

// resolve applies opts to the defaults.
func resolve(opts []Option) *settings {
	s := &settings{packs: []NagPack{AwsSolutions}, account: Account, region: Region}
	for _, o := range opts {
		o(s)
	}
	return s
}

// isNagFinding reports whether an annotation is a finding of one of the packs that ran,
// or cdk-nag's report that a rule could not evaluate a property (an intrinsic it does not
// resolve), after which that property went unchecked.
func (s *settings) isNagFinding(data string) bool {
	if strings.HasPrefix(data, "CdkNagValidationFailure") {
		return true
	}
	for _, p := range s.packs {
		if strings.HasPrefix(data, string(p)+"-") {
			return true
		}
	}
	return false
}

// env is the environment of SynthStack's and NewStack's stack.
func (s *settings) env() *awscdk.Environment {
	return &awscdk.Environment{Account: jsii.String(s.account), Region: jsii.String(s.region)}
}
