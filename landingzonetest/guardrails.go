package landingzonetest

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/organization/scpsim"
	"github.com/go-landingzone/landingzone/internal/scpcheck"
)

// CheckGuardrails evaluates every IAM role of the assembly's stacks, and each stack's
// deploy role, against the service control policies that levels returns for the
// stack's account, and fails the test on every action a role's policies allow that the
// SCPs deny. It tells a platform team, before a deploy, that its own roles would be
// blocked by the organization's guardrails.
//
// levels is LandingZone.GuardrailLevels for a landing zone built from the team's
// configuration, or any scpsim.Levels over the team's own SCPs. qualifier is the CDK
// bootstrap qualifier the stacks deploy with: the deploy role checked is that
// bootstrap's CloudFormation execution role (cdk-<qualifier>-cfn-exec-role-...); empty
// leaves deploy roles unchecked. A role whose policies or a guardrail the evaluator
// cannot read (an unsupported condition operator) fails the test rather than pass it
// unchecked. Roles' AWS managed policies are not read: the evaluator has no copy.
//
// To test that SCPs behave as intended, use scpsim.Test with the same levels.
func CheckGuardrails(t testing.TB, asm *Assembly, levels scpsim.Levels, qualifier string) {
	t.Helper()
	var stacks []scpcheck.Stack
	for _, id := range asm.StackIDs() {
		tpl := asm.Templates[id]
		if strings.HasPrefix(tpl.Account, "unknown-") {
			t.Errorf("guardrails: %s is environment-agnostic: give it an account (awscdk.StackProps.Env) to check it against that account's guardrails", id)
			continue
		}
		s := scpcheck.Stack{Name: id, Account: tpl.Account, Region: tpl.Region, Template: tpl.JSON}
		if qualifier != "" {
			s.DeployRole = scpcheck.BootstrapExecutionRole(qualifier, tpl.Account, tpl.Region)
		}
		stacks = append(stacks, s)
	}
	rep, err := scpcheck.Check(stacks, levels)
	if err != nil {
		t.Fatalf("landingzonetest: guardrails: %v", err)
	}
	for _, f := range rep.Findings {
		t.Errorf("guardrails: %s", f)
	}
}
