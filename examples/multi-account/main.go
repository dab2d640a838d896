// Command multi-account synthesizes the reference landing zone: the stacks of every
// account role, from the configuration file landingzone.yaml. cdk.json runs it, so
// `make synth` (cdk synth) writes its templates to cdk.out.
//
// The file is compiled in; set LANDINGZONE_CONFIG to the path of another file to
// synthesize that one instead. With -plan it prints the values the configuration
// still awaits from a deploy, the order of a first deploy, and the waves in which the
// configuration's pipeline rolls the workloads out, and synthesizes nothing: `make
// plan` runs that. The Availability Zones of each account and region are
// cached in cdk.context.json, as `cdk synth` records them, so that synthesis needs no
// AWS credentials.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone"
)

//go:embed landingzone.yaml
var referenceConfig []byte

// loadConfig reads the file LANDINGZONE_CONFIG names, or the reference configuration.
func loadConfig() (landingzone.Config, error) {
	if path := os.Getenv("LANDINGZONE_CONFIG"); path != "" {
		return landingzone.LoadConfig(path)
	}
	return landingzone.ParseConfig("examples/multi-account/landingzone.yaml", referenceConfig)
}

// build adds the landing zone to app.
func build(app awscdk.App) error {
	cfg, err := loadConfig()
	if err != nil {
		return err
	}
	_, err = landingzone.New(app, cfg)
	return err
}

// printPlan writes to w the plan of the configuration (landingzone.FormatPlan).
func printPlan(w io.Writer) error {
	cfg, err := loadConfig()
	if err != nil {
		return err
	}
	text, err := landingzone.FormatPlan(cfg)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, text)
	return err
}

func main() {
	planOnly := flag.Bool("plan", false, "print the pending values, the first deploy and the pipeline's waves instead of synthesizing")
	flag.Parse()
	if *planOnly {
		if err := printPlan(os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	app := awscdk.NewApp(nil)
	if err := build(app); err != nil {
		fmt.Fprintln(os.Stderr, err)
		jsii.Close()
		os.Exit(1)
	}
	app.Synth(nil)
	jsii.Close()
}
