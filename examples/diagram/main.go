// Command diagram draws a landing zone: it loads a configuration (the reference
// examples/multi-account/landingzone.yaml, or the file named by its first argument),
// writes the Mermaid flowchart of landingzone.Diagram to landingzone.mmd and, where
// Graphviz's dot is on PATH, the same graph as landingzone.svg, into the output
// directory. It prints the files it wrote.
//
//	go run ./examples/diagram                       # the reference, into cdk.out
//	go run ./examples/diagram -out docs my-lz.yaml  # another configuration
//
// It needs neither AWS credentials nor Node.js: nothing is synthesized.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/go-landingzone/landingzone"
)

// Defaults of the command line.
const (
	// DefaultConfig is the reference configuration, relative to the module root.
	DefaultConfig = "examples/multi-account/landingzone.yaml"
	// DefaultOut is the output directory, next to the synthesized templates.
	DefaultOut = "cdk.out"
)

// Names of the files written into the output directory.
const (
	mermaidFile = "landingzone.mmd"
	svgFile     = "landingzone.svg"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, exec.LookPath); err != nil {
		fmt.Fprintln(os.Stderr, "diagram:", err)
		os.Exit(1)
	}
}

// run parses args, loads the configuration and writes the diagram files, reporting
// each to stdout; lookPath finds dot.
func run(args []string, stdout io.Writer, lookPath func(string) (string, error)) error {
	flags := flag.NewFlagSet("diagram", flag.ContinueOnError)
	out := flags.String("out", DefaultOut, "directory to write "+mermaidFile+" and "+svgFile+" to")
	flags.Usage = func() {
		fmt.Fprintf(flags.Output(), "usage: diagram [-out dir] [config.yaml]\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() > 1 {
		return fmt.Errorf("want at most one configuration file, got %d arguments", flags.NArg())
	}
	path := DefaultConfig
	if flags.NArg() == 1 {
		path = flags.Arg(0)
	}
	cfg, err := landingzone.LoadConfig(path)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	mmd := filepath.Join(*out, mermaidFile)
	if err := os.WriteFile(mmd, []byte(landingzone.Diagram(cfg)), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "wrote", mmd)

	dot, err := lookPath("dot")
	if err != nil {
		fmt.Fprintf(stdout, "skipped %s: Graphviz's dot is not on PATH\n", svgFile)
		return nil
	}
	svg := filepath.Join(*out, svgFile)
	if err := render(dot, landingzone.DiagramDOT(cfg), svg); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "wrote", svg)
	return nil
}

// render runs dot to turn the DOT graph into an SVG file at path.
func render(dot, graph, path string) error {
	cmd := exec.Command(dot, "-Tsvg", "-o", path)
	cmd.Stdin = bytes.NewBufferString(graph)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return errors.Join(fmt.Errorf("%s -Tsvg: %w", dot, err), errors.New(stderr.String()))
	}
	return nil
}
