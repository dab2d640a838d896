package check_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// unavailable finds, by synthesizing one resource of each type in each known region
// through the CDK's own template validation (rule F3006), the regions where
// CloudFormation lacks each type.
func unavailable(t *testing.T, types []string) map[string][]string {
	t.Helper()
	var reports [][]byte
	// The validation stops at the first stack that fails: one app per region.
	for i, r := range check.KnownRegions() {
		outdir := t.TempDir()
		func() {
			defer func() {
				// Synthesis fails by design here: the report below says why.
				_ = recover()
			}()
			ctx := map[string]any{"@aws-cdk/core:validateAgainstDefaultRules": true}
			app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(outdir), Context: &ctx})
			s := awscdk.NewStack(app, jsii.String(fmt.Sprintf("S%d", i)), &awscdk.StackProps{Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String(r)}})
			for j, typ := range types {
				awscdk.NewCfnResource(s, jsii.String(fmt.Sprintf("R%d", j)), &awscdk.CfnResourceProps{Type: jsii.String(typ)})
			}
			app.Synth(nil)
		}()
		if raw, err := os.ReadFile(filepath.Join(outdir, "validation-report.json")); err == nil {
			reports = append(reports, raw)
		}
	}
	missing := regexp.MustCompile(`Resource type '([A-Za-z0-9:]+)' does not exist in '([a-z0-9-]+)'`)
	out := map[string][]string{}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case string:
			if m := missing.FindStringSubmatch(x); m != nil && !slices.Contains(out[m[1]], m[2]) {
				out[m[1]] = append(out[m[1]], m[2])
			}
		}
	}
	for _, raw := range reports {
		var report any
		if err := json.Unmarshal(raw, &report); err != nil {
			t.Fatal(err)
		}
		walk(report)
	}
	for _, v := range out {
		sort.Strings(v)
	}
	return out
}

// The regions ResourceTypeRegion refuses are those where the CDK's template
// validation finds no such resource type.
func TestResourceTypeRegionsAreTheCDKs(t *testing.T) {
	types := check.RegionalResourceTypes()
	got := unavailable(t, types)
	for _, typ := range types {
		var want []string
		for _, r := range check.KnownRegions() {
			if !check.ResourceTypeAvailable(typ, r) {
				want = append(want, r)
			}
		}
		if !slices.Equal(got[typ], want) {
			t.Errorf("%s: the CDK's validation finds it missing in\n%q\nthe table says\n%q", typ, got[typ], want)
		}
	}
}
