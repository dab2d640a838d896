package organization

import (
	"regexp"
	"strings"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Shapes of AWS Organizations IDs, from the Organizations API reference.
var (
	rootIDPattern    = regexp.MustCompile(`^r-[0-9a-z]{4,32}$`)
	ouIDPattern      = regexp.MustCompile(`^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`)
	accountIDPattern = regexp.MustCompile(`^\d{12}$`)
)

// Target is a root, OU or account that a guardrail attaches to.
type Target struct {
	// ID identifies the target: the root ("r-a1b2"), an OU ("ou-a1b2-c3d4e5f6") or a
	// 12-digit account ID, or the ID token of an OU or account that a Structure in the
	// same app creates (Structure.Target, Structure.AccountTarget). Required.
	ID string
	// Name labels the target in error messages. Empty means ID.
	Name string
}

// label is how messages name t.
func (t Target) label() string {
	if t.Name != "" {
		return t.Name
	}
	return t.ID
}

// checkTarget records a problem unless t identifies a root, OU or account.
func checkTarget(l *check.List, field string, t Target) {
	switch {
	case t.ID == "":
		l.Addf(field, t.label(), "no target ID; Structure.Target gives none for an OU it does not know")
	case isToken(t.ID):
		// The ID of an OU or account created in this app: its shape is AWS's to give.
	case !rootIDPattern.MatchString(t.ID) && !ouIDPattern.MatchString(t.ID) && !accountIDPattern.MatchString(t.ID):
		l.Addf(field, t.ID, "not a root (\"r-a1b2\"), OU (\"ou-a1b2-c3d4e5f6\") or 12-digit account ID")
	}
}

// isToken reports whether s holds a CDK string token, a value CloudFormation resolves
// at deploy time. It reads the token's marker rather than asking the CDK, so that
// Validate works without the jsii runtime.
func isToken(s string) bool { return strings.Contains(s, "${Token[") }
