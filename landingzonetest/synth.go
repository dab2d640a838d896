package landingzonetest

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/cxapi"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/cfnlimits"
)

// Assembly is a synthesized app: one Template per stack, keyed by the stack's artifact
// ID (its construct path with slashes removed, usually the stack ID).
type Assembly struct {
	Templates map[string]*Template
}

// Stack returns the template of the stack with artifact ID id, failing the test when
// there is none.
func (a *Assembly) Stack(t testing.TB, id string) *Template {
	t.Helper()
	tpl, ok := a.Templates[id]
	if !ok {
		t.Fatalf("no stack %q in the assembly; have %v", id, a.StackIDs())
	}
	return tpl
}

// StackIDs lists the artifact IDs of the assembly's stacks in order.
func (a *Assembly) StackIDs() []string {
	return slices.Sorted(maps.Keys(a.Templates))
}

// SynthStack synthesizes one stack, named StackName in the test environment (or
// WithEnvironment's), that build fills, and returns its template after the gates passed.
func SynthStack(t testing.TB, build func(stack awscdk.Stack), opts ...Option) *Template {
	t.Helper()
	s := resolve(opts)
	app := checkedApp(t, s, opts)
	var stack awscdk.Stack
	Do(t, func() {
		stack = awscdk.NewStack(app, jsii.String(StackName), &awscdk.StackProps{Env: s.env()})
		build(stack)
	})
	asm := synth(t, app, s)
	return asm.Stack(t, *stack.ArtifactId())
}

// Synth builds an app with build, synthesizes it, applies the gates to every stack and
// returns the templates.
func Synth(t testing.TB, build func(app awscdk.App), opts ...Option) *Assembly {
	t.Helper()
	s := resolve(opts)
	app := checkedApp(t, s, opts)
	Do(t, func() { build(app) })
	return synth(t, app, s)
}

// checkedApp is NewApp with the chosen cdk-nag packs, added before anything is built:
// a stage that a pipeline synthesizes while it is built must inherit them then.
func checkedApp(t testing.TB, s *settings, opts []Option) awscdk.App {
	t.Helper()
	app := NewApp(t, opts...)
	for _, p := range s.packs {
		aspect, err := p.aspect()
		if err != nil {
			t.Fatalf("landingzonetest: %v", err)
		}
		Do(t, func() { awscdk.Aspects_Of(app).Add(aspect, nil) })
	}
	return app
}

// synth synthesizes app and applies the gates to every stack, those of nested stages
// included.
func synth(t testing.TB, app awscdk.App, s *settings) *Assembly {
	t.Helper()
	var cloud cxapi.CloudAssembly
	if msg, failed := recovered(func() { cloud = app.Synth(nil) }); failed {
		// Error annotations, cdk-nag's among them, fail synthesis with a report.
		for _, f := range validationFailures(msg) {
			t.Errorf("synthesis failed: %s", f)
		}
		t.FailNow()
	}
	outdir := *cloud.Directory()
	t.Cleanup(func() { os.RemoveAll(outdir) })

	if missing := cloud.Manifest().Missing; missing != nil && len(*missing) > 0 {
		var keys []string
		for _, m := range *missing {
			keys = append(keys, *m.Key)
		}
		t.Errorf("synthesis needs context lookups, which need AWS credentials: %s", strings.Join(keys, ", "))
	}

	asm := &Assembly{Templates: map[string]*Template{}}
	asm.add(t, cloud, false, s)
	if t.Failed() {
		t.FailNow()
	}
	checkControls(t, asm)
	if t.Failed() {
		t.FailNow()
	}
	return asm
}

// add reads the templates of cloud's stacks into asm after the gates, each under its
// artifact ID; then those of its nested assemblies, the stages, each under its
// construct path ("<stage>/<stack>"), as artifact IDs repeat across assemblies.
func (asm *Assembly) add(t testing.TB, cloud cxapi.CloudAssembly, nested bool, s *settings) {
	t.Helper()
	for _, stack := range *cloud.Stacks() {
		id := *stack.Id()
		if nested {
			id = *stack.HierarchicalId()
		}
		raw, err := os.ReadFile(*stack.TemplateFullPath())
		if err != nil {
			t.Fatalf("reading the template of %s: %v", id, err)
		}
		meta := stackMetadata(t, *cloud.Directory(), *stack.Id())
		for _, finding := range findings(meta, s) {
			t.Errorf("%s: %s", id, finding)
		}
		stats, err := cfnlimits.Measure(raw)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		for _, v := range stats.Violations() {
			t.Errorf("%s: %s", id, v)
		}
		tpl := &Template{t: t, raw: raw, Stats: stats, path: *stack.TemplateFullPath(), paths: logicalPaths(meta),
			StackName: *stack.StackName(), Account: *stack.Environment().Account, Region: *stack.Environment().Region}
		if err := json.Unmarshal(raw, &tpl.JSON); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		var cdk assertions.Template
		Do(t, func() { cdk = assertions.Template_FromString(jsii.String(string(raw)), nil) })
		tpl.cdk = cdk
		asm.Templates[id] = tpl
	}
	for _, nested := range *cloud.NestedAssemblies() {
		asm.add(t, nested.NestedAssembly(), true, s)
	}
}

// metadataEntry is one entry of a stack's metadata in the assembly manifest.
type metadataEntry struct {
	Type string `json:"type"`
	Data any    `json:"data"`
}

// stackMetadata reads the metadata of a stack by construct path from the assembly's
// manifest.json, the CLI's own source of annotations: cxapi's message types are
// deprecated in favour of a package Go has no binding for.
func stackMetadata(t testing.TB, dir, artifactID string) map[string][]metadataEntry {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatalf("reading the assembly manifest: %v", err)
	}
	type entries = map[string][]metadataEntry
	var manifest struct {
		Artifacts map[string]struct {
			Metadata entries `json:"metadata"`
			// The CDK writes a stack's metadata to a file of its own when it is large.
			AdditionalMetadataFile string `json:"additionalMetadataFile"`
		} `json:"artifacts"`
	}
	if err := json.Unmarshal(raw, &manifest); err != nil {
		t.Fatalf("reading the assembly manifest: %v", err)
	}
	artifact := manifest.Artifacts[artifactID]
	meta := entries{}
	for path, e := range artifact.Metadata {
		meta[path] = append(meta[path], e...)
	}
	if name := artifact.AdditionalMetadataFile; name != "" {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("reading the metadata of %s: %v", artifactID, err)
		}
		var more entries
		if err := json.Unmarshal(raw, &more); err != nil {
			t.Fatalf("reading the metadata of %s: %v", artifactID, err)
		}
		for path, e := range more {
			meta[path] = append(meta[path], e...)
		}
	}
	return meta
}

// logicalPaths maps the logical IDs of a stack's resources to their construct paths,
// so that a finding about a template resource names the construct that made it.
func logicalPaths(meta map[string][]metadataEntry) map[string]string {
	out := map[string]string{}
	for path, entries := range meta {
		for _, e := range entries {
			if id, ok := e.Data.(string); ok && e.Type == "aws:cdk:logicalId" {
				out[id] = path
			}
		}
	}
	return out
}

// findings lists the error annotations of a stack's metadata and the warnings of the
// cdk-nag packs that ran, each with the construct path it concerns. Suppressed findings
// are not annotated.
func findings(meta map[string][]metadataEntry, s *settings) []string {
	var out []string
	for _, path := range slices.Sorted(maps.Keys(meta)) {
		for _, m := range meta[path] {
			data := fmt.Sprint(m.Data)
			isNag := s.isNagFinding(data)
			if m.Type == "aws:cdk:error" || (isNag && m.Type == "aws:cdk:warning") {
				// cdk-nag's message is the rule ID, a one-line summary and a long
				// explanation; the first sentence is enough to act on.
				if i := strings.Index(data, ". "); isNag && i > 0 {
					data = data[:i+1]
				}
				out = append(out, fmt.Sprintf("%s at %s", data, path))
			}
		}
	}
	return out
}
