package main

import (
	"fmt"
	"io"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/replace"
)

// diff synthesizes the landing zones of two configurations and lists each stateful
// resource that deploying NEW over OLD would replace or delete.
func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("diff", "OLD NEW", "Lists the stateful resources that deploying the landing zone of NEW over that of OLD would replace or delete.", stderr)
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

// synthesize builds and synthesizes cfg's landing zone and reads its templates,
// keyed by stack name, account and region.
func synthesize(cfg landingzone.Config) (map[string]map[string]any, error) {
	out := map[string]map[string]any{}
	err := withLandingZone(cfg, func(app awscdk.App, dir string, _ *landingzone.LandingZone) error {
		app.Synth(nil)
		stacks, err := readAssembly(dir)
		for _, s := range stacks {
			out[s.Name+" "+s.Account+"/"+s.Region] = s.Template
		}
		return err
	})
	return out, err
}
