package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// report is what check found. Its JSON form is check's -format json output:
//
//	{"gates": ["quotas", ...], "stacks": 17, "findings": [{"gate", "stack", "resource", "rule", "message"}]}
type report struct {
	// Gates are the gates that ran.
	Gates []string `json:"gates"`
	// Stacks counts the stacks checked.
	Stacks   int       `json:"stacks"`
	Findings []finding `json:"findings"`
}

func (r report) write(w io.Writer, format string, stacks []stack) error {
	switch format {
	case "json":
		if r.Findings == nil {
			r.Findings = []finding{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case "junit":
		return r.junit(w, stacks)
	}
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(f.Stack)
		if f.Resource != "" {
			b.WriteString(" " + f.Resource)
		}
		b.WriteString(": " + f.Gate)
		if f.Rule != "" {
			b.WriteString(" " + f.Rule)
		}
		b.WriteString(": " + f.Message + "\n")
	}
	fmt.Fprintf(&b, "%d stacks, gates %s: %d findings\n", r.Stacks, strings.Join(r.Gates, ", "), len(r.Findings))
	_, err := io.WriteString(w, b.String())
	return err
}

// JUnit XML, as CI systems read it: a suite per gate, a case per stack, a failure per
// finding.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
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
		Name      string         `xml:"name,attr"`
		ClassName string         `xml:"classname,attr"`
		Failures  []junitFailure `xml:"failure"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr,omitempty"`
		Text    string `xml:",chardata"`
	}
)

func (r report) junit(w io.Writer, stacks []stack) error {
	out := junitSuites{}
	for _, gate := range r.Gates {
		suite := junitSuite{Name: gate}
		for _, s := range stacks {
			c := junitCase{Name: s.ID, ClassName: "landingzone.check." + gate}
			for _, f := range r.Findings {
				if f.Gate == gate && f.Stack == s.ID {
					msg := f.Message
					if f.Resource != "" {
						msg = f.Resource + ": " + msg
					}
					c.Failures = append(c.Failures, junitFailure{Message: msg, Type: f.Rule, Text: msg})
				}
			}
			suite.Tests++
			if len(c.Failures) > 0 {
				suite.Failures++
			}
			suite.Cases = append(suite.Cases, c)
		}
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
