package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// The gates of check, in the order they run and reports list them.
const (
	gateQuotas     = "quotas"
	gateControls   = "controls"
	gateImports    = "imports"
	gateGuardrails = "guardrails"
)

// Finding is one problem check found: -format json writes a Report of them.
type Finding struct {
	// Gate is the check that found it: "quotas", "controls", "imports" or
	// "guardrails".
	Gate string `json:"gate"`
	// Stack is the stack's construct path in the assembly ("Audit/Security-eu-west-1").
	Stack string `json:"stack"`
	// Template is the template's file, relative to the assembly directory.
	Template string `json:"template"`
	// Resource is the logical ID of the resource at fault; for guardrails the IAM
	// role's, or "deploy role". Empty when the finding is about the whole template.
	Resource string `json:"resource,omitempty"`
	// Path is the construct path of the resource, as the CDK's manifest records it
	// ("/Website/PublicBucket/Resource"); empty when it records none.
	Path string `json:"path,omitempty"`
	// Rule names what was broken: a quota ("MaxResources"), a Control Tower control
	// ID ("CT.S3.PR.1"), "cross-environment-import", or for guardrails the denying
	// policy and statement ("policy/statement"), "account-not-in-configuration" or
	// "environment-agnostic".
	Rule string `json:"rule"`
	// Message says what is wrong, in a sentence.
	Message string `json:"message"`
}

// Suppression is a Control Tower finding that the resource's Metadata suppresses with
// a reason, listed so that a review sees every exemption in force.
type Suppression struct {
	Stack    string `json:"stack"`
	Resource string `json:"resource"`
	Control  string `json:"control"`
	Reason   string `json:"reason"`
}

// Report is the result of check, as -format json writes it. Its fields only ever
// grow: a consumer may rely on those present.
type Report struct {
	// Assembly is the directory checked, as given.
	Assembly string `json:"assembly"`
	// Gates lists the gates that ran.
	Gates []string `json:"gates"`
	// Stacks lists every stack checked, by construct path, sorted.
	Stacks []string `json:"stacks"`
	// Findings lists every finding, sorted by stack, gate, resource and rule; empty
	// (never null) when the assembly is clean.
	Findings []Finding `json:"findings"`
	// Suppressions lists the suppressed Control Tower findings; never null.
	Suppressions []Suppression `json:"suppressions"`
	// Guardrails says how much the guardrails gate evaluated; nil when it did not
	// run.
	Guardrails *GuardrailStats `json:"guardrails,omitempty"`
}

// GuardrailStats counts what the guardrails gate evaluated, so that a clean result
// can be told from an empty one.
type GuardrailStats struct {
	// Roles counts the principals checked, deploy roles included.
	Roles int `json:"roles"`
	// Requests counts the (action, resource) requests evaluated.
	Requests int `json:"requests"`
	// ManagedPoliciesNotRead counts attachments of AWS managed policies, whose
	// content is not in the template and so was not evaluated.
	ManagedPoliciesNotRead int `json:"managedPoliciesNotRead"`
}

// finish sorts the findings of r for a stable report and names the construct of
// each resource that the manifest maps.
func (r *Report) finish(stacks []stack) {
	paths := map[string]map[string]string{}
	for _, s := range stacks {
		paths[s.ID] = s.Paths
	}
	for i, f := range r.Findings {
		if f.Resource != "" {
			r.Findings[i].Path = paths[f.Stack][f.Resource]
		}
	}
	sortFindings(r.Findings)
}

// sortFindings orders findings for a stable report.
func sortFindings(f []Finding) {
	sort.Slice(f, func(i, j int) bool {
		a, b := f[i], f[j]
		for _, c := range [][2]string{{a.Stack, b.Stack}, {a.Gate, b.Gate}, {a.Resource, b.Resource}, {a.Rule, b.Rule}, {a.Message, b.Message}} {
			if c[0] != c[1] {
				return c[0] < c[1]
			}
		}
		return false
	})
}

// writeText writes one line per finding, then a summary line.
func writeText(w io.Writer, r Report) error {
	var b strings.Builder
	failing := map[string]bool{}
	for _, f := range r.Findings {
		failing[f.Stack] = true
		res := f.Resource
		if res == "" {
			res = "-"
		}
		fmt.Fprintf(&b, "%s (%s): %s: %s %s: %s", f.Stack, f.Template, res, f.Gate, f.Rule, f.Message)
		if f.Path != "" {
			fmt.Fprintf(&b, " (at %s)", f.Path)
		}
		b.WriteString("\n")
	}
	gates := strings.Join(r.Gates, ", ")
	if g := r.Guardrails; g != nil {
		fmt.Fprintf(&b, "guardrails: %d roles, %d requests evaluated; %d attachments of AWS managed policies not read\n", g.Roles, g.Requests, g.ManagedPoliciesNotRead)
	}
	if len(r.Findings) == 0 {
		fmt.Fprintf(&b, "%s: clean: %s passed %s\n", r.Assembly, plural(len(r.Stacks), "stack"), gates)
	} else {
		fmt.Fprintf(&b, "%s: %s in %d of %s (gates: %s)\n", r.Assembly, plural(len(r.Findings), "finding"), len(failing), plural(len(r.Stacks), "stack"), gates)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeJSON writes r as indented JSON.
func writeJSON(w io.Writer, r Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// The JUnit XML elements that CI systems read (Jenkins, GitLab, GitHub actions that
// publish test reports): one testsuite per gate, one testcase per stack.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		ClassName string        `xml:"classname,attr"`
		Failure   *junitFailure `xml:"failure,omitempty"`
	}
	// junitFailure is the one failure of a stack under a gate: many CI systems read
	// only the first failure element of a testcase, so every finding goes into it.
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

// writeJUnit writes r as JUnit XML.
func writeJUnit(w io.Writer, r Report) error {
	byGate := map[string]map[string][]Finding{}
	for _, f := range r.Findings {
		if byGate[f.Gate] == nil {
			byGate[f.Gate] = map[string][]Finding{}
		}
		byGate[f.Gate][f.Stack] = append(byGate[f.Gate][f.Stack], f)
	}
	all := junitSuites{Name: "landingzone check " + r.Assembly}
	for _, gate := range r.Gates {
		suite := junitSuite{Name: gate}
		for _, st := range r.Stacks {
			c := junitCase{Name: st, ClassName: gate}
			if fs := byGate[gate][st]; len(fs) > 0 {
				var res, lines []string
				for _, f := range fs {
					if f.Resource != "" && !slices.Contains(res, f.Resource) {
						res = append(res, f.Resource)
					}
					line := fmt.Sprintf("%s: %s: %s", orDash(f.Resource), f.Rule, f.Message)
					if f.Path != "" {
						line += " (at " + f.Path + ")"
					}
					lines = append(lines, line)
				}
				msg := plural(len(fs), "finding")
				if len(res) > 0 {
					msg += " in " + strings.Join(res, ", ")
				}
				c.Failure = &junitFailure{Message: msg, Type: fs[0].Rule, Text: strings.Join(lines, "\n")}
				suite.Failures++
			}
			suite.Cases = append(suite.Cases, c)
			suite.Tests++
		}
		all.Tests += suite.Tests
		all.Failures += suite.Failures
		all.Suites = append(all.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// plural is "1 finding", "2 findings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
