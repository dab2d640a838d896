package identity

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/go-landingzone/landingzone/internal/shard"
)

// AccountAssignment is one expanded assignment: a group gets a permission set on an
// account. It becomes one AWS::SSO::Assignment.
type AccountAssignment struct {
	Account       string
	PermissionSet string
	GroupID       string
}

// Shard is what one assignment stack holds.
type Shard struct {
	// Accounts are the accounts whose assignments the stack holds, sorted.
	Accounts []string
	// Assignments are sorted by account, permission set and group.
	Assignments []AccountAssignment
}

// maxStackCount bounds the number of assignment stacks, far above any real need.
const maxStackCount = 1000

// expand turns assignments into the set of account assignments they mean, sorted. An
// account reached both directly and through an OU, or through two OUs, is assigned
// once.
func expand(assignments []Assignment, ous map[string][]string) []AccountAssignment {
	var out []AccountAssignment
	for _, a := range assignments {
		accounts := slices.Clone(a.Accounts)
		for _, ou := range a.OrganizationalUnits {
			accounts = append(accounts, ous[ou]...)
		}
		for _, account := range accounts {
			out = append(out, AccountAssignment{account, a.PermissionSet, a.GroupID})
		}
	}
	slices.SortFunc(out, func(x, y AccountAssignment) int {
		return cmp.Or(cmp.Compare(x.Account, y.Account), cmp.Compare(x.PermissionSet, y.PermissionSet), cmp.Compare(x.GroupID, y.GroupID))
	})
	return slices.Compact(out)
}

// perAccount counts the assignments of each account.
func perAccount(all []AccountAssignment) map[string]int {
	counts := map[string]int{}
	for _, a := range all {
		counts[a.Account]++
	}
	return counts
}

// distribute places every account assignment of all in one of n shards, by account.
func distribute(all []AccountAssignment, n int) []Shard {
	shards := make([]Shard, n)
	for _, a := range all {
		s := &shards[shard.Of(a.Account, n)]
		if len(s.Accounts) == 0 || s.Accounts[len(s.Accounts)-1] != a.Account {
			s.Accounts = append(s.Accounts, a.Account)
		}
		s.Assignments = append(s.Assignments, a)
	}
	return shards
}

// assignmentID is the construct ID of an account assignment inside its stack. The
// leading word keeps logical IDs starting with a letter, as some template tools
// still require.
func assignmentID(a AccountAssignment) string {
	return fmt.Sprintf("Account%s-%s-%s", a.Account, a.PermissionSet, a.GroupID)
}
