package bench

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/rehearsal"
	"github.com/go-landingzone/landingzone/internal/scpcheck"
)

// synthGenerated synthesizes the generated landing zone of n workload accounts and
// returns its stacks in deploy order (Config.Stacks), with their templates.
func synthGenerated(t *testing.T, cfg landingzone.Config) ([]rehearsal.Stack, *landingzone.LandingZone) {
	t.Helper()
	base, err := CDKContext(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	ctx := map[string]any{}
	for k, v := range base {
		ctx[k] = v
	}
	for k, v := range ZoneContext(cfg, zones) {
		ctx[k] = v
	}
	outdir := t.TempDir()
	var lz *landingzone.LandingZone
	lztest.Do(t, func() {
		app := awscdk.NewApp(&awscdk.AppProps{Context: &ctx, Outdir: jsii.String(outdir)})
		var err error
		if lz, err = landingzone.New(app, cfg); err != nil {
			t.Fatal(err)
		}
		app.Synth(nil)
	})
	var stacks []rehearsal.Stack
	for _, s := range cfg.Stacks() {
		raw, err := os.ReadFile(filepath.Join(outdir, s.Name+".template.json"))
		if err != nil {
			t.Fatal(err)
		}
		var tpl map[string]any
		if err := json.Unmarshal(raw, &tpl); err != nil {
			t.Fatal(err)
		}
		stacks = append(stacks, rehearsal.Stack{Name: s.Name, Account: s.Account, Region: s.Region, Template: tpl})
	}
	return stacks, lz
}

// At 500 accounts, every stack deployed in the order of Config.Stacks, with every
// recorded value in place, refers only to what the stacks before it created, what
// existed before, or what the configuration holds. (The first deploy, with its
// records, is rehearsed on the reference in the root package; 500 accounts take one
// synthesis of about a minute.)
func TestDeploysItselfAt500Accounts(t *testing.T) {
	cfg := GenerateConfig(500, "eu-west-1")
	stacks, lz := synthGenerated(t, cfg)
	// In the steady state every value is recorded already, from a deploy before this
	// one, so the records count as the configuration's own values.
	ledger := rehearsal.New(stacks, rehearsal.Environment{
		ManagementAccount: cfg.Organization.ManagementAccount, OrganizationID: cfg.Organization.ID,
		Qualifier: cfg.Qualifier(), Accounts: cfg.AccountIDs(), Regions: cfg.Regions(),
	}, cfg, nil)
	refs, problems := 0, 0
	for _, s := range stacks {
		refs += len(rehearsal.References(s))
		for _, p := range ledger.Deploy(s) {
			if problems++; problems <= 20 {
				t.Error(p)
			}
		}
	}
	t.Logf("%d stacks, %d references resolved, %d problems", len(stacks), refs, problems)

	// And the guardrails above each account leave every principal of the landing zone
	// what its policies allow; the root package's test of the reference seeds the
	// defects this catches.
	var deployed []scpcheck.Stack
	for _, s := range stacks {
		deployed = append(deployed, scpcheck.Stack{Name: s.Name, Account: s.Account, Region: s.Region, Template: s.Template,
			DeployRole: scpcheck.BootstrapExecutionRole(cfg.Qualifier(), s.Account, s.Region)})
	}
	rep, err := scpcheck.Check(deployed, lz.GuardrailLevels)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range rep.Findings {
		if i < 20 {
			t.Error(f)
		}
	}
	t.Logf("self-consistency: %d roles, %d requests, %d AWS managed policies not read, %d findings", rep.Roles, rep.Requests, rep.ManagedPolicies, len(rep.Findings))
}
