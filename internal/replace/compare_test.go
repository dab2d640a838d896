package replace

import (
	"encoding/json"
	"strings"
	"testing"
)

func templates(t *testing.T, stacks map[string]string) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for name, src := range stacks {
		var tpl map[string]any
		if err := json.Unmarshal([]byte(src), &tpl); err != nil {
			t.Fatal(err)
		}
		out[name] = tpl
	}
	return out
}

const before = `{"Resources": {
  "Logs": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "lz-logs", "Tags": [{"Key": "a", "Value": "1"}]}},
  "Key": {"Type": "AWS::KMS::Key", "Properties": {"Description": "old"}, "DeletionPolicy": "Retain"},
  "OldKey": {"Type": "AWS::KMS::Key", "DeletionPolicy": "Retain"},
  "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16", "InstanceTenancy": "default"}},
  "Role": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "r"}}
}}`

func TestCompare(t *testing.T) {
	old := templates(t, map[string]string{"Core": before, "Gone": `{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"TrailName": "t"}},
		"TrailKey": {"Type": "AWS::KMS::Key", "DeletionPolicy": "Retain"}}}`})
	for _, c := range []struct {
		name, after string
		want        []string
	}{
		// OldKey is removed but retained, with no successor: left in place, not replaced.
		{"in-place updates only", `{"Resources": {
		  "Logs": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "lz-logs", "Tags": [{"Key": "a", "Value": "2"}]}},
		  "Key": {"Type": "AWS::KMS::Key", "Properties": {"Description": "new"}, "DeletionPolicy": "Retain"},
		  "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16", "InstanceTenancy": "default"}},
		  "Role2": {"Type": "AWS::IAM::Role", "Properties": {"RoleName": "r"}}}}`, nil},
		{"replacing changes", `{"Resources": {
		  "Logs2": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "lz-logs-2"}},
		  "Key2": {"Type": "AWS::KMS::Key", "Properties": {"Description": "old"}, "DeletionPolicy": "Retain"},
		  "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16", "InstanceTenancy": "dedicated"}}}}`, []string{
			"Core: Key (AWS::KMS::Key) changes its logical ID: CloudFormation keeps the old one (RETAIN)",
			"Core: Logs (AWS::S3::Bucket) changes its logical ID or is removed: CloudFormation deletes it",
			"Core: OldKey (AWS::KMS::Key) changes its logical ID: CloudFormation keeps the old one (RETAIN)",
			"Core: Vpc (AWS::EC2::VPC) changes InstanceTenancy, which CloudFormation cannot update in place (may replace it)",
		}},
		{"a name changes in place", `{"Resources": {
		  "Logs": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "acme-logs"}},
		  "Key": {"Type": "AWS::KMS::Key", "DeletionPolicy": "Retain"},
		  "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16", "InstanceTenancy": "default"}}}}`, []string{
			"Core: Logs (AWS::S3::Bucket) changes BucketName, which CloudFormation cannot update in place",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Compare(old, templates(t, map[string]string{"Core": c.after}))
			var lines []string
			for _, f := range got {
				if f.Stack == "Core" {
					lines = append(lines, f.String())
				}
			}
			if len(lines) != len(c.want) {
				t.Fatalf("findings:\n%s\nwant %d", strings.Join(lines, "\n"), len(c.want))
			}
			for i, w := range c.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("finding %d: %s, want %s", i, lines[i], w)
				}
			}
			// The stack that is gone loses its trail in every case; its key is retained.
			if len(got) == len(lines) || got[len(got)-1].String() != "Gone: Trail (AWS::CloudTrail::Trail) is deleted with its stack" {
				t.Errorf("the deleted stack's trail not reported: %v", got)
			}
		})
	}
}

func TestStateful(t *testing.T) {
	if !Stateful("AWS::S3::Bucket") || Stateful("AWS::IAM::Role") {
		t.Error("a bucket is stateful, a role is not")
	}
}
