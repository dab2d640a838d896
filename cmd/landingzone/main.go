package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"

	"github.com/aws/jsii-runtime-go"
)

// Exit codes of every subcommand.
const (
	exitOK       = 0
	exitFindings = 1 // check found something, validate found a problem
	exitUsage    = 2 // a usage mistake, or an input that cannot be read
)

// commands are the subcommands, by name.
var commands = map[string]struct {
	run     func(args []string, stdout, stderr io.Writer) int
	summary string
}{
	"check":    {runCheck, "run the template gates over a cloud assembly (cdk.out)"},
	"validate": {runValidate, "validate a configuration file"},
	"schema":   {runSchema, "print the JSON Schema of the configuration file"},
	"plan":     {runPlan, "print a configuration's stacks, awaited values, first deploy and waves"},
	"diagram":  {runDiagram, "draw a configuration (Mermaid, or DOT with -format dot)"},
	"diff":     {runDiff, "list the stateful resources that moving from one configuration to another replaces"},
}

func main() {
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	// check -config starts the CDK's Node runtime; stop it and remove its temporary
	// directory (a no-op when it never started).
	jsii.Close()
	os.Exit(code)
}

// run runs the subcommand that args name and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "landingzone: unknown command %q\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return cmd.run(args[1:], stdout, stderr)
}

// usage lists the subcommands.
func usage(w io.Writer) {
	names := slices.Sorted(maps.Keys(commands))
	fmt.Fprintln(w, "usage: landingzone <command> [arguments]\n\ncommands:")
	for _, name := range names {
		fmt.Fprintf(w, "  %-9s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nRun `landingzone <command> -h` for a command's flags.")
}

// parseFlags parses args into fs; when it cannot (the usage is printed), ok is false
// and code is the exit code: 0 for -h, which asked for the usage, 2 otherwise.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	switch err := fs.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		return exitOK, false
	case err != nil:
		return exitUsage, false
	}
	return exitOK, true
}
