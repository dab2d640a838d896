package scpsim

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-landingzone/landingzone/constructs/organization"
)

// Level is one level of the path from the organization's root to an account: the
// root, each OU below it in turn, and the account itself. AWS allows a request only
// when every level holds a policy that allows it and no level holds one that denies
// it.
type Level struct {
	// Name labels the level in a Decision, such as "root" or "OU Prod". Empty means
	// the level's index.
	Name string
	// Policies are the SCPs attached at this level. Empty means none, which allows
	// nothing: AWS attaches FullAWSAccess to every root, OU and account unless someone
	// detaches it, so a Level usually starts with FullAWSAccess().
	Policies []Policy
}

// Policy is one SCP attached at a Level.
type Policy struct {
	// Name labels the policy in a Decision.
	Name string
	// Document is the policy's content.
	Document organization.Document
}

// FullAWSAccess returns the policy that AWS Organizations attaches to the root, every
// OU and every account when SCPs are enabled: it allows everything, leaving the other
// SCPs only to deny.
func FullAWSAccess() Policy {
	return Policy{Name: "FullAWSAccess", Document: organization.Document{
		Version:   "2012-10-17",
		Statement: []organization.Statement{{Effect: "Allow", Action: organization.Values{"*"}, Resource: organization.Values{"*"}}},
	}}
}

// Request is one call to an AWS API as the SCPs see it.
type Request struct {
	// Principal is the ARN of the calling principal, the value of aws:PrincipalArn:
	// for a role session the role's ARN ("arn:aws:iam::111122223333:role/Admin"),
	// for the root user "arn:aws:iam::111122223333:root". Empty leaves the key out of
	// the request context.
	Principal string
	// Action is the API action, such as "s3:PutBucketPolicy"; case does not matter. It
	// may be a pattern with * and ?: the Decision then says whether some action it
	// covers would be denied.
	Action string
	// Resource is the resource's ARN; it may be a pattern, as Action may. Empty means
	// "*", as for actions that name no resource.
	Resource string
	// Region is the value of aws:RequestedRegion. Empty leaves the key out.
	Region string
	// Time is the value of aws:CurrentTime. The zero value leaves the key out.
	Time time.Time
	// Context holds any other condition keys of the request with their values, such
	// as "ec2:MetadataHttpTokens": {"optional"}; key names are case-insensitive. Nil
	// means none.
	Context map[string][]string
}

// Decision is the verdict on a Request.
type Decision struct {
	// Allowed is true when no SCP denies the request and every level allows it.
	Allowed bool
	// Level, Policy and Statement name the statement that denies the request (its Sid,
	// or its index when it has none). When no statement denies it but a level allows
	// nothing that covers it, Level names that level and Policy and Statement are
	// empty. Empty when Allowed.
	Level, Policy, Statement string
}

// String describes d in a sentence for test failures.
func (d Decision) String() string {
	switch {
	case d.Allowed:
		return "allowed"
	case d.Policy == "":
		return "denied: no policy at " + d.Level + " allows it"
	}
	return fmt.Sprintf("denied by %s statement %s at %s", d.Policy, d.Statement, d.Level)
}

// ErrUnsupported is wrapped by the error Evaluate returns for a policy it cannot
// evaluate faithfully, such as one with a condition operator it does not know.
var ErrUnsupported = errors.New("scpsim: unsupported")

// Evaluate decides r against the SCPs of levels, the root first. SCPs do not apply to
// the management account, nor to service-linked roles: callers leave such requests
// out, as Evaluate cannot tell them apart. It returns an error, and no decision, when
// a policy holds something it does not evaluate.
func Evaluate(levels []Level, r Request) (Decision, error) {
	ctx := r.context()
	var allowedEverywhere = true
	var firstUnallowed string
	for li, lv := range levels {
		name := lv.Name
		if name == "" {
			name = fmt.Sprintf("level %d", li)
		}
		allowed := false
		for _, p := range lv.Policies {
			for si, s := range p.Document.Statement {
				applies, err := statementApplies(s, r, ctx)
				if err != nil {
					return Decision{}, fmt.Errorf("%s, policy %s, statement %s: %w", name, p.Name, sid(s, si), err)
				}
				if !applies {
					continue
				}
				switch s.Effect {
				case "Deny":
					return Decision{Level: name, Policy: p.Name, Statement: sid(s, si)}, nil
				case "Allow":
					allowed = allowed || fullyAllows(s, r)
				default:
					return Decision{}, fmt.Errorf("%s, policy %s, statement %s: effect %q is neither Allow nor Deny", name, p.Name, sid(s, si), s.Effect)
				}
			}
		}
		if !allowed && allowedEverywhere {
			allowedEverywhere, firstUnallowed = false, name
		}
	}
	if !allowedEverywhere {
		return Decision{Level: firstUnallowed}, nil
	}
	return Decision{Allowed: true}, nil
}

func sid(s organization.Statement, i int) string {
	if s.Sid != "" {
		return s.Sid
	}
	return fmt.Sprint(i)
}

// context is the request context of r: its keys in lower case, as condition keys are
// case-insensitive.
func (r Request) context() map[string][]string {
	ctx := map[string][]string{}
	for k, v := range r.Context {
		ctx[strings.ToLower(k)] = v
	}
	if r.Principal != "" {
		ctx["aws:principalarn"] = []string{r.Principal}
		if parts := strings.SplitN(r.Principal, ":", 6); len(parts) == 6 && parts[4] != "" {
			ctx["aws:principalaccount"] = []string{parts[4]}
		}
	}
	if r.Region != "" {
		ctx["aws:requestedregion"] = []string{r.Region}
	}
	if !r.Time.IsZero() {
		ctx["aws:currenttime"] = []string{r.Time.UTC().Format(time.RFC3339)}
	}
	return ctx
}

func (r Request) resource() string {
	if r.Resource == "" {
		return "*"
	}
	return r.Resource
}

// statementApplies reports whether s applies to some request that r covers: its
// action, resource and condition all match. For a pattern request a statement with
// Action applies when the patterns overlap, and one with NotAction unless a NotAction
// value covers the whole pattern.
func statementApplies(s organization.Statement, r Request, ctx map[string][]string) (bool, error) {
	if (len(s.Action) == 0) == (len(s.NotAction) == 0) {
		return false, fmt.Errorf("%w: a statement needs exactly one of Action and NotAction", ErrUnsupported)
	}
	if (len(s.Resource) == 0) == (len(s.NotResource) == 0) {
		return false, fmt.Errorf("%w: a statement needs exactly one of Resource and NotResource", ErrUnsupported)
	}
	action := strings.ToLower(r.Action)
	if len(s.Action) > 0 && !anyValue(s.Action, func(p string) bool { return overlaps(strings.ToLower(p), action) }) {
		return false, nil
	}
	if len(s.NotAction) > 0 && anyValue(s.NotAction, func(p string) bool { return covers(strings.ToLower(p), action) }) {
		return false, nil
	}
	res := r.resource()
	if len(s.Resource) > 0 && !anyValue(s.Resource, func(p string) bool { return overlaps(p, res) }) {
		return false, nil
	}
	if len(s.NotResource) > 0 && anyValue(s.NotResource, func(p string) bool { return covers(p, res) }) {
		return false, nil
	}
	return conditionHolds(s.Condition, ctx)
}

// fullyAllows reports whether the Allow statement s, which applies to r, covers all of
// a pattern request rather than part of it. For a request without wildcards it always
// does.
func fullyAllows(s organization.Statement, r Request) bool {
	action, res := strings.ToLower(r.Action), r.resource()
	if len(s.Action) > 0 && !anyValue(s.Action, func(p string) bool { return covers(strings.ToLower(p), action) }) {
		return false
	}
	if len(s.NotAction) > 0 && anyValue(s.NotAction, func(p string) bool { return overlaps(strings.ToLower(p), action) }) {
		return false
	}
	if len(s.Resource) > 0 && !anyValue(s.Resource, func(p string) bool { return covers(p, res) }) {
		return false
	}
	if len(s.NotResource) > 0 && anyValue(s.NotResource, func(p string) bool { return overlaps(p, res) }) {
		return false
	}
	return true
}

func anyValue(vs organization.Values, f func(string) bool) bool {
	for _, v := range vs {
		if f(v) {
			return true
		}
	}
	return false
}
