// Package lztest is the test harness of the landingzone constructs.
//
// Every synthesis goes through the same gates, so that no test can forget one:
//
//   - the cdk-nag AwsSolutions pack runs over the whole app and any unsuppressed finding
//     fails the test, as does any error annotation;
//   - every template is checked against the CloudFormation quotas (cfnlimits);
//   - every template runs through the AWS Control Tower proactive controls (the rules
//     and cfn-guard of @cdklabs/cdk-validator-cfnguard, see internal/controls) and a
//     failing control fails the test unless the resource suppresses it with a reason
//     (SuppressControl, nag.SuppressControls);
//   - a synthesis that needs a context lookup (an AWS call at `cdk synth`) fails, because
//     the landing zone must synthesize without credentials.
//
// CDK reports errors in Go as panics from the jsii runtime; the helpers here recover them
// into t.Fatalf (or t.Errorf for assertions) with the message. The jsii client is not
// safe for concurrent use, so tests that call the CDK must not use t.Parallel.
//
// Each test package runs its tests through Main, which also defines the -update flag:
//
//	func TestMain(m *testing.M) { lztest.Main(m) }
//
// and `go test ./... -update` rewrites the golden snapshots under testdata/.
package lztest
