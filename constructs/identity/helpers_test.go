package identity_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// Identifiers of the test Identity Center, in the shapes the APIs document.
const (
	instance   = "arn:aws:sso:::instance/ssoins-0123456789abcdef"
	admins     = "a1b2c3d4e5-0123abcd-4567-89ab-cdef-0123456789ab"
	developers = "a1b2c3d4e5-1123abcd-4567-89ab-cdef-0123456789ab"
	auditors   = "2123abcd-4567-89ab-cdef-0123456789ab"
	externalPS = "arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef"
)

// now is the pinned clock of every test: validation never reads the wall clock.
var now = time.Date(2030, time.March, 1, 9, 0, 0, 0, time.UTC)

func clock() time.Time { return now }

// metadata is an identity provider's SAML 2.0 metadata, as an IdP exports it.
var metadata = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.com/saml">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing">
      <ds:KeyInfo>
        <ds:X509Data>
          <ds:X509Certificate>` + strings.Repeat("MIIDdzCCAl+gAwIBAgIEbGVhZjANBgkqhkiG9w0BAQsFADBsMRAwDgYDVQQGEwdV", 16) + `</ds:X509Certificate>
        </ds:X509Data>
      </ds:KeyInfo>
    </md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/saml/sso"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/saml/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`

// statementsOf returns the statements of a policy document in parsed JSON, by Sid.
func statementsOf(t *testing.T, doc any) map[string]map[string]any {
	t.Helper()
	d, ok := doc.(map[string]any)
	if !ok {
		t.Fatalf("policy document %T, want an object", doc)
	}
	out := map[string]map[string]any{}
	list, _ := d["Statement"].([]any)
	for _, s := range list {
		st := s.(map[string]any)
		sid, _ := st["Sid"].(string)
		out[sid] = st
	}
	return out
}

// equalJSON compares two values after a round trip through JSON.
func equalJSON(a, b any) bool {
	x, errA := json.Marshal(a)
	y, errB := json.Marshal(b)
	return errA == nil && errB == nil && string(x) == string(y)
}

// managedPolicy is how the CDK writes the ARN of an AWS managed policy in a role.
func managedPolicy(name string) map[string]any {
	return map[string]any{"Fn::Join": []any{"", []any{"arn:", map[string]any{"Ref": "AWS::Partition"}, ":iam::aws:policy/" + name}}}
}

func strp(s string) *string { return &s }

// expectInvalid calls build with a new test stack and the construct ID id, and asserts
// that it failed validation with lines that start with prefix and hold each of want,
// that the stack has no child id, and that validate, the props' Validate, reports the
// same problems without a stack.
func expectInvalid(t *testing.T, prefix, id string, want []string, validate func() error, build func(s awscdk.Stack, id string) error) {
	t.Helper()
	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() { err = build(stack, id) })
	lztest.ExpectInvalid(t, err, prefix, want...)
	lztest.ExpectNoChild(t, stack, id)
	if verr := validate(); verr == nil || err == nil || verr.Error() != err.Error() {
		t.Errorf("Validate() = %v, want the constructor's error", verr)
	}
}
