package scpsim

import "testing"

// Case is one row of a guardrail test table: a request made in an account and whether
// the SCPs in force there should allow it.
type Case struct {
	// Name describes the row, as its subtest name.
	Name string
	// Account is the 12-digit ID of the account the request is made in.
	Account string
	// Request is the call.
	Request Request
	// Allowed is the expected verdict; the zero value expects a denial.
	Allowed bool
}

// Levels returns the SCPs in force for an account, the root first, such as
// landingzone.LandingZone.GuardrailLevels. No levels means no SCP applies (the
// management account): every request is allowed.
type Levels func(account string) ([]Level, error)

// Test runs each case as a subtest of t against the SCPs that levels gives, and fails
// the subtest when the verdict differs or a policy cannot be evaluated.
//
// To test a team's own SCPs together with the landing zone's, wrap levels and append
// the team's policies to the levels where they are attached:
//
//	levels := func(account string) ([]scpsim.Level, error) {
//		l, err := lz.GuardrailLevels(account)
//		if err == nil && len(l) > 0 {
//			l[0].Policies = append(l[0].Policies, scpsim.Policy{Name: "DenyBedrock", Document: doc})
//		}
//		return l, err
//	}
func Test(t *testing.T, levels Levels, cases []Case) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			t.Helper()
			l, err := levels(c.Account)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Evaluate(l, c.Request)
			if err != nil {
				t.Fatal(err)
			}
			if d.Allowed != c.Allowed {
				t.Errorf("%s by %s in account %s on %s: %s, want allowed=%v", c.Request.Action, c.Request.Principal, c.Account, c.Request.resource(), d, c.Allowed)
			}
		})
	}
}
