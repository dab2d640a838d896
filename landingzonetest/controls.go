package landingzonetest

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aws/constructs-go/constructs/v10"

	"github.com/go-landingzone/landingzone/internal/controls"
	"github.com/go-landingzone/landingzone/internal/nag"
)

var (
	guardOnce sync.Once
	guard     *controls.Guard
	guardErr  error
)

// loadGuard finds the Control Tower rules and cfn-guard once per test binary, in the
// nearest node_modules that has the package, from the working directory up.
func loadGuard() (*controls.Guard, error) {
	guardOnce.Do(func() {
		root, err := findUp(controls.PackageDir, false)
		if err != nil {
			root, _ = os.Getwd() // Load then says how to install the package
		}
		guard, guardErr = controls.Load(root)
	})
	return guard, guardErr
}

// checkControls is the Control Tower gate: it runs the proactive controls over the
// templates of one synthesis in a single cfn-guard call and fails the test on every
// failing control that the resource does not suppress with a reason. When cfn-guard is
// not installed, the test fails if the environment variable CI is set (a gate that
// silently skipped there would guard nothing) and is skipped otherwise.
func checkControls(t testing.TB, asm *Assembly) {
	t.Helper()
	g, err := loadGuard()
	if err != nil {
		if errors.Is(err, controls.ErrNotInstalled) && os.Getenv("CI") == "" {
			t.Skipf("landingzonetest: Control Tower gate: %v", err)
		}
		t.Fatalf("landingzonetest: Control Tower gate: %v", err)
	}
	byFile := map[string]string{}
	files := make([]string, 0, len(asm.Templates))
	for _, id := range asm.StackIDs() {
		path := asm.Templates[id].path
		byFile[path] = id
		files = append(files, path)
	}
	findings, err := g.Check(files)
	if err != nil {
		t.Fatalf("landingzonetest: Control Tower gate: %v", err)
	}
	for _, f := range findings {
		id := byFile[f.File]
		if id == "" {
			id = filepath.Base(f.File)
		}
		tpl := asm.Templates[id]
		if f.Resource != "" && tpl != nil {
			resources, _ := tpl.JSON["Resources"].(map[string]any)
			res, _ := resources[f.Resource].(map[string]any)
			meta, _ := res["Metadata"].(map[string]any)
			reason, err := controls.Suppressed(meta, f.Control)
			if err != nil {
				t.Errorf("%s: %s: %v", id, f.Resource, err)
				continue
			}
			if reason != "" {
				continue
			}
			if path := tpl.paths[f.Resource]; path != "" {
				t.Errorf("%s: %s at %s", id, f, path)
				continue
			}
		}
		t.Errorf("%s: %s", id, f)
	}
}

// SuppressControl exempts c and its children from the Control Tower control id
// ("CT.EC2.PR.9") for a test that builds something deliberately outside the secure
// defaults. It fails the test when reason is shorter than controls.MinReasonLength.
func SuppressControl(t testing.TB, c constructs.IConstruct, id, reason string) {
	t.Helper()
	if err := (controls.Suppression{ID: id, Reason: reason}).Validate(); err != nil {
		t.Fatalf("landingzonetest: %v", err)
	}
	Do(t, func() { nag.SuppressControls(c, true, nag.Rule{ID: id, Reason: reason}) })
}
