package organization_test

import (
	"testing"

	"github.com/go-landingzone/landingzone/constructs/organization"
)

// A document renders as AWS stores it: minified, one value as a plain string, nothing
// HTML-escaped, condition keys sorted; its size counts characters.
func TestDocumentJSON(t *testing.T) {
	doc := organization.Document{Version: "2012-10-17", Statement: []organization.Statement{{
		Sid:      "Example",
		Effect:   "Deny",
		Action:   organization.Values{"s3:PutBucketPolicy", "s3:DeleteBucket"},
		Resource: organization.Values{"arn:aws:s3:::lz-logs-<é>&"},
		Condition: organization.Conditions{
			"StringNotEquals": {"aws:RequestedRegion": {"eu-west-1"}},
			"ArnNotLike":      {"aws:PrincipalArn": {"arn:aws:iam::*:role/Admin"}},
		},
	}}}
	want := `{"Version":"2012-10-17","Statement":[{"Sid":"Example","Effect":"Deny","Action":["s3:PutBucketPolicy","s3:DeleteBucket"],` +
		`"Resource":"arn:aws:s3:::lz-logs-<é>&","Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/Admin"},` +
		`"StringNotEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}`
	if got := doc.JSON(); got != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", got, want)
	}
	if got := doc.Size(); got != len([]rune(want)) || got != len(want)-1 {
		t.Errorf("Size = %d, want %d characters (é is two bytes, one character)", got, len([]rune(want)))
	}
}
