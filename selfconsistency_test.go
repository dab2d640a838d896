package landingzone

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/internal/rehearsal"
	"github.com/go-landingzone/landingzone/internal/scpcheck"
)

// guardrailExceptions are the findings of the self-consistency check that are meant:
// a landing-zone principal that the guardrails deny an action on purpose, by stack
// role and action, with the reason. Empty: the guardrails deny no principal of the
// landing zone anything its policies allow.
var guardrailExceptions = map[string]string{}

// deployedStacks are the stacks of c as scpcheck deploys them: each with the CDK
// bootstrap's execution role of c's qualifier, and in deployment mode stacksets each
// StackSet's template once per account and region it rolls out to, deployed by the
// StackSets execution role.
func deployedStacks(t *testing.T, c Config, stacks []rehearsal.Stack) []scpcheck.Stack {
	t.Helper()
	var out []scpcheck.Stack
	for _, s := range stacks {
		out = append(out, scpcheck.Stack{Name: s.Name, Account: s.Account, Region: s.Region, Template: s.Template,
			DeployRole: scpcheck.BootstrapExecutionRole(c.Qualifier(), s.Account, s.Region)})
		resources, _ := s.Template["Resources"].(map[string]any)
		for id, v := range resources {
			r, _ := v.(map[string]any)
			if r["Type"] != "AWS::CloudFormation::StackSet" {
				continue
			}
			props, _ := r["Properties"].(map[string]any)
			body, ok := props["TemplateBody"].(string)
			if !ok {
				t.Fatalf("%s: StackSet %s has no inline template to check", s.Name, id)
			}
			var tpl map[string]any
			if err := json.Unmarshal([]byte(body), &tpl); err != nil {
				t.Fatal(err)
			}
			groups, _ := props["StackInstancesGroup"].([]any)
			for _, g := range groups {
				g, _ := g.(map[string]any)
				targets, _ := g["DeploymentTargets"].(map[string]any)
				for _, region := range anyStrings(g["Regions"]) {
					for _, account := range c.accountsUnderOUs(anyStrings(targets["OrganizationalUnitIds"])) {
						out = append(out, scpcheck.Stack{Name: s.Name + "/" + id + "/" + account, Account: account, Region: region, Template: tpl,
							DeployRole: "arn:aws:iam::" + account + ":role/stacksets-exec-0a1b2c3d4e5f60718293a4b5c6d7e8f9"})
					}
				}
			}
		}
	}
	return out
}

func anyStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, e := range list {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// accountsUnderOUs lists the workload accounts in the OUs of ids or below them.
func (c Config) accountsUnderOUs(ids []string) []string {
	var out []string
	for _, w := range c.Workloads {
		for ou := w.OU; ou != ""; ou = c.ouParent(ou) {
			i := slices.IndexFunc(c.OrganizationalUnits, func(o OrganizationalUnit) bool { return o.Name == ou })
			if i >= 0 && slices.Contains(ids, c.OrganizationalUnits[i].ID) {
				out = append(out, w.ID)
				break
			}
		}
	}
	return out
}

// selfConsistency checks stacks against lz's guardrails and returns the findings that
// guardrailExceptions does not excuse.
func selfConsistency(t *testing.T, lz *LandingZone, stacks []scpcheck.Stack) (scpcheck.Report, []string) {
	t.Helper()
	rep, err := scpcheck.Check(stacks, lz.GuardrailLevels)
	if err != nil {
		t.Fatal(err)
	}
	var problems []string
	for _, f := range rep.Findings {
		if _, ok := guardrailExceptions[f.Role+" "+f.Action]; !ok {
			problems = append(problems, f.String())
		}
	}
	return rep, problems
}

// Every principal of the reference's stacks may do what its policies allow on the
// landing zone's resources, under the guardrails above its account; the reference's
// issue-12 defects, put back, are caught.
func TestGuardrailsLeaveTheLandingZoneItsActions(t *testing.T) {
	cfg, err := LoadConfig("examples/multi-account/landingzone.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{DeployStacks, DeployStackSets} {
		t.Run("mode "+mode, func(t *testing.T) {
			r := &rehearsalRun{t: t, cache: map[string]map[string]rehearsal.Stack{}}
			c := cfg.clone()
			c.Deployment.Mode = mode
			c = complete(c)
			synthesized := r.stacks(c)
			var ordered []rehearsal.Stack
			for _, s := range c.Stacks() {
				ordered = append(ordered, synthesized[s.Name])
			}
			key, _ := json.Marshal(c)
			lz := r.zones[string(key)]
			stacks := deployedStacks(t, c, ordered)
			rep, problems := selfConsistency(t, lz, stacks)
			for _, p := range problems {
				t.Error(p)
			}
			instances := 0
			for _, s := range stacks {
				if strings.Contains(s.DeployRole, ":role/stacksets-exec-") {
					instances++
				}
			}
			t.Logf("%d stacks (%d of them StackSet instances), %d roles, %d requests, %d AWS managed policies not read, %d findings", len(stacks), instances, rep.Roles, rep.Requests, rep.ManagedPolicies, len(rep.Findings))
			if mode != DeployStacks {
				return
			}

			t.Run("defect 1: stacks deployed with the CDK's default qualifier", func(t *testing.T) {
				seeded := slices.Clone(stacks)
				for i := range seeded {
					seeded[i].DeployRole = strings.Replace(seeded[i].DeployRole, "cdk-"+c.Qualifier()+"-", "cdk-hnb659fds-", 1)
				}
				_, problems := selfConsistency(t, lz, seeded)
				want := "LogArchive-eu-west-1: deploy role (arn:aws:iam::222222222222:role/cdk-hnb659fds-cfn-exec-role-222222222222-eu-west-1) may not s3:* on arn:aws:s3:::lz-logs-222222222222-eu-west-1: denied by landingzone-protect-landing-zone statement ProtectLogArchiveBuckets at root"
				if !slices.Contains(problems, want) {
					t.Errorf("the check does not report %q; it reports %d problems:\n%s", want, len(problems), strings.Join(problems[:min(len(problems), 10)], "\n"))
				}
			})

			t.Run("defect 2: GuardDuty's handler role with a generated name", func(t *testing.T) {
				seeded := slices.Clone(stacks)
				found := false
				for i, s := range seeded {
					if s.Name != "Security-eu-west-1" {
						continue
					}
					tpl := cloneJSON(t, s.Template)
					for _, v := range tpl["Resources"].(map[string]any) {
						props, _ := v.(map[string]any)["Properties"].(map[string]any)
						if name, _ := props["RoleName"].(string); strings.HasPrefix(name, c.Qualifier()+"-guardduty-") {
							delete(props, "RoleName")
							found = true
						}
					}
					seeded[i].Template = tpl
				}
				if !found {
					t.Fatal("no role named lzadmin-guardduty-* in the Security stack")
				}
				_, problems := selfConsistency(t, lz, seeded)
				var got []string
				for _, p := range problems {
					if strings.Contains(p, "guardduty:UpdateDetector") && strings.Contains(p, "ProtectGuardDuty") {
						got = append(got, p)
					}
				}
				if len(got) == 0 {
					t.Errorf("the check does not report the handler's guardduty:UpdateDetector; it reports:\n%s", strings.Join(problems, "\n"))
				}
				t.Logf("caught:\n%s", strings.Join(got, "\n"))
			})
		})
	}
}

func cloneJSON(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
