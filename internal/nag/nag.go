// Package nag records cdk-nag suppressions on the resources the landingzone constructs
// create, so that a user who runs cdk-nag over their own stacks sees only findings that
// are theirs to decide. Every suppression carries a reason a reviewer can check.
package nag

import (
	"fmt"
	"strings"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdklabs/cdk-nag-go/cdknag/v2"
)

// MinReasonLength is the shortest reason accepted, as cdk-nag itself demands.
const MinReasonLength = 10

// Rule is one suppressed cdk-nag rule with the reason it does not apply. AppliesTo
// narrows a finding about several items (such as IAM5 wildcards) to the listed ones,
// each either literal ("Resource::arn:...") or a regular expression between slashes
// ("/^Resource::arn:.*:instance\/\*$/"); empty means the whole rule.
type Rule struct {
	ID        string
	Reason    string
	AppliesTo []string
}

// Validate reports a rule without an ID or with a reason shorter than MinReasonLength.
func (r Rule) Validate() error {
	if strings.TrimSpace(r.ID) == "" {
		return fmt.Errorf("nag: suppression without a rule ID (reason %q)", r.Reason)
	}
	if len(strings.TrimSpace(r.Reason)) < MinReasonLength {
		return fmt.Errorf("nag: suppression of %s needs a reason of at least %d characters, got %q", r.ID, MinReasonLength, r.Reason)
	}
	return nil
}

// Suppress attaches rules to c and, when children is set, to everything below it.
//
// It panics on a rule without a reason: reasons are constants written in this module,
// so an empty one is a programming error that the construct's own tests catch before
// release, never something a user's input can cause.
func Suppress(c constructs.IConstruct, children bool, rules ...Rule) {
	suppressions := make([]*cdknag.NagPackSuppression, 0, len(rules))
	for _, r := range rules {
		if err := r.Validate(); err != nil {
			panic(err)
		}
		s := &cdknag.NagPackSuppression{Id: jsii.String(r.ID), Reason: jsii.String(r.Reason)}
		if len(r.AppliesTo) > 0 {
			applies := make([]interface{}, len(r.AppliesTo))
			for i, a := range r.AppliesTo {
				applies[i] = a
				if len(a) > 1 && strings.HasPrefix(a, "/") && strings.HasSuffix(a, "/") {
					applies[i] = &cdknag.RegexAppliesTo{Regex: jsii.String(a)}
				}
			}
			s.AppliesTo = &applies
		}
		suppressions = append(suppressions, s)
	}
	cdknag.NagSuppressions_AddResourceSuppressions(c, &suppressions, jsii.Bool(children))
}
