package rehearsal_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/rehearsal"
)

// TestMain goes through lztest so that `go test ./... -update` is understood here too.
func TestMain(m *testing.M) { lztest.Main(m) }

const (
	logArchive = "222222222222"
	audit      = "333333333333"
	workload   = "555555555555"
)

func stack(t *testing.T, name, account, template string) rehearsal.Stack {
	t.Helper()
	var tpl map[string]any
	if err := json.Unmarshal([]byte(template), &tpl); err != nil {
		t.Fatal(err)
	}
	return rehearsal.Stack{Name: name, Account: account, Region: "eu-west-1", Template: tpl}
}

// The log archive's bucket, role and Logs destination, named as other accounts find
// them; an ARN joined from pseudo parameters resolves to the stack's own.
const logArchiveTemplate = `{
  "Mappings": {"Names": {"eu-west-1": {"Stream": "landingzone-log-archive"}}},
  "Resources": {
    "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "lz-logs-222222222222-eu-west-1"}},
    "Stream": {"Type": "AWS::KinesisFirehose::DeliveryStream", "Properties": {"DeliveryStreamName": "x"}},
    "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "lz-reader", "Path": "/landingzone/"}},
    "Destination": {"Type": "AWS::Logs::Destination", "Properties": {
      "DestinationName": {"Fn::FindInMap": ["Names", {"Ref": "AWS::Region"}, "Stream"]},
      "TargetArn": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":firehose:eu-west-1:", {"Ref": "AWS::AccountId"}, ":deliverystream/x"]]}}}
  },
  "Outputs": {"KeyArn": {"Value": {"Fn::GetAtt": ["Key", "Arn"]}}}
}`

func TestNamedResources(t *testing.T) {
	var got []string
	for _, n := range rehearsal.NamedResources(stack(t, "LogArchive", logArchive, logArchiveTemplate)) {
		got = append(got, n.LogicalID+"="+strings.Join(n.Keys, ","))
	}
	want := []string{
		"Bucket=arn:aws:s3:::lz-logs-222222222222-eu-west-1,lz-logs-222222222222-eu-west-1",
		"Destination=arn:aws:logs:eu-west-1:222222222222:destination:landingzone-log-archive",
		"Role=arn:aws:iam::222222222222:role/landingzone/lz-reader",
		"Stream=arn:aws:firehose:eu-west-1:222222222222:deliverystream/x",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("named resources\n got %v\nwant %v", got, want)
	}
}

// A workload that subscribes to the destination, writes to the bucket and reads an
// output of the log archive stack.
const workloadTemplate = `{
  "Parameters": {"Arn": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/lz/identity/Admin"}},
  "Resources": {
    "Subscription": {"Type": "AWS::Logs::AccountPolicy", "Properties": {"PolicyDocument": {"Fn::Sub": "arn:${AWS::Partition}:logs:eu-west-1:222222222222:destination:landingzone-log-archive"}}},
    "Channel": {"Type": "AWS::Config::DeliveryChannel", "Properties": {"S3BucketName": "lz-logs-222222222222-eu-west-1"}},
    "Key": {"Type": "AWS::GuardDuty::PublishingDestination", "Properties": {"KmsKeyArn": "arn:aws:kms:eu-west-1:222222222222:key/0a1b2c3d"}},
    "Reader": {"Type": "AWS::Custom", "Properties": {"Key": {"Fn::GetStackOutput": {"StackName": "LogArchive", "OutputName": "KeyArn", "Region": "eu-west-1"}}}},
    "Policy": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [
      {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::lz-logs-222222222222-eu-west-1/*"},
      {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::222222222222:role/landingzone/lz-reader"}
    ]}}},
    "Trust": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Statement": [
      {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Principal": {"AWS": "arn:aws:iam::222222222222:role/landingzone/lz-reader"}},
      {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*", "Principal": {"AWS": "arn:aws:iam::999999999999:role/auditor"}}
    ]}}}
  }
}`

func ledger(t *testing.T, all ...rehearsal.Stack) *rehearsal.Ledger {
	t.Helper()
	env := rehearsal.Environment{ManagementAccount: "111111111111", OrganizationID: "o-a1b2c3d4e5", Qualifier: "lzadmin",
		Accounts: []string{"111111111111", logArchive, audit, workload}, Regions: []string{"eu-west-1"}}
	config := map[string]any{"identity": map[string]any{"parameter": "/lz/identity/Admin"}, "logging": map[string]any{"keyArn": "arn:aws:kms:eu-west-1:222222222222:key/0a1b2c3d"},
		"workloads": []any{map[string]any{"transitGatewayAttachmentId": "tgw-attach-0a1b2c3d4e5f60718"}}}
	return rehearsal.New(all, env, config, []rehearsal.Awaited{{Field: "logging.keyArn", Value: "arn:aws:kms:eu-west-1:222222222222:key/0a1b2c3d"}})
}

// Deployed first, the workload refers to a destination, a bucket, a principal and an
// output that do not exist yet, and to a key not yet recorded; a policy's resources
// may name what comes later, an unknown account's principal is not checked.
func TestLedgerRefusesForwardReferences(t *testing.T) {
	la, wl := stack(t, "LogArchive", logArchive, logArchiveTemplate), stack(t, "Baseline", workload, workloadTemplate)
	got := strings.Join(ledger(t, la, wl).Deploy(wl), "\n")
	for _, want := range []string{
		`Baseline: Subscription Properties.PolicyDocument "arn:aws:logs:eu-west-1:222222222222:destination:landingzone-log-archive": refers to arn:aws:logs:eu-west-1:222222222222:destination:landingzone-log-archive, which LogArchive creates, but LogArchive has not deployed yet`,
		`Baseline: Channel Properties.S3BucketName "lz-logs-222222222222-eu-west-1": refers to lz-logs-222222222222-eu-west-1, which LogArchive creates`,
		`Baseline: Key Properties.KmsKeyArn "arn:aws:kms:eu-west-1:222222222222:key/0a1b2c3d": uses logging.keyArn`,
		`Baseline: Reader Properties.Key "output:LogArchive/KeyArn": reads output:LogArchive/KeyArn, which LogArchive outputs only in a later deploy`,
		`Baseline: Trust Properties.KeyPolicy.Statement[0].Principal.AWS "arn:aws:iam::222222222222:role/landingzone/lz-reader": refers to`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{"Policy Properties", "999999999999", "/lz/identity/Admin"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("problems mention %q:\n%s", unwanted, got)
		}
	}
}

// In order, with the key recorded after the log archive deployed, everything resolves.
func TestLedgerAcceptsTheDeployOrder(t *testing.T) {
	la, wl := stack(t, "LogArchive", logArchive, logArchiveTemplate), stack(t, "Baseline", workload, workloadTemplate)
	l := ledger(t, la, wl)
	if err := l.Record("logging.keyArn", "arn:aws:kms:eu-west-1:222222222222:key/0a1b2c3d", "LogArchive"); err == nil {
		t.Error("recorded from a stack that has not deployed")
	}
	if p := l.Deploy(la); len(p) != 0 {
		t.Fatalf("log archive: %v", p)
	}
	if err := l.Record("logging.keyArn", "arn:aws:kms:eu-west-1:222222222222:key/0a1b2c3d", "LogArchive"); err != nil {
		t.Fatal(err)
	}
	if p := l.Deploy(wl); len(p) != 0 {
		t.Errorf("workload after the log archive: %v", p)
	}
	if got := strings.Join(l.Deployed(), " "); got != "LogArchive Baseline" {
		t.Errorf("deployed %s", got)
	}
}

// An ARN in a landing-zone account that no stack creates and the configuration does
// not hold cannot be deployed against; the bootstrap's roles and the accounts' default
// event buses exist from the start, and an ARN around an ID of the configuration
// names what the configuration names.
func TestLedgerKnowsWhatExistsBefore(t *testing.T) {
	s := stack(t, "Baseline", workload, `{"Resources": {"Forward": {"Type": "AWS::Events::Rule", "Properties": {"Targets": [
		{"Arn": "arn:aws:events:eu-west-1:333333333333:event-bus/default", "RoleArn": "arn:aws:iam::555555555555:role/cdk-lzadmin-cfn-exec-role-555555555555-eu-west-1"},
		{"Arn": "arn:aws:sns:eu-west-1:333333333333:typo-topic"},
		{"Arn": "arn:aws:ec2:eu-west-1:333333333333:transit-gateway-attachment/tgw-attach-0a1b2c3d4e5f60718"}]}}}}`)
	got := ledger(t, s).Deploy(s)
	if len(got) != 1 || !strings.Contains(got[0], "arn:aws:sns:eu-west-1:333333333333:typo-topic in account 333333333333, which no stack creates and the configuration does not hold") {
		t.Errorf("problems %v, want only the unknown topic", got)
	}
}

func TestLedgerRefusesImports(t *testing.T) {
	s := stack(t, "IdentityAssignments01", "111111111111", `{"Resources": {"A": {"Type": "AWS::SSO::Assignment", "Properties": {"PermissionSetArn": {"Fn::ImportValue": "Identity:Arn"}}}}}`)
	got := ledger(t, s).Deploy(s)
	if len(got) != 1 || !strings.Contains(got[0], "IdentityAssignments01: imports a CloudFormation export") {
		t.Errorf("problems %v, want the import", got)
	}
}

// Resolve renders a name built of pseudo parameters and refuses one that only the
// deployed stack decides.
func TestResolve(t *testing.T) {
	s := rehearsal.Stack{Name: "Net", Account: "444444444444", Region: "eu-west-1", Template: map[string]any{
		"Resources": map[string]any{"Tgw": map[string]any{"Type": "AWS::EC2::TransitGateway"}},
	}}
	if got, ok := s.Resolve(map[string]any{"Fn::Sub": "${AWS::AccountId}-${AWS::Region}-tgw"}); !ok || got != "444444444444-eu-west-1-tgw" {
		t.Errorf("Fn::Sub: %q, %v", got, ok)
	}
	if got, ok := s.Resolve(map[string]any{"Fn::Join": []any{"-", []any{"x", map[string]any{"Ref": "Tgw"}}}}); ok {
		t.Errorf("a Ref of a resource resolved to %q", got)
	}
}
