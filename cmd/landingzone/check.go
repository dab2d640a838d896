package main

import (
	"fmt"
	"io"

	"github.com/go-landingzone/landingzone"
)

// Output formats of check.
var formats = map[string]func(io.Writer, Report) error{
	"text":  writeText,
	"json":  writeJSON,
	"junit": writeJUnit,
}

// runCheck is `landingzone check [flags] DIR`.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[flags] DIR", "Checks the CloudFormation templates of the cloud assembly DIR (such as cdk.out).", stderr)
	format := fs.String("format", "text", "output format: text, json or junit")
	withControls := fs.Bool("controls", true, "run the AWS Control Tower proactive controls (needs the npm package @cdklabs/cdk-validator-cfnguard)")
	controlsDir := fs.String("controls-dir", "", "the directory whose node_modules holds @cdklabs/cdk-validator-cfnguard; empty: the first above DIR, else above the working directory")
	config := fs.String("config", "", "landing zone configuration file: also check the stacks' roles against its guardrails (starts the CDK's Node runtime)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	write, ok := formats[*format]
	if !ok {
		fmt.Fprintf(stderr, "landingzone check: -format %q: want text, json or junit\n", *format)
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	dir := fs.Arg(0)
	rep, err := check(dir, *withControls, *controlsDir, *config)
	if err != nil {
		fmt.Fprintf(stderr, "landingzone check: %v\n", err)
		return exitUsage
	}
	if err := write(stdout, rep); err != nil {
		fmt.Fprintf(stderr, "landingzone check: %v\n", err)
		return exitUsage
	}
	if len(rep.Findings) > 0 {
		return exitFindings
	}
	return exitOK
}

// check reads the assembly in dir and runs the gates over it.
func check(dir string, withControls bool, controlsDir, configPath string) (Report, error) {
	rep := Report{Assembly: dir, Gates: []string{gateQuotas}, Findings: []Finding{}, Suppressions: []Suppression{}}
	// Every input is read before any gate runs: a usage mistake should not cost a
	// cfn-guard run or a Node start.
	var cfg landingzone.Config
	if configPath != "" {
		var err error
		if cfg, err = landingzone.LoadConfig(configPath); err != nil {
			return rep, fmt.Errorf("-config:\n%w", err)
		}
	}
	stacks, err := readAssembly(dir)
	if err != nil {
		return rep, err
	}
	if len(stacks) == 0 {
		return rep, fmt.Errorf("%s: the assembly holds no stack", dir)
	}
	for _, s := range stacks {
		rep.Stacks = append(rep.Stacks, s.ID)
	}
	quotas, err := quotaFindings(stacks)
	if err != nil {
		return rep, err
	}
	rep.Findings = append(rep.Findings, quotas...)
	if withControls {
		g, err := loadGuard(controlsDir, dir)
		if err != nil {
			return rep, err
		}
		found, suppressed, err := controlFindings(g, stacks)
		if err != nil {
			return rep, err
		}
		rep.Gates = append(rep.Gates, gateControls)
		rep.Findings = append(rep.Findings, found...)
		rep.Suppressions = append(rep.Suppressions, suppressed...)
	}
	rep.Gates = append(rep.Gates, gateImports)
	rep.Findings = append(rep.Findings, importFindings(stacks)...)
	if configPath != "" {
		found, stats, err := guardrailFindings(cfg, stacks)
		if err != nil {
			return rep, err
		}
		rep.Guardrails = stats
		rep.Gates = append(rep.Gates, gateGuardrails)
		rep.Findings = append(rep.Findings, found...)
	}
	rep.finish(stacks)
	return rep, nil
}
