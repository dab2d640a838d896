package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/cfnlimits"
	"github.com/go-landingzone/landingzone/internal/controls"
	"github.com/go-landingzone/landingzone/internal/scpcheck"
)

// The gates of check, as its reports name them.
const (
	gateQuotas     = "quotas"
	gateControls   = "control-tower"
	gateImports    = "imports"
	gateGuardrails = "guardrails"
)

// finding is one problem a gate found in one stack.
type finding struct {
	Gate  string `json:"gate"`
	Stack string `json:"stack"`
	// Resource is the resource's logical ID; empty for a problem of the whole template.
	Resource string `json:"resource,omitempty"`
	// Rule names the control or quota, where the gate has one.
	Rule    string `json:"rule,omitempty"`
	Message string `json:"message"`
}

// check runs the template gates over a cloud assembly and reports every finding.
func check(args []string, stdout, stderr io.Writer) int {
	fs := flags("check", "[-config FILE] [-format text|json|junit] [-controls=false] DIR", stderr)
	config := fs.String("config", "", "a landing-zone configuration: check every role against the guardrails of its stack's account")
	format := fs.String("format", "text", "text, json or junit")
	withControls := fs.Bool("controls", true, "run the AWS Control Tower proactive controls (needs @cdklabs/cdk-validator-cfnguard in node_modules)")
	if fs.Parse(args) != nil {
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	if *format != "text" && *format != "json" && *format != "junit" {
		fmt.Fprintf(stderr, "landingzone check: -format %q: want text, json or junit\n", *format)
		return exitUsage
	}
	stacks, err := readAssembly(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "landingzone check: %s: %v\n", fs.Arg(0), err)
		return exitUsage
	}
	gates := []string{gateQuotas, gateImports}
	findings := append(quotaFindings(stacks), importFindings(stacks)...)
	if *withControls {
		f, err := controlFindings(stacks, fs.Arg(0))
		if err != nil {
			fmt.Fprintf(stderr, "landingzone check: %v\n", err)
			return exitUsage
		}
		gates, findings = append(gates, gateControls), append(findings, f...)
	}
	if *config != "" {
		f, err := guardrailFindings(stacks, *config)
		if err != nil {
			fmt.Fprintf(stderr, "landingzone check: %v\n", err)
			return exitUsage
		}
		gates, findings = append(gates, gateGuardrails), append(findings, f...)
	}
	rep := report{Gates: gates, Stacks: len(stacks), Findings: findings}
	if err := rep.write(stdout, *format, stacks); err != nil {
		fmt.Fprintf(stderr, "landingzone check: %v\n", err)
		return exitUsage
	}
	if len(findings) > 0 {
		return exitProblems
	}
	return exitOK
}

// quotaFindings checks each template against the CloudFormation quotas.
func quotaFindings(stacks []stack) []finding {
	var out []finding
	for _, s := range stacks {
		stats, err := cfnlimits.Measure(s.Raw)
		if err != nil {
			out = append(out, finding{Gate: gateQuotas, Stack: s.ID, Message: err.Error()})
			continue
		}
		for _, v := range stats.Violations() {
			out = append(out, finding{Gate: gateQuotas, Stack: s.ID, Message: v})
		}
	}
	return out
}

// importFindings reports each Fn::ImportValue of an export that a stack of another
// account or region makes: CloudFormation exports do not cross accounts or regions, so
// the stack would fail to deploy.
func importFindings(stacks []stack) []finding {
	exports := map[string]stack{}
	for _, s := range stacks {
		outputs, _ := s.Template["Outputs"].(map[string]any)
		for _, o := range outputs {
			export, _ := o.(map[string]any)["Export"].(map[string]any)
			if name, ok := export["Name"].(string); ok {
				exports[name] = s
			}
		}
	}
	var out []finding
	for _, s := range stacks {
		resources, _ := s.Template["Resources"].(map[string]any)
		for _, id := range sortedKeys(resources) {
			walkImports(resources[id], func(name string) {
				if from, ok := exports[name]; ok && (from.Account != s.Account || from.Region != s.Region) {
					out = append(out, finding{Gate: gateImports, Stack: s.ID, Resource: id, Message: fmt.Sprintf(
						"imports %q, an export of %s in %s/%s: exports do not cross accounts or regions", name, from.ID, from.Account, from.Region)})
				}
			})
		}
	}
	return out
}

// walkImports calls fn with the name of every Fn::ImportValue under v whose name is a
// literal.
func walkImports(v any, fn func(string)) {
	switch x := v.(type) {
	case map[string]any:
		if name, ok := x["Fn::ImportValue"].(string); ok {
			fn(name)
		}
		for _, e := range x {
			walkImports(e, fn)
		}
	case []any:
		for _, e := range x {
			walkImports(e, fn)
		}
	}
}

// controlFindings runs the Control Tower proactive controls over every template, in
// one cfn-guard call, and keeps the failures the resource does not suppress.
func controlFindings(stacks []stack, dir string) ([]finding, error) {
	g, err := loadGuard(dir)
	if err != nil {
		if errors.Is(err, controls.ErrNotInstalled) {
			return nil, fmt.Errorf("%w; install them with `npm install --save-dev @cdklabs/cdk-validator-cfnguard@0.0.62`, or run with -controls=false", err)
		}
		return nil, err
	}
	byFile := map[string]stack{}
	files := make([]string, len(stacks))
	for i, s := range stacks {
		files[i], byFile[s.File] = s.File, s
	}
	found, err := g.Check(files)
	if err != nil {
		return nil, err
	}
	var out []finding
	for _, f := range found {
		s := byFile[f.File]
		resources, _ := s.Template["Resources"].(map[string]any)
		res, _ := resources[f.Resource].(map[string]any)
		meta, _ := res["Metadata"].(map[string]any)
		reason, err := controls.Suppressed(meta, f.Control)
		if err != nil {
			out = append(out, finding{Gate: gateControls, Stack: s.ID, Resource: f.Resource, Rule: f.Control, Message: err.Error()})
			continue
		}
		if reason == "" {
			out = append(out, finding{Gate: gateControls, Stack: s.ID, Resource: f.Resource, Rule: f.Control, Message: f.Summary})
		}
	}
	return out, nil
}

// loadGuard finds the rules in the nearest node_modules above the assembly or, failing
// that, above the working directory.
func loadGuard(dir string) (*controls.Guard, error) {
	var err error
	for _, start := range []string{dir, "."} {
		abs, aerr := filepath.Abs(start)
		if aerr != nil {
			return nil, aerr
		}
		for d := abs; ; d = filepath.Dir(d) {
			if _, serr := os.Stat(filepath.Join(d, controls.PackageDir)); serr == nil {
				return controls.Load(d)
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	_, err = controls.Load(".") // says what is missing
	return nil, err
}

// guardrailFindings evaluates every stack's roles, and its deploy role, against the
// guardrails the configuration attaches above the stack's account.
func guardrailFindings(stacks []stack, path string) ([]finding, error) {
	cfg, err := landingzone.LoadConfig(path)
	if err != nil {
		return nil, err
	}
	var lz *landingzone.LandingZone
	if msg, panicked := recovered(func() { lz, err = landingzone.New(awscdk.NewApp(nil), cfg) }); panicked {
		return nil, fmt.Errorf("building the landing zone of %s: %s", path, msg)
	}
	if err != nil {
		return nil, err
	}
	qualifier := cfg.Deployment.BootstrapQualifier
	if qualifier == "" {
		qualifier = landingzone.DefaultBootstrapQualifier
	}
	known := map[string]bool{}
	for _, a := range cfg.AccountIDs() {
		known[a] = true
	}
	var out []finding
	var checked []scpcheck.Stack
	for _, s := range stacks {
		if !known[s.Account] {
			out = append(out, finding{Gate: gateGuardrails, Stack: s.ID, Message: fmt.Sprintf(
				"account %s is not in %s, so its guardrails are unknown", s.Account, path)})
			continue
		}
		checked = append(checked, scpcheck.Stack{Name: s.ID, Account: s.Account, Region: s.Region, Template: s.Template,
			DeployRole: scpcheck.BootstrapExecutionRole(qualifier, s.Account, s.Region)})
	}
	rep, err := scpcheck.Check(checked, lz.GuardrailLevels)
	if err != nil {
		return nil, err
	}
	for _, f := range rep.Findings {
		out = append(out, finding{Gate: gateGuardrails, Stack: f.Stack, Resource: f.Role, Rule: f.Action,
			Message: fmt.Sprintf("%s may not %s on %s: %s", f.Principal, f.Action, f.Resource, f.Decision)})
	}
	return out, nil
}

// recovered runs fn and reports the message of a panic it raised: the CDK reports
// errors in Go as panics of the jsii runtime.
func recovered(fn func()) (msg string, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			msg, panicked = fmt.Sprint(r), true
		}
	}()
	fn()
	return "", false
}
