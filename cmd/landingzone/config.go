package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"

	"github.com/go-landingzone/landingzone"
)

// flags returns a flag set for command name that reports to stderr.
func flags(name, args string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: landingzone %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// validate loads each file and prints its problems, or that it is valid.
func validate(args []string, stdout, stderr io.Writer) int {
	fs := flags("validate", "FILE...", stderr)
	if fs.Parse(args) != nil || fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	code := exitOK
	for _, path := range fs.Args() {
		_, err := landingzone.LoadConfig(path)
		switch {
		case err == nil:
			fmt.Fprintf(stdout, "%s: valid\n", path)
		case errors.Is(err, landingzone.ErrInvalidConfig):
			fmt.Fprintln(stderr, err)
			code = max(code, exitProblems)
		default:
			fmt.Fprintf(stderr, "landingzone: %v\n", err)
			code = exitUsage
		}
	}
	return code
}

// load reads the one configuration file of a command, reporting as validate does.
func load(fs *flag.FlagSet, stderr io.Writer) (landingzone.Config, int) {
	if fs.NArg() != 1 {
		fs.Usage()
		return landingzone.Config{}, exitUsage
	}
	cfg, err := landingzone.LoadConfig(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, err)
		if errors.Is(err, landingzone.ErrInvalidConfig) {
			return cfg, exitProblems
		}
		return cfg, exitUsage
	}
	return cfg, exitOK
}

// plan prints the stacks by account and region, the values the configuration awaits,
// the order of a first deploy and the pipeline's waves.
func plan(args []string, stdout, stderr io.Writer) int {
	fs := flags("plan", "FILE", stderr)
	if fs.Parse(args) != nil {
		return exitUsage
	}
	cfg, code := load(fs, stderr)
	if code != exitOK {
		return code
	}
	text, err := landingzone.FormatPlan(cfg)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitProblems
	}
	fmt.Fprint(stdout, text)
	return exitOK
}

// diagram prints the configuration's diagram in Mermaid or DOT.
func diagram(args []string, stdout, stderr io.Writer) int {
	fs := flags("diagram", "[-format mermaid|dot] FILE", stderr)
	format := fs.String("format", "mermaid", "mermaid or dot")
	if fs.Parse(args) != nil {
		return exitUsage
	}
	if *format != "mermaid" && *format != "dot" {
		fmt.Fprintf(stderr, "landingzone diagram: -format %q: want mermaid or dot\n", *format)
		return exitUsage
	}
	cfg, code := load(fs, stderr)
	if code != exitOK {
		return code
	}
	if *format == "dot" {
		fmt.Fprint(stdout, landingzone.DiagramDOT(cfg))
	} else {
		fmt.Fprint(stdout, landingzone.Diagram(cfg))
	}
	return exitOK
}

// schema prints the JSON Schema of the configuration.
func schema(args []string, stdout, stderr io.Writer) int {
	fs := flags("schema", "", stderr)
	if fs.Parse(args) != nil || fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	_, _ = stdout.Write(landingzone.Schema())
	return exitOK
}

// sortedKeys returns m's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
