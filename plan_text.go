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
