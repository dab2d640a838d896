package main

import (
	"fmt"
	"io"

	"github.com/go-landingzone/landingzone"
)

// runSchema is `landingzone schema`: it prints the JSON Schema of the configuration.
func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("schema", "", "Prints the JSON Schema of the landing zone configuration file.", stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return exitUsage
	}
	if _, err := stdout.Write(landingzone.Schema()); err != nil {
		fmt.Fprintf(stderr, "landingzone schema: %v\n", err)
		return exitUsage
	}
	return exitOK
}
