package landingzone

import (
	"encoding/json"
	"path"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/rehearsal"
)

// rehearsal synthesizes the configurations of a first deploy, each once.
type rehearsalRun struct {
	t     *testing.T
	cache map[string]map[string]rehearsal.Stack
	// zones holds the landing zone of each synthesis, by the same key as cache.
	zones map[string]*LandingZone
}

// stacks synthesizes c and returns its stacks by name, with the account and region
// its plan gives them.
func (r *rehearsalRun) stacks(c Config) map[string]rehearsal.Stack {
	r.t.Helper()
	key, _ := json.Marshal(c)
	if got, ok := r.cache[string(key)]; ok {
		return got
	}
	var lz *LandingZone
	asm := lztest.Synth(r.t, func(app awscdk.App) {
		var err error
		if lz, err = New(app, c); err != nil {
			r.t.Fatal(err)
		}
	})
	if r.zones == nil {
		r.zones = map[string]*LandingZone{}
	}
	r.zones[string(key)] = lz
	planned := map[string]PlannedStack{}
	for _, s := range c.Stacks() {
		planned[s.Name] = s
	}
	out := map[string]rehearsal.Stack{}
	for id, tpl := range asm.Templates {
		name := path.Base(id)
		p, ok := planned[name]
		if !ok {
			r.t.Fatalf("synthesized stack %s is not in Config.Stacks", name)
		}
		out[name] = rehearsal.Stack{Name: name, Account: p.Account, Region: p.Region, Template: tpl.JSON}
	}
	r.cache[string(key)] = out
	return out
}

// complete is c with every pending value stood in for, as after a first deploy.
func complete(c Config) Config {
	c = c.clone()
	for _, r := range c.Records() {
		if !r.recorded(c) {
			r.set(&c, r.example)
		}
	}
	return c
}

// rehearse deploys steps in order against a ledger of what exists, and returns every
// reference that does not resolve, every output a record reads that does not exist,
// and every stack whose template still changes after its last deploy in the steps.
func (r *rehearsalRun) rehearse(c Config, steps []plannedStep) (problems []string, refs int) {
	r.t.Helper()
	final := complete(c)
	finalStacks := r.stacks(final)
	var all []rehearsal.Stack
	for _, s := range final.Stacks() {
		all = append(all, finalStacks[s.Name])
	}
	records := final.Records()
	ledger := rehearsalLedger(final, all)
	for _, rec := range records {
		ledger.Awaits(rec.Field, rec.get(final))
	}
	last := map[string]map[string]any{}
	for _, step := range steps {
		stacks := r.stacks(step.config)
		for _, s := range step.Stacks {
			st, ok := stacks[s.Name]
			if !ok {
				problems = append(problems, s.Name+": planned, but not synthesized")
				continue
			}
			refs += len(rehearsal.References(st))
			problems = append(problems, ledger.Deploy(st)...)
			last[s.Name] = st.Template
		}
		for _, rec := range step.Records {
			outputs, _ := stacks[rec.Stack].Template["Outputs"].(map[string]any)
			if _, ok := outputs[rec.Output]; !ok {
				problems = append(problems, rec.Stack+": has no output "+rec.Output+" to record "+rec.Field+" from")
			}
			if err := ledger.Record(rec.Field, rec.Value(final), rec.Stack); err != nil {
				problems = append(problems, err.Error())
			}
		}
	}
	for _, s := range final.Stacks() {
		switch deployed, ok := last[s.Name]; {
		case !ok:
			problems = append(problems, s.Name+": never deployed")
		case !reflect.DeepEqual(deployed, finalStacks[s.Name].Template):
			problems = append(problems, s.Name+": its last deploy in the plan is not its final template; a recorded value changes it after")
		}
	}
	return problems, refs
}

// rehearsalLedger is the ledger of c before its first deploy, whose stacks are all.
func rehearsalLedger(c Config, all []rehearsal.Stack) *rehearsal.Ledger {
	var awaited []rehearsal.Awaited
	for _, r := range c.Records() {
		awaited = append(awaited, rehearsal.Awaited{Field: r.Field, Value: r.Value(c)})
	}
	env := rehearsal.Environment{ManagementAccount: c.Organization.ManagementAccount, OrganizationID: c.Organization.ID,
		Qualifier: c.Qualifier(), Accounts: c.AccountIDs(), Regions: c.Regions()}
	return rehearsal.New(all, env, c, awaited)
}

// The reference's first deploy, rehearsed: each step's stacks as synthesized from the
// configuration of that moment, each reference resolved against what the steps before
// created or recorded, each record read from an output that exists, and every stack
// ending as the final configuration builds it. Moving the log archive after the audit
// account, whose detector needs its key and bucket, makes the rehearsal fail.
func TestRehearseTheReferenceFirstDeploy(t *testing.T) {
	cfg, err := LoadConfig("examples/multi-account/landingzone.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := &rehearsalRun{t: t, cache: map[string]map[string]rehearsal.Stack{}}
	steps := cfg.firstDeploy()
	problems, refs := r.rehearse(cfg, steps)
	for _, p := range problems {
		t.Error(p)
	}
	t.Logf("%d steps, %d stack deploys, %d references resolved, %d syntheses", len(steps), countDeploys(steps), refs, len(r.cache))

	t.Run("misorder is caught", func(t *testing.T) {
		var misordered []plannedStep
		var logArchive plannedStep
		for _, s := range steps {
			switch s.Stage {
			case StageLogArchive:
				logArchive = s
				continue
			case StageAudit:
				misordered = append(misordered, s)
				misordered = append(misordered, logArchive)
				continue
			}
			misordered = append(misordered, s)
		}
		got, _ := r.rehearse(cfg, misordered)
		t.Logf("%d problems, among them:\n%s", len(got), strings.Join(got[:min(len(got), 4)], "\n"))
		want := "Security-eu-west-1: GuardDutyDestination"
		if !slices_containsPrefix(got, want) {
			t.Errorf("the rehearsal of the log archive after the audit account does not report %q:\n%s", want, strings.Join(got, "\n"))
		}
	})
}

func countDeploys(steps []plannedStep) int {
	n := 0
	for _, s := range steps {
		n += len(s.Stacks)
	}
	return n
}

func slices_containsPrefix(list []string, prefix string) bool {
	sort.Strings(list)
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// In deployment mode stacksets, the workload OUs' IDs are recorded after the
// Organization stack, the StackSets follow in the management stage, and each workload
// keeps a VPC stack of its own.
func TestRehearseAFirstDeployWithStackSets(t *testing.T) {
	cfg, err := LoadConfig("examples/multi-account/landingzone.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Deployment.Mode = DeployStackSets
	r := &rehearsalRun{t: t, cache: map[string]map[string]rehearsal.Stack{}}
	steps := cfg.firstDeploy()
	problems, refs := r.rehearse(cfg, steps)
	for _, p := range problems {
		t.Error(p)
	}
	var order []string
	for _, s := range steps {
		for _, rec := range s.Records {
			order = append(order, rec.Field)
		}
	}
	if got := strings.Join(order, " "); !strings.HasPrefix(got, "organizationalUnits[2].id organizationalUnits[3].id logging.keyArn network.transitGatewayId") {
		t.Errorf("records in order %s, want the workload OUs' IDs first", got)
	}
	t.Logf("%d steps, %d stack deploys, %d references resolved, %d syntheses", len(steps), countDeploys(steps), refs, len(r.cache))
}
