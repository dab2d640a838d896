package landingzone

import (
	"fmt"
	"strings"
)

// FormatFirstDeploy writes steps, as FirstDeploy returns them, as a numbered Markdown
// list: what to deploy in which account, what to record after, and where the pipeline
// takes over. The README's "First deploy" section is this text for the reference
// configuration, and `make plan` prints it.
func FormatFirstDeploy(steps []DeployStep) string {
	var b strings.Builder
	for i, s := range steps {
		first := s.Stacks[0]
		names := make([]string, len(s.Stacks))
		for j, st := range s.Stacks {
			names[j] = "`" + st.Name + "`"
		}
		what := "the " + first.AccountName + " account"
		if first.AccountName == first.Stage && first.Stage != StagePipeline {
			what = "workload account " + first.AccountName
		}
		verb := "Deploy"
		switch {
		case s.Again && s.ByPipeline:
			verb = "The pipeline deploys again"
		case s.ByPipeline:
			verb = "The pipeline deploys"
		case s.Again:
			verb = "Deploy again"
		}
		fmt.Fprintf(&b, "%d. **%s**: %s, in %s (%s): %s.", i+1, s.Stage, verb, what, first.Account, strings.Join(names, ", "))
		if s.Stage == StagePipeline {
			b.WriteString(" From here on, every push to the repository runs the steps below.")
		}
		b.WriteString("\n")
		for _, r := range s.Records {
			fmt.Fprintf(&b, "   Then record `%s`: the output `%s` of `%s`.\n", r.Field, r.Output, r.Stack)
		}
	}
	return b.String()
}

// FormatPlan writes what `landingzone plan` and `make plan` print for c: its stacks in
// deploy order with their stage, account and region; the values it still awaits, each
// with the stack output that holds it; the order of a first deploy; and, with
// deployment.pipeline, the pipeline's waves. It needs no CDK.
func FormatPlan(c Config) (string, error) {
	var b strings.Builder
	b.WriteString("stacks, in deploy order:\n")
	for _, s := range c.Stacks() {
		fmt.Fprintf(&b, "  %-14s %-36s %s %s\n", s.Stage, s.Name, s.Account, s.Region)
	}
	b.WriteString("\n")
	if pending := c.Pending(); len(pending) > 0 {
		b.WriteString("waiting for values to record:\n")
		for _, p := range pending {
			fmt.Fprintf(&b, "  %s: the output %s of %s; until then, left out: %s\n", p.Field, p.Output, p.Stack, p.Waiting)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "first deploy:\n%s\n", FormatFirstDeploy(c.FirstDeploy()))
	if c.Deployment.Pipeline != nil {
		plan, err := c.RolloutPlan()
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "core stages, one after the other: %s\n%s", strings.Join(CoreStages(), ", "), plan)
	}
	return b.String(), nil
}
