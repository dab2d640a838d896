// Package controls runs the AWS Control Tower proactive controls over CloudFormation
// templates, with the cfn-guard binary and the rules that the npm package
// @cdklabs/cdk-validator-cfnguard bundles (a devDependency pinned in package-lock.json).
//
// Control Tower enforces these controls as CloudFormation Hooks: in an organization that
// turned them on, a stack with a resource that breaks one fails to deploy
// (https://docs.aws.amazon.com/controltower/latest/controlreference/proactive-controls.html).
// Checking at synthesis time finds that before a deployment does.
package controls

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
)

// PackageDir is where npm installs the validator package, relative to the module root.
const PackageDir = "node_modules/@cdklabs/cdk-validator-cfnguard"

// rulesDir holds the package's Control Tower rules, one .guard file per control.
const rulesDir = "rules/control-tower/cfn-guard"

// Finding is one resource that breaks one control.
type Finding struct {
	// File is the template, as passed to Check.
	File string
	// Control is the control's ID, such as "CT.KMS.PR.3".
	Control string
	// Resource is the logical ID of the resource; empty when cfn-guard named none.
	Resource string
	// Summary is the control's one-line description.
	Summary string
}

func (f Finding) String() string {
	return fmt.Sprintf("%s: %s (%s)", f.Control, f.Summary, f.Resource)
}

// Guard is the cfn-guard binary of the package and its Control Tower rules.
type Guard struct {
	// Binary is the path of the cfn-guard executable.
	Binary string
	// rules maps each rule file to the resource types it reports on; a file whose
	// header names none is run on every template.
	rules map[string][]string
}

// ErrNotInstalled reports that the package, or its binary for this platform, is missing.
var ErrNotInstalled = errors.New("the Control Tower rules are not installed")

// Load finds the package under root (the directory of package.json) and reads the
// resource types each of its rules reports on.
func Load(root string) (*Guard, error) {
	dir := filepath.Join(root, PackageDir)
	platform := map[string]string{"linux": "ubuntu", "darwin": "macos"}[runtime.GOOS]
	arch := map[string]string{"amd64": "x86_64", "arm64": "aarch64"}[runtime.GOARCH]
	if platform == "" || arch == "" {
		return nil, fmt.Errorf("%w: the package bundles cfn-guard for Linux and macOS on x86_64 and arm64, not %s/%s", ErrNotInstalled, runtime.GOOS, runtime.GOARCH)
	}
	bin := filepath.Join(dir, "bin", platform, arch, "cfn-guard")
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("%w: %v; run `make deps` (npm ci)", ErrNotInstalled, err)
	}
	g := &Guard{Binary: bin, rules: map[string][]string{}}
	err := filepath.WalkDir(filepath.Join(dir, rulesDir), func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".guard" {
			return err
		}
		types, err := reportsOn(path)
		g.rules[path] = types
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotInstalled, err)
	}
	if len(g.rules) == 0 {
		return nil, fmt.Errorf("%w: no rules under %s", ErrNotInstalled, filepath.Join(dir, rulesDir))
	}
	return g, nil
}

// resourceType matches a CloudFormation resource type name.
var resourceType = regexp.MustCompile(`AWS::[A-Za-z0-9]+::[A-Za-z0-9]+`)

// reportsOn reads the resource types of a rule's "Reports on:" header. Every rule of
// the package has one; it lets Check run only the rules that can apply, which is what
// keeps it fast: cfn-guard's time grows with rules times templates, and a template
// holds a few dozen of the hundreds of types the rules cover.
func reportsOn(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var types []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(sc.Text()), "#"))
		switch {
		case strings.HasPrefix(line, "Reports on:"):
			in = true
		case in && line == "", in && strings.HasSuffix(line, ":"):
			return types, nil
		case in:
			types = append(types, resourceType.FindAllString(line, -1)...)
		}
	}
	return types, sc.Err()
}

// Check runs, in one cfn-guard call, the rules that apply to any of the templates
// files, and returns every failing resource, sorted.
func (g *Guard) Check(files []string) ([]Finding, error) {
	present := map[string]bool{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var tpl struct {
			Resources map[string]struct{ Type string }
		}
		if err := json.Unmarshal(raw, &tpl); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, r := range tpl.Resources {
			present[r.Type] = true
		}
	}
	var args []string
	for path, types := range g.rules {
		applies := len(types) == 0
		for _, t := range types {
			applies = applies || present[t]
		}
		if applies {
			args = append(args, "--rules", path)
		}
	}
	if len(args) == 0 || len(files) == 0 {
		return nil, nil
	}
	sort.Strings(args) // a stable command line, for a reader of a failure
	args = append([]string{"validate"}, args...)
	for _, f := range files {
		args = append(args, "--data", f)
	}
	args = append(args, "--output-format", "json", "--show-summary", "none", "--structured")
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(g.Binary, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	// cfn-guard exits with 19 when a rule fails (and 5 with older versions).
	if errors.As(err, &exit) && (exit.ExitCode() == 19 || exit.ExitCode() == 5) {
		err = nil
	}
	if err != nil {
		return nil, fmt.Errorf("cfn-guard: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return parse(stdout.Bytes())
}

// controlID finds a control's ID in the custom message of its rule,
// "[CT.KMS.PR.3]: Require ...".
var controlID = regexp.MustCompile(`\[(CT\.[A-Z0-9]+\.PR\.[0-9]+)\]:\s*([^\n]*)`)

// resourcePath finds the logical ID in a path that cfn-guard traversed.
var resourcePath = regexp.MustCompile(`^/Resources/([^/]+)`)

// parse reads cfn-guard's structured JSON: one result per template, each with the
// rules that were not compliant. The shape of a rule's checks depends on how its
// author wrote it, so parse does not follow it: it collects the control ID from the
// rule's messages and the resources from every path the failing checks traversed.
func parse(out []byte) ([]Finding, error) {
	var results []struct {
		Name         string            `json:"name"`
		NotCompliant []json.RawMessage `json:"not_compliant"`
	}
	if err := json.Unmarshal(out, &results); err != nil {
		return nil, fmt.Errorf("cfn-guard output: %w", err)
	}
	var findings []Finding
	seen := map[Finding]bool{}
	for _, r := range results {
		for _, raw := range r.NotCompliant {
			var v any
			if err := json.Unmarshal(raw, &v); err != nil {
				return nil, fmt.Errorf("cfn-guard output: %w", err)
			}
			var control, summary string
			resources := map[string]bool{}
			walk(v, func(key, value string) {
				if m := controlID.FindStringSubmatch(value); key == "custom_message" && m != nil && control == "" {
					control, summary = m[1], strings.TrimSpace(m[2])
				}
				if m := resourcePath.FindStringSubmatch(value); key == "path" && m != nil {
					resources[m[1]] = true
				}
			})
			if control == "" {
				return nil, fmt.Errorf("cfn-guard output: a failing rule of %s without a control ID: %.300s", r.Name, raw)
			}
			if len(resources) == 0 {
				resources[""] = true
			}
			for res := range resources {
				f := Finding{File: r.Name, Control: control, Resource: res, Summary: summary}
				// A control's rule may fail more than once on a resource.
				if !seen[f] {
					seen[f] = true
					findings = append(findings, f)
				}
			}
		}
	}
	sort.Slice(findings, func(i, j int) bool {
		a, b := findings[i], findings[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Resource != b.Resource {
			return a.Resource < b.Resource
		}
		return a.Control < b.Control
	})
	return findings, nil
}

// walk calls fn with every string value in v and the key it is stored under.
func walk(v any, fn func(key, value string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if s, ok := e.(string); ok {
				fn(k, s)
			} else {
				walk(e, fn)
			}
		}
	case []any:
		for _, e := range v {
			walk(e, fn)
		}
	}
}
