package landingzonetest

import (
	"testing"

	"github.com/aws/constructs-go/constructs/v10"

	"github.com/go-landingzone/landingzone/internal/nag"
)

// Suppress silences cdk-nag rule id on c and its children for a test that builds
// something deliberately outside the secure defaults. It fails the test when reason is
// shorter than nag.MinReasonLength: a suppression nobody can review is not accepted.
func Suppress(t testing.TB, c constructs.IConstruct, id, reason string) {
	t.Helper()
	rule := nag.Rule{ID: id, Reason: reason}
	if err := rule.Validate(); err != nil {
		t.Fatalf("landingzonetest: %v", err)
	}
	Do(t, func() { nag.Suppress(c, true, rule) })
}
