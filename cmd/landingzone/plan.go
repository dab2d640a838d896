package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/go-landingzone/landingzone"
)

// loadOne reads the one configuration file a command takes, printing its problems.
func loadOne(fs *flag.FlagSet, stderr io.Writer) (landingzone.Config, int) {
	if fs.NArg() != 1 {
		fs.Usage()
		return landingzone.Config{}, exitUsage
	}
	cfg, err := landingzone.LoadConfig(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, err)
		if errors.Is(err, landingzone.ErrInvalidConfig) {
			return cfg, exitFindings
		}
		return cfg, exitUsage
	}
	return cfg, exitOK
}

// newFlags is the flag set of command name, whose usage prints "usage: landingzone
// NAME ARGS", what the command does, and its flags if it has any.
func newFlags(name, args, about string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\n\n%s\n", strings.TrimSpace("usage: landingzone "+name+" "+args), about)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(stderr, "\nflags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// runPlan prints the stacks in deploy order by stage, account and region, the values
// the configuration awaits, the order of a first deploy and the pipeline's waves
// (landingzone.FormatPlan). It needs no Node.js.
func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("plan", "FILE", "Prints the stacks in deploy order, the values the configuration awaits, the order of a first deploy and the pipeline's waves.", stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	cfg, code := loadOne(fs, stderr)
	if code != exitOK {
		return code
	}
	text, err := landingzone.FormatPlan(cfg)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFindings
	}
	fmt.Fprint(stdout, text)
	return exitOK
}

// runDiagram prints the configuration's diagram in Mermaid or DOT. It needs no Node.js.
func runDiagram(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("diagram", "[-format mermaid|dot] FILE", "Prints the landing zone's accounts, stacks and flows.", stderr)
	format := fs.String("format", "mermaid", "mermaid or dot")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *format != "mermaid" && *format != "dot" {
		fmt.Fprintf(stderr, "landingzone diagram: -format %q: want mermaid or dot\n", *format)
		return exitUsage
	}
	cfg, code := loadOne(fs, stderr)
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
