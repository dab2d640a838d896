package main

import (
	"fmt"
	"io"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/replace"
)

// diff synthesizes the landing zones of two configurations and lists each stateful
// resource that deploying NEW over OLD would replace or delete.
func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("diff", "OLD NEW", stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return exitUsage
	}
	var templates [2]map[string]map[string]any
	for i, path := range fs.Args() {
		cfg, err := landingzone.LoadConfig(path)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitFindings
		}
		if templates[i], err = synthesize(cfg); err != nil {
			fmt.Fprintf(stderr, "landingzone diff: %s: %v\n", path, err)
			return exitFindings
		}
	}
	found := replace.Compare(templates[0], templates[1])
	for _, f := range found {
		fmt.Fprintln(stdout, f)
	}
	fmt.Fprintf(stdout, "%d stateful resources replaced or deleted\n", len(found))
	if len(found) > 0 {
		return exitFindings
	}
	return exitOK
}

// synthesize builds cfg's landing zone in an app of its own and reads its templates,
// keyed by stack name, account and region.
func synthesize(cfg landingzone.Config) (map[string]map[string]any, error) {
	dir, err := os.MkdirTemp("", "landingzone-diff-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := synth(dir, cfg); err != nil {
		return nil, err
	}
	stacks, err := readAssembly(dir)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]any{}
	for _, s := range stacks {
		out[s.Name+" "+s.Account+"/"+s.Region] = s.Template
	}
	return out, nil
}

// synth builds and synthesizes cfg's landing zone into dir. The CDK reports errors as
// panics; they come back as errors.
func synth(dir string, cfg landingzone.Config) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("synthesis: %v", r)
		}
	}()
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(dir)})
	if _, err = landingzone.New(app, cfg); err == nil {
		app.Synth(nil)
	}
	return err
}
