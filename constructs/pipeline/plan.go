package pipeline

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"time"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Defaults of WaveOptions.
const (
	// DefaultGrowthFactor doubles each wave: 1, 2, 4, 8... accounts.
	DefaultGrowthFactor = 2.0
	// DefaultBakeTime is how long each wave is watched before the next one starts.
	DefaultBakeTime = "PT1H"
)

// MaxBakeTime is the longest bake. CodePipeline stops a Step Functions action, which
// waits out the bake, after 7 days; an hour of that is kept for the action to start
// and report back.
const MaxBakeTime = 7*24*time.Hour - time.Hour

// Account is one workload account of the rollout.
type Account struct {
	// Name identifies the account in stage and action names: letters, digits and
	// hyphens, starting with a letter or digit, at most 40 characters, and not a
	// wave's name ("OneBox", "NonProd2", "Prod1"). Unique.
	Name string
	// ID is the 12-digit account ID. Unique.
	ID string
	// Production puts the account in the production waves, after every
	// non-production one. False means non-production.
	Production bool
}

// ApprovalMode says where a person must approve the rollout.
type ApprovalMode string

// Approval modes of WaveOptions.
const (
	// ApprovalFirstProduction stops before the first production wave only: the
	// production one-box is the last step a person decides, the bake and alarm check
	// of each wave decide the rest.
	ApprovalFirstProduction ApprovalMode = "first-production"
	// ApprovalEveryProduction stops before every production wave.
	ApprovalEveryProduction ApprovalMode = "every-production"
	// ApprovalNone never stops for a person; the alarm checks alone gate production.
	ApprovalNone ApprovalMode = "none"
)

// ApprovalModes returns the approval modes, the default first, in a new slice at each
// call.
func ApprovalModes() []ApprovalMode {
	return []ApprovalMode{ApprovalFirstProduction, ApprovalEveryProduction, ApprovalNone}
}

// WaveOptions shapes the waves of PlanWaves. The zero value starts with the first
// non-production account alone, doubles every wave, bakes each wave for an hour and
// asks for an approval before the first production wave.
type WaveOptions struct {
	// OneBox names the non-production account that goes first, alone. Empty means the
	// first non-production account in the given order; with none, the rollout has no
	// non-production one-box.
	OneBox string
	// GrowthFactor sizes each wave after the first of its kind: the previous size
	// times the factor, rounded up. At least 1 (1 means one account per wave). Zero
	// means DefaultGrowthFactor.
	GrowthFactor float64
	// BakeTime is how long each wave is watched before the alarm check and the next
	// wave, an ISO 8601 duration from "PT0S" (no wait) to MaxBakeTime, such as "PT30M"
	// or "P1D". Empty means DefaultBakeTime.
	BakeTime string
	// Approval says where a person must approve. Empty means ApprovalFirstProduction.
	Approval ApprovalMode
}

// Plan is the ordered rollout of the workload accounts.
type Plan struct {
	// Waves in rollout order: the non-production one-box, the other non-production
	// waves, then the production waves, each kind growing from one account.
	Waves []Wave
	// GrowthFactor is the resolved factor the sizes follow.
	GrowthFactor float64
	// BakeTime is the resolved bake after each wave.
	BakeTime time.Duration
}

// Wave is a set of accounts deployed together, then baked and checked.
type Wave struct {
	// Name is the wave's stage name: "OneBox", "NonProd<n>" or "Prod<n>".
	Name string
	// Accounts are deployed in parallel, in this order.
	Accounts []Account
	// Production is set for a wave of production accounts.
	Production bool
	// Approval is set when a person must approve before the wave starts.
	Approval bool
}

var (
	accountName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]{0,39}$`)
	// waveName matches the names of wave stages, which stages of accounts and core
	// stages must not take.
	waveName = regexp.MustCompile(`(?i)^(OneBox|NonProd\d+|Prod\d+)(-\d+)?$`)
)

// stageName records a problem unless name can name a CodePipeline stage of its own.
func stageName(l *check.List, field, name string) {
	switch {
	case !accountName.MatchString(name):
		l.Addf(field, name, "want 1-40 letters, digits and hyphens, starting with a letter or digit")
	case waveName.MatchString(name):
		l.Addf(field, name, "reserved for the stages of the waves")
	}
}

// PlanWaves orders accounts into waves: the one-box non-production account alone;
// the other non-production accounts in waves of growing size (each the previous one
// times GrowthFactor, rounded up); then the production accounts the same way,
// starting again from one account. Within each kind the given order is kept. It
// needs no CDK, so that a plan can be printed and checked before synthesis.
func PlanWaves(accounts []Account, opts WaveOptions) (Plan, error) {
	var l check.List
	p := planWaves(&l, "Accounts", "WaveOptions.", accounts, opts)
	return p, l.Err("pipeline")
}

// planWaves validates accounts and opts, naming them by accountsField and optsPrefix,
// and returns the plan; it is incomplete when problems were recorded.
func planWaves(l *check.List, accountsField, optsPrefix string, accounts []Account, opts WaveOptions) Plan {
	validateAccounts(l, accountsField, accounts)
	factor := opts.GrowthFactor
	switch {
	case factor == 0:
		factor = DefaultGrowthFactor
	case math.IsNaN(factor) || math.IsInf(factor, 0):
		l.Addf(optsPrefix+"GrowthFactor", factor, "not a finite number; want 1 or more")
		factor = DefaultGrowthFactor
	case factor < 1:
		l.Addf(optsPrefix+"GrowthFactor", factor, "below 1: each wave must be at least as large as the one before")
		factor = DefaultGrowthFactor
	}
	bake := bakeTime(l, optsPrefix+"BakeTime", opts.BakeTime)
	approval := opts.Approval
	if approval == "" {
		approval = ApprovalFirstProduction
	} else {
		check.OneOf(l, optsPrefix+"Approval", opts.Approval, ApprovalModes())
	}

	var nonProd, prod []Account
	for _, a := range accounts {
		if a.Production {
			prod = append(prod, a)
		} else {
			nonProd = append(nonProd, a)
		}
	}
	if opts.OneBox != "" {
		nonProd = oneBoxFirst(l, optsPrefix+"OneBox", opts.OneBox, accounts, nonProd)
	}
	plan := Plan{GrowthFactor: factor, BakeTime: bake}
	for i, size := range waveSizes(len(nonProd), factor) {
		w := Wave{Name: fmt.Sprintf("NonProd%d", i), Accounts: nonProd[:size]}
		if i == 0 {
			w.Name = "OneBox"
		}
		plan.Waves = append(plan.Waves, w)
		nonProd = nonProd[size:]
	}
	for i, size := range waveSizes(len(prod), factor) {
		approve := approval == ApprovalEveryProduction || (approval == ApprovalFirstProduction && i == 0)
		plan.Waves = append(plan.Waves, Wave{Name: fmt.Sprintf("Prod%d", i+1), Accounts: prod[:size], Production: true, Approval: approve})
		prod = prod[size:]
	}
	return plan
}

func validateAccounts(l *check.List, field string, accounts []Account) {
	names := make([]string, len(accounts))
	ids := make([]string, len(accounts))
	for i, a := range accounts {
		prefix := check.Index(field, i)
		stageName(l, prefix+".Name", a.Name)
		check.AccountID(l, prefix+".ID", a.ID)
		names[i], ids[i] = a.Name, a.ID
	}
	check.Duplicates(l, field+"[%d].Name", names)
	check.Duplicates(l, field+"[%d].ID", ids)
}

// oneBoxFirst moves the account named name to the front of nonProd, recording a
// problem unless it is a non-production account of accounts.
func oneBoxFirst(l *check.List, field, name string, accounts, nonProd []Account) []Account {
	for i, a := range nonProd {
		if a.Name == name {
			return append([]Account{a}, append(append([]Account(nil), nonProd[:i]...), nonProd[i+1:]...)...)
		}
	}
	for _, a := range accounts {
		if a.Name == name {
			l.Addf(field, name, "a production account; the one-box must be a low-risk non-production workload account")
			return nonProd
		}
	}
	l.Addf(field, name, "not a workload account; want the name of a non-production workload account")
	return nonProd
}

// bakeTime parses value, with empty meaning DefaultBakeTime, recording a problem
// unless it is a duration from zero to MaxBakeTime.
func bakeTime(l *check.List, field, value string) time.Duration {
	if value == "" {
		value = DefaultBakeTime
	}
	if strings.HasPrefix(value, "-") {
		l.Addf(field, value, "negative; a bake lasts from \"PT0S\" to %s", formatDays(MaxBakeTime))
		return 0
	}
	d, ok := check.ParseISODuration(value)
	switch {
	case !ok:
		l.Addf(field, value, "not an ISO 8601 duration such as \"PT1H\" or \"P1D\"")
	case d > MaxBakeTime:
		l.Addf(field, value, "over %s: CodePipeline stops the Step Functions action that waits out the bake after 7 days", formatDays(MaxBakeTime))
	}
	return d
}

// waveSizes splits n accounts into waves of 1, then each the previous size times
// factor rounded up, the last one taking what is left.
func waveSizes(n int, factor float64) []int {
	var sizes []int
	// The epsilon keeps 10 × 1.1 at 11 where floating point makes it 11.000000000000002.
	for size := 1; n > 0; size = int(math.Ceil(float64(size)*factor - 1e-9)) {
		take := min(size, n)
		sizes = append(sizes, take)
		n -= take
	}
	return sizes
}

// Len returns the number of accounts in the plan.
func (p Plan) Len() int {
	n := 0
	for _, w := range p.Waves {
		n += len(w.Accounts)
	}
	return n
}

// String renders the plan for people, one wave a line, as `make plan` prints it:
//
//	7 workload accounts in 4 waves, growth factor 2, bake PT1H after each wave
//	 1. OneBox    1 account   dev-a
//	 2. NonProd1  2 accounts  dev-b dev-c
//	    -- manual approval --
//	 3. Prod1     1 account   prod-a
//	 ...
func (p Plan) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s in %s, growth factor %g, bake %s after each wave\n",
		plural(p.Len(), "workload account"), plural(len(p.Waves), "wave"), p.GrowthFactor, formatDays(p.BakeTime))
	width := 0
	for _, w := range p.Waves {
		width = max(width, len(w.Name))
	}
	for i, w := range p.Waves {
		if w.Approval {
			b.WriteString("    -- manual approval --\n")
		}
		names := make([]string, len(w.Accounts))
		for j, a := range w.Accounts {
			names[j] = a.Name
		}
		fmt.Fprintf(&b, "%2d. %-*s  %-12s %s\n", i+1, width, w.Name, plural(len(w.Accounts), "account"), strings.Join(names, " "))
	}
	return b.String()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// formatDays writes d as an ISO 8601 duration, with whole days as days: "P6DT23H".
func formatDays(d time.Duration) string {
	days := d / (24 * time.Hour)
	rest := check.FormatISODuration(d % (24 * time.Hour))
	switch {
	case days == 0:
		return rest
	case rest == "PT0S":
		return fmt.Sprintf("P%dD", days)
	default:
		return fmt.Sprintf("P%dD%s", days, strings.TrimPrefix(rest, "P"))
	}
}
