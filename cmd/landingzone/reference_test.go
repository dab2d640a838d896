package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// referenceConfig is the reference landing zone's configuration file.
const referenceConfig = "../../examples/multi-account/landingzone.yaml"

// The reference landing zone, synthesized as `make synth` does (with the repository's
// cdk.json and cached lookups, so offline), passes every gate: the Control Tower
// controls, the quotas, the imports and, with its configuration, its own guardrails.
// Its stacks are in the nested assemblies of the pipeline's stages.
func TestCheckReferenceIsClean(t *testing.T) {
	start := time.Now()
	dir := synthReference(t)
	t.Logf("synthesis: %v", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	r := runCmd("check", dir)
	t.Logf("check: %v", time.Since(start).Round(time.Millisecond))
	want := dir + ": clean: 17 stacks passed quotas, controls, imports\n"
	if r.code != 0 || r.stdout != want {
		t.Errorf("exit %d, stdout:\n%s\nstderr: %s\nwant exit 0 and %q", r.code, r.stdout, r.stderr, want)
	}

	start = time.Now()
	// The controls passed above; the second run spares their 20 s.
	r = runCmd("check", "-controls=false", "-config", referenceConfig, "-format", "json", dir)
	t.Logf("check -config: %v", time.Since(start).Round(time.Millisecond))
	var rep Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("-config: %v\nstderr: %s", err, r.stderr)
	}
	if r.code != 0 || len(rep.Findings) != 0 || strings.Join(rep.Gates, " ") != "quotas imports guardrails" {
		t.Errorf("-config: exit %d, gates %v, findings:\n%+v\nstderr: %s", r.code, rep.Gates, rep.Findings, r.stderr)
	}
	// The gate evaluated something: every stack outside the management account has
	// a deploy role, and most have roles of their own.
	if g := rep.Guardrails; g == nil || g.Roles < 10 || g.Requests <= g.Roles {
		t.Errorf("-config: the guardrails gate evaluated %+v", g)
	} else {
		t.Logf("guardrails: %d roles, %d requests, %d AWS managed policies not read", g.Roles, g.Requests, g.ManagedPoliciesNotRead)
	}
}

// synthReference synthesizes the reference landing zone into a directory removed
// when the test ends, and returns the directory.
func synthReference(t *testing.T) string {
	t.Helper()
	cfg, err := landingzone.LoadConfig(referenceConfig)
	if err != nil {
		t.Fatal(err)
	}
	dir := lztest.SynthDir(t, func(app awscdk.App) error {
		_, err := landingzone.New(app, cfg)
		return err
	})
	if !strings.HasPrefix(dir, os.TempDir()) {
		t.Fatalf("the assembly went to %s, not under the temporary directory", dir)
	}
	return dir
}
