// Command landingzone checks CDK cloud assemblies and validates, plans, draws and
// compares landing zone configuration files, for platform teams whether or not their CDK apps are written in Go.
//
// Install it with
//
//	go install github.com/go-landingzone/landingzone/cmd/landingzone@vX.Y.Z
//
// # landingzone check [flags] DIR
//
// Check runs the template-level gates of this module over the cloud assembly in DIR,
// the directory `cdk synth` writes (cdk.out), nested assemblies included: the stages
// of a CDK Pipelines app are nested assemblies. The gates are:
//
//   - quotas: each template against the CloudFormation quotas that fail a deploy
//     (500 resources, 1,000,000 template bytes, 200 parameters, 200 outputs), and
//     the inline template of each StackSet also against the 51,200 bytes of a
//     template passed inline.
//   - controls: the AWS Control Tower proactive controls, which Control Tower
//     enforces as CloudFormation hooks, run with the cfn-guard binary and rules of
//     the npm package @cdklabs/cdk-validator-cfnguard. The package is looked for in
//     node_modules above DIR, then above the working directory, or under -controls-dir;
//     without it check fails and says to run
//     `npm install --save-dev @cdklabs/cdk-validator-cfnguard@0.0.62`. A resource may
//     suppress a control in its template Metadata, with a reason of at least ten
//     characters, as cdk-nag's suppressions are written:
//     "Metadata": {"control_tower": {"rules_to_suppress": [{"id": "CT.S3.PR.1", "reason": "..."}]}}.
//     Suppressed findings are listed in the JSON report; -controls=false skips the gate.
//   - imports: no Fn::ImportValue of an export that a stack of the assembly makes in
//     another account or region. CloudFormation resolves an import only within the
//     importing stack's own account and region, so such a stack fails to deploy.
//     Imports of names exported by no stack of the assembly, and stacks whose account
//     or region is left to deploy time, cannot be judged and are not reported.
//   - guardrails, with -config FILE only: the landing zone of that configuration is
//     built (this starts the CDK's Node runtime, as `cdk synth` of a Go app does), and
//     every action that each stack's deploy role and IAM roles are allowed is
//     evaluated against the service control policies the landing zone attaches above
//     the stack's account. The deploy role is the CloudFormation execution role the
//     manifest names, else the CDK bootstrap's of the configuration's qualifier. A
//     stack in an account the configuration does not hold, or one whose account is
//     left to deploy time, is a finding (account-not-in-configuration,
//     environment-agnostic): the guardrails above it are unknown, and a landing zone
//     is meant to govern every account its teams deploy to. Without -config such
//     stacks are not a concern of check.
//
// -format text (the default) prints one line per finding, "stack (template):
// resource: gate rule: message", followed by "(at PATH)" when the manifest records
// the construct path of the resource, then a summary line. -format json prints a Report,
// whose fields are documented on the type and only ever grow. -format junit prints
// JUnit XML for CI test reports: one testsuite per gate that ran, one testcase per
// stack, with one failure per stack that lists each finding and names its resources.
//
// # landingzone validate FILE
//
// Validate reads the configuration file (YAML or JSON) strictly and validates it, as
// landingzone.LoadConfig does, without building anything. It prints every problem as
// "file:line:column: path value: reason", or "FILE: valid".
//
// # landingzone plan FILE
//
// Plan prints the configuration's stacks in deploy order with their stage, account and
// region, the values it awaits (known only after a deploy), the order of a first
// deploy and the pipeline's waves (landingzone.FormatPlan). `make plan` runs it.
//
// # landingzone diagram [-format mermaid|dot] FILE
//
// Diagram prints the landing zone's accounts, stacks and flows as Mermaid or DOT.
//
// # landingzone diff OLD NEW
//
// Diff synthesizes the landing zones of two configurations (this starts Node.js) and
// lists every stateful resource, a bucket, key, log group, trail, attachment,
// permission set, account, OU, VPC or subnet, that deploying NEW over OLD would
// replace or delete, as CloudFormation decides from the resource specification
// (package internal/replace). It exits 1 when there is one.
//
// # landingzone schema
//
// Schema prints the JSON Schema of the configuration file, for editors (the YAML
// language server reads a "# yaml-language-server: $schema=" comment) and CI checks.
//
// # Exit status
//
// 0 when the assembly is clean or the file valid; 1 when check found a finding,
// validate, plan or diagram a problem of the configuration, or diff a replacement; 2 on a usage mistake or an input that cannot be read, such as
// a missing manifest.json or an unreadable configuration.
package main
