package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/go-landingzone/landingzone/internal/controls"
)

// installControls is how a project gets the Control Tower rules: the version the
// module's own package-lock.json pins, whose rule files and output internal/controls
// reads.
const installControls = "npm install --save-dev @cdklabs/cdk-validator-cfnguard@0.0.62"

// loadGuard loads the Control Tower rules from dir, the directory whose node_modules
// holds the package, or, when dir is empty, from the first such directory above the
// assembly or the working directory.
func loadGuard(dir, assembly string) (*controls.Guard, error) {
	if dir == "" {
		dir = findPackage(assembly)
	}
	if dir == "" {
		wd, _ := os.Getwd()
		dir = findPackage(wd)
	}
	if dir == "" {
		return nil, fmt.Errorf("%w: no %s above %s or the working directory; run `%s` in the project, or pass -controls-dir, or -controls=false to skip the gate",
			controls.ErrNotInstalled, controls.PackageDir, assembly, installControls)
	}
	g, err := controls.Load(dir)
	if errors.Is(err, controls.ErrNotInstalled) {
		return nil, fmt.Errorf("%w; run `%s` in %s, or pass -controls=false to skip the gate", err, installControls, dir)
	}
	return g, err
}

// findPackage returns the first of from and its parents that holds the package, or "".
func findPackage(from string) string {
	dir, err := filepath.Abs(from)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, controls.PackageDir)); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// controlFindings runs the Control Tower proactive controls over every template in
// one cfn-guard call. A finding that the resource's Metadata suppresses with a reason
// (controls.MetadataKey, as internal/controls defines it) is returned as a
// suppression; one suppressed without a valid reason stays a finding.
func controlFindings(g *controls.Guard, stacks []stack) ([]Finding, []Suppression, error) {
	byFile := map[string]stack{}
	files := make([]string, 0, len(stacks))
	for _, s := range stacks {
		byFile[s.File] = s
		files = append(files, s.File)
	}
	found, err := g.Check(files)
	if err != nil {
		return nil, nil, err
	}
	var out []Finding
	var suppressed []Suppression
	for _, f := range found {
		s, ok := byFile[f.File]
		if !ok {
			return nil, nil, fmt.Errorf("cfn-guard reported on %s, which is not a template of the assembly", f.File)
		}
		finding := Finding{Gate: gateControls, Stack: s.ID, Template: s.Path, Resource: f.Resource, Rule: f.Control, Message: f.Summary}
		if f.Resource != "" {
			resources, _ := s.Template["Resources"].(map[string]any)
			res, _ := resources[f.Resource].(map[string]any)
			meta, _ := res["Metadata"].(map[string]any)
			reason, err := controls.Suppressed(meta, f.Control)
			switch {
			case err != nil:
				finding.Message = err.Error()
			case reason != "":
				suppressed = append(suppressed, Suppression{Stack: s.ID, Resource: f.Resource, Control: f.Control, Reason: reason})
				continue
			}
		}
		out = append(out, finding)
	}
	return out, suppressed, nil
}
