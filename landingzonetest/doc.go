// Package landingzonetest is a test harness for CDK Go apps: snapshot tests with readable
// diffs, and the gates a landing zone's templates must pass before a deploy, for
// `go test` in a platform team's own CI.
//
// Every synthesis through Synth or SynthStack goes through the same gates, so that no
// test can forget one:
//
//   - cdk-nag: the AwsSolutions pack, plus any of HIPAASecurity, NIST80053R5 and PCIDSS321
//     chosen with WithNagPacks, runs over the whole app; an unsuppressed finding or an
//     error annotation fails the test. Suppress a rule with Suppress, whose reason must
//     be at least ten characters;
//   - every template is checked against the CloudFormation quotas (resources, outputs,
//     parameters, mappings, template size);
//   - every template runs through the AWS Control Tower proactive controls, the cfn-guard
//     rules and binary of the npm package @cdklabs/cdk-validator-cfnguard, which the
//     module's package.json must list as a devDependency. A failing control fails the
//     test unless the resource suppresses it with a reason (SuppressControl). Without the
//     package the tests fail when the environment variable CI is set, and are skipped
//     otherwise;
//   - a synthesis that needs a context lookup (an AWS call at `cdk synth`) fails: tests
//     run without credentials. Commit cdk.context.json.
//
// Golden compares a template with testdata/<test name>.json, normalised (sorted keys,
// asset hashes replaced), and prints a unified diff on a mismatch; `go test -update`
// rewrites the snapshots, to be reviewed before they are committed. CheckGuardrails
// evaluates the assembly's IAM roles against the organization's service control
// policies.
//
// The app's context is read from cdk.json and cdk.context.json at the module root (the
// directory holding go.mod), as `cdk synth` reads them; SynthStack's stack deploys to
// Account in Region unless WithEnvironment says otherwise.
//
// Each test package runs its tests through Main, which defines the -update flag and
// stops the jsii runtime's Node process at the end:
//
//	func TestMain(m *testing.M) { landingzonetest.Main(m) }
//
// CDK reports errors in Go as panics from the jsii runtime; the helpers turn them into
// t.Fatalf (or t.Errorf for assertions) with the message, and Do does so for any CDK
// call. The jsii client is not safe for concurrent use: tests that call the CDK must not
// use t.Parallel. Each test binary starts one Node process (about 3.5 s): share
// synthesized stacks between assertions.
package landingzonetest
