package controls_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/internal/controls"
)

// grantDeny is the key policy statement CT.KMS.PR.3 asks for.
const grantDeny = `{"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "kms:CreateGrant", "Resource": "*",
  "Condition": {"BoolIfExists": {"kms:GrantIsForAWSResource": "false", "aws:PrincipalIsAWSService": "false"}}}`

const admin = `{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "kms:*", "Resource": "*"}`

func write(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func guard(t *testing.T) *controls.Guard {
	t.Helper()
	g, err := controls.Load("../..")
	if errors.Is(err, controls.ErrNotInstalled) && os.Getenv("CI") == "" {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestCheckNamesEachFailingResource runs two templates in one call: of two keys in
// one template only the one without the statement fails, and a template without a
// key reports nothing about keys.
func TestCheckNamesEachFailingResource(t *testing.T) {
	g := guard(t)
	keys := write(t, "keys.json", `{"Resources": {
	  "Good": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true, "KeyPolicy": {"Version": "2012-10-17", "Statement": [`+admin+`, `+grantDeny+`]}}},
	  "Bad": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true, "KeyPolicy": {"Version": "2012-10-17", "Statement": [`+admin+`]}}}}}`)
	topic := write(t, "topic.json", `{"Resources": {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {}}}}`)
	got, err := g.Check([]string{keys, topic})
	if err != nil {
		t.Fatal(err)
	}
	want := []controls.Finding{{
		File: keys, Control: "CT.KMS.PR.3", Resource: "Bad",
		Summary: "Require an AWS KMS key policy to have a statement that limits creation of AWS KMS grants to AWS services",
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings\n got %+v\nwant %+v", got, want)
	}
}

func TestSuppressed(t *testing.T) {
	meta := map[string]any{controls.MetadataKey: map[string]any{"rules_to_suppress": []any{
		map[string]any{"id": "CT.LAMBDA.PR.3", "reason": "the handler calls only public AWS APIs"},
		map[string]any{"id": "CT.EC2.PR.9", "reason": "short"},
	}}}
	for _, tc := range []struct {
		id, reason, err string
	}{
		{"CT.LAMBDA.PR.3", "the handler calls only public AWS APIs", ""},
		{"CT.KMS.PR.3", "", ""},
		{"CT.EC2.PR.9", "", "needs a reason of at least 10 characters"},
	} {
		reason, err := controls.Suppressed(meta, tc.id)
		if reason != tc.reason || (err == nil) != (tc.err == "") || (err != nil && !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("Suppressed(%s) = %q, %v; want %q, error containing %q", tc.id, reason, err, tc.reason, tc.err)
		}
	}
	if reason, err := controls.Suppressed(nil, "CT.KMS.PR.3"); reason != "" || err != nil {
		t.Errorf("Suppressed(nil) = %q, %v; want nothing", reason, err)
	}
}

func TestLoadWithoutPackage(t *testing.T) {
	_, err := controls.Load(t.TempDir())
	if !errors.Is(err, controls.ErrNotInstalled) {
		t.Errorf("Load of an empty directory: %v, want ErrNotInstalled", err)
	}
}
