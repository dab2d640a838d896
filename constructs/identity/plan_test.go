package identity_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/identity"
)

// fleet returns props that give each of n accounts one assignment, in stackCount
// stacks (zero: the fewest that fit).
func fleet(n, stackCount int) identity.AssignmentStacksProps {
	var accounts []string
	for i := range n {
		accounts = append(accounts, fmt.Sprintf("%012d", 400000000000+i*104729))
	}
	return identity.AssignmentStacksProps{
		Account: "123456789012", Region: "eu-west-1", InstanceArn: instance,
		ExternalPermissionSets: map[string]string{"Admin": externalPS},
		Assignments:            []identity.Assignment{{GroupID: admins, PermissionSet: "Admin", Accounts: accounts}},
		MaxAssignmentsPerStack: 50,
		StackCount:             stackCount,
	}
}

// placement maps each account to its shard.
func placement(t *testing.T, p identity.AssignmentStacksProps) map[string]int {
	t.Helper()
	shards, err := p.Plan()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for i, s := range shards {
		for _, a := range s.Accounts {
			out[a] = i
		}
	}
	return out
}

// The plan depends on what is assigned, not on the order it is written in.
func TestPlanIsDeterministic(t *testing.T) {
	p := fleet(120, 0)
	first, err := p.Plan()
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(p.Assignments[0].Accounts)
	p.Assignments = append(p.Assignments, identity.Assignment{GroupID: admins, PermissionSet: "Admin", Accounts: p.Assignments[0].Accounts[:3]})
	again, err := p.Plan()
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(first) != fmt.Sprint(again) {
		t.Errorf("the plan changed with the order of assignments:\n%v\n%v", first, again)
	}
	if len(first) < 3 {
		t.Errorf("120 assignments in %d stacks of at most 50", len(first))
	}
}

// With a pinned stack count, a new account takes its place without moving any other.
func TestPlanNewAccountMovesNothingElse(t *testing.T) {
	before := placement(t, fleet(100, 4))
	after := placement(t, fleet(101, 4))
	for account, shard := range before {
		if after[account] != shard {
			t.Errorf("account %s moved from stack %d to %d", account, shard+1, after[account]+1)
		}
	}
	if len(after) != 101 {
		t.Errorf("%d accounts placed, want 101", len(after))
	}
}

// Growing from n to n+1 stacks moves accounts only into the new stack, and about
// 1/(n+1) of them.
func TestPlanGrowthMovesOnlyIntoTheNewStack(t *testing.T) {
	const n = 5
	roomy := func(count int) identity.AssignmentStacksProps {
		p := fleet(200, count)
		p.MaxAssignmentsPerStack = 100
		return p
	}
	before := placement(t, roomy(n))
	after := placement(t, roomy(n+1))
	moved := 0
	for account, shard := range before {
		switch after[account] {
		case shard:
		case n:
			moved++
		default:
			t.Errorf("account %s moved from stack %d to the old stack %d", account, shard+1, after[account]+1)
		}
	}
	if want := 200 / (n + 1); moved < want/2 || moved > want*2 {
		t.Errorf("%d of 200 accounts moved, want about %d", moved, want)
	}
}

// Outgrowing a pinned count is an error that names the count needed; without a pin,
// the count follows the assignments.
func TestPlanStackCount(t *testing.T) {
	err := fleet(300, 4).Validate()
	if err == nil {
		t.Fatal("300 assignments fit 4 stacks of 50")
	}
	shards, err := fleet(300, 0).Plan()
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("identity: AssignmentStacksProps.StackCount 4: 300 assignments do not fit 4 stacks of at most 50; %d stacks do", len(shards))
	if got := fleet(300, 4).Validate().Error(); got != want {
		t.Errorf("error:\n%s\nwant:\n%s", got, want)
	}
	for i, s := range shards {
		if len(s.Assignments) > 50 {
			t.Errorf("stack %d holds %d assignments", i+1, len(s.Assignments))
		}
	}
}
