package landingzonetest

import (
	"encoding/json"
	"strings"
	"testing"
)

func policyTemplate(t testing.TB, raw string) *Template {
	x := &Template{t: t}
	if err := json.Unmarshal([]byte(raw), &x.JSON); err != nil {
		panic(err)
	}
	return x
}

const policies = `{"Resources": {
	"Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Statement": [
		{"Action": "kms:*", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Resource": "*"},
		{"Sid": "AllowLogs", "Action": ["kms:Decrypt", "kms:Encrypt"], "Effect": "Allow", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}}
	]}}},
	"Policy": {"Type": "AWS::S3::BucketPolicy", "Properties": {"PolicyDocument": {"Statement": [
		{"Sid": "AllowLogs", "Action": "s3:PutObject", "Effect": "Allow", "Resource": "*"}
	]}}}
}}`

func TestStatementIs(t *testing.T) {
	x := policyTemplate(t, policies)
	x.StatementIs("AWS::KMS::Key", "AllowLogs", `{"Action": ["kms:Decrypt", "kms:Encrypt"], "Effect": "Allow", "Resource": "*",
		"Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}}`)
	x.StatementIs("AWS::S3::BucketPolicy", "AllowLogs", `{"Action": "s3:PutObject", "Effect": "Allow", "Resource": "*"}`)
	if n := len(x.Statements("AWS::KMS::Key")); n != 1 {
		t.Errorf("%d statements with a Sid, want 1", n)
	}
}

func TestStatementIsReportsDifferences(t *testing.T) {
	r := &recorder{TB: t}
	x := policyTemplate(r, policies)
	x.StatementIs("AWS::KMS::Key", "AllowLogs", `{"Action": "kms:Decrypt", "Effect": "Allow", "Resource": "*"}`)
	x.StatementIs("AWS::KMS::Key", "Missing", `{}`)
	if len(r.failures) != 2 || !strings.Contains(r.failures[0], `statement "AllowLogs" of AWS::KMS::Key`) || !strings.Contains(r.failures[1], `no statement "Missing"`) {
		t.Errorf("failures %q", r.failures)
	}
}

func TestJSONEqual(t *testing.T) {
	x := policyTemplate(t, policies)
	stmt := x.Statements("AWS::KMS::Key")["AllowLogs"]
	if !JSONEqual(stmt["Action"], `["kms:Decrypt", "kms:Encrypt"]`) || JSONEqual(stmt["Action"], `["kms:Decrypt"]`) || JSONEqual(stmt, `not json`) {
		t.Error("JSONEqual disagrees with the statement")
	}
}
