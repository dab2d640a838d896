package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/go-landingzone/landingzone"
)

// runValidate is `landingzone validate FILE`: it reads and validates the
// configuration file without building anything.
func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "FILE", "Reads and validates a landing zone configuration file (YAML or JSON) and prints every problem found, with its line and column.", stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	file := fs.Arg(0)
	_, err := landingzone.LoadConfig(file)
	var cfgErr *landingzone.ConfigError
	switch {
	case errors.As(err, &cfgErr):
		// Each problem is "file:line:column: path value: reason", for editors and CI
		// annotations; they go to stdout, being the command's result.
		for _, p := range cfgErr.Problems {
			fmt.Fprintln(stdout, p)
		}
		return exitFindings
	case err != nil:
		fmt.Fprintf(stderr, "landingzone validate: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "%s: valid\n", file)
	return exitOK
}
