package lztest

import (
	"os"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/go-landingzone/landingzone/landingzonetest"
)

// The test environment and the stack name of SynthStack, as in landingzonetest.
const (
	Account   = landingzonetest.Account
	Region    = landingzonetest.Region
	StackName = landingzonetest.StackName
)

// Template and Assembly are landingzonetest's.
type (
	Template = landingzonetest.Template
	Assembly = landingzonetest.Assembly
)

// The functions below are landingzonetest's, under the names the repository's tests
// have always used; see that package for each one's contract.

// Main is landingzonetest.Main.
func Main(m *testing.M) { landingzonetest.Main(m) }

// Do is landingzonetest.Do.
func Do(t testing.TB, fn func()) { t.Helper(); landingzonetest.Do(t, fn) }

// Env is landingzonetest.Env.
func Env() *awscdk.Environment { return landingzonetest.Env() }

// Zones is landingzonetest.Zones of the test region.
func Zones() []string { return landingzonetest.Zones(Region) }

// NewApp is landingzonetest.NewApp.
func NewApp(t testing.TB) awscdk.App { t.Helper(); return landingzonetest.NewApp(t) }

// NewStack is landingzonetest.NewStack.
func NewStack(t testing.TB) awscdk.Stack { t.Helper(); return landingzonetest.NewStack(t) }

// SynthStack is landingzonetest.SynthStack with the default gates.
func SynthStack(t testing.TB, build func(stack awscdk.Stack)) *Template {
	t.Helper()
	return landingzonetest.SynthStack(t, build)
}

// Synth is landingzonetest.Synth with the default gates.
func Synth(t testing.TB, build func(app awscdk.App)) *Assembly {
	t.Helper()
	return landingzonetest.Synth(t, build)
}

// Golden is landingzonetest.Golden.
func Golden(t testing.TB, tpl *Template) { t.Helper(); landingzonetest.Golden(t, tpl) }

// GoldenNamed is landingzonetest.GoldenNamed.
func GoldenNamed(t testing.TB, name string, tpl *Template) {
	t.Helper()
	landingzonetest.GoldenNamed(t, name, tpl)
}

// GoldenText is landingzonetest.GoldenText.
func GoldenText(t testing.TB, name string, got []byte) {
	t.Helper()
	landingzonetest.GoldenText(t, name, got)
}

// TextDiff is landingzonetest.TextDiff.
func TextDiff(wantName, gotName string, want, got []byte) string {
	return landingzonetest.TextDiff(wantName, gotName, want, got)
}

// JSONEqual is landingzonetest.JSONEqual.
func JSONEqual(got any, want string) bool { return landingzonetest.JSONEqual(got, want) }

// Suppress is landingzonetest.Suppress.
func Suppress(t testing.TB, c constructs.IConstruct, id, reason string) {
	t.Helper()
	landingzonetest.Suppress(t, c, id, reason)
}

// SuppressControl is landingzonetest.SuppressControl.
func SuppressControl(t testing.TB, c constructs.IConstruct, id, reason string) {
	t.Helper()
	landingzonetest.SuppressControl(t, c, id, reason)
}

// ExpectNoResources is landingzonetest.ExpectNoResources.
func ExpectNoResources(t testing.TB, scope constructs.IConstruct) {
	t.Helper()
	landingzonetest.ExpectNoResources(t, scope)
}

// SynthDir builds an app with build and synthesizes it without the gates, for tests
// that read the cloud assembly as the CDK CLI would (the gates run in the tests that
// check the templates themselves). It returns the assembly's directory, removed when
// the test ends; an error from build or the CDK fails the test.
func SynthDir(t testing.TB, build func(app awscdk.App) error) string {
	t.Helper()
	app := NewApp(t)
	var err error
	var dir string
	Do(t, func() {
		if err = build(app); err == nil {
			dir = *app.Synth(nil).Directory()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
