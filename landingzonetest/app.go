package landingzonetest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"
)

// The environment every test stack is synthesized for: the account ID the AWS
// documentation uses, and one fixed region, so that templates do not depend on the
// machine that runs the tests.
const (
	Account = "123456789012"
	Region  = "eu-west-1"
)

// StackName is the name of the stack that SynthStack builds.
const StackName = "Test"

// Zones returns the Availability Zones that NewApp caches for region, as a CDK lookup
// would: <region>a, b and c. Tests never make the AWS call.
func Zones(region string) []string { return []string{region + "a", region + "b", region + "c"} }

// Env returns the pinned test environment: Account in Region.
func Env() *awscdk.Environment {
	return &awscdk.Environment{Account: jsii.String(Account), Region: jsii.String(Region)}
}

// NewApp returns an app whose context is that of the cdk.json and cdk.context.json at
// the root of the module under test (the directory of go.mod), so that tests use the
// same feature flags and cached lookups as `cdk synth`, plus the zones of the test
// environment (or of WithEnvironment's), with version reporting off (it would put the
// CDK version into every template). Without a cdk.json it fails the test.
func NewApp(t testing.TB, opts ...Option) awscdk.App {
	t.Helper()
	s := resolve(opts)
	ctx, err := repoContext()
	if err != nil {
		t.Fatalf("landingzonetest: %v", err)
	}
	ctx["aws:cdk:version-reporting"] = false
	ctx["availability-zones:account="+Account+":region="+Region] = Zones(Region)
	ctx["availability-zones:account="+s.account+":region="+s.region] = Zones(s.region)
	var app awscdk.App
	Do(t, func() { app = awscdk.NewApp(&awscdk.AppProps{Context: &ctx}) })
	return app
}

// NewStack returns a stack named StackName in a new app, in the test environment (or
// WithEnvironment's), for tests that need no synthesis, such as bad-input tests.
func NewStack(t testing.TB, opts ...Option) awscdk.Stack {
	t.Helper()
	app := NewApp(t, opts...)
	env := resolve(opts).env()
	var s awscdk.Stack
	Do(t, func() { s = awscdk.NewStack(app, jsii.String(StackName), &awscdk.StackProps{Env: env}) })
	return s
}

var (
	contextOnce sync.Once
	contextJSON [][]byte
	contextErr  error
)

// repoContext reads the "context" of cdk.json and the cached lookups of
// cdk.context.json in the app's directory: the nearest directory, from the working
// directory (the package under test) up to the module root, that holds a cdk.json. Each
// call returns a fresh map so that callers may add to it.
func repoContext() (map[string]interface{}, error) {
	contextOnce.Do(func() {
		root, err := findUp("cdk.json", true)
		if err != nil {
			contextErr = err
			return
		}
		var cdk struct {
			Context json.RawMessage `json:"context"`
		}
		b, err := os.ReadFile(filepath.Join(root, "cdk.json"))
		if err == nil {
			err = json.Unmarshal(b, &cdk)
		}
		if err != nil {
			contextErr = fmt.Errorf("reading cdk.json: %w", err)
			return
		}
		contextJSON = [][]byte{cdk.Context}
		cached, err := os.ReadFile(filepath.Join(root, "cdk.context.json"))
		switch {
		case err == nil:
			contextJSON = append(contextJSON, cached)
		case !os.IsNotExist(err):
			contextErr = err
		}
	})
	if contextErr != nil {
		return nil, contextErr
	}
	ctx := map[string]interface{}{}
	for _, raw := range contextJSON {
		if len(raw) > 0 {
			if err := json.Unmarshal(raw, &ctx); err != nil {
				return nil, fmt.Errorf("cdk.json or cdk.context.json: %w", err)
			}
		}
	}
	return ctx, nil
}

// findUp returns the nearest directory, from the working directory up, that holds rel.
// With inModule the search stops at the module root, the directory of go.mod: an app's
// cdk.json belongs to its module. Without it, the search goes on to the file system's
// root, as Node's resolution of node_modules does.
func findUp(rel string, inModule bool) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, rel)); err == nil {
			return dir, nil
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && inModule {
			return "", fmt.Errorf("no %s between the working directory and the module root %s", rel, dir)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no %s in the working directory or above", rel)
		}
		dir = parent
	}
}

// Do runs fn and turns a panic, which is how the CDK reports errors in Go, into
// t.Fatalf with the panic's message.
func Do(t testing.TB, fn func()) {
	t.Helper()
	if msg, panicked := recovered(fn); panicked {
		t.Fatalf("CDK error: %s", msg)
	}
}

// recovered runs fn and reports the message of a panic it raised.
func recovered(fn func()) (msg string, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			msg, panicked = fmt.Sprint(r), true
		}
	}()
	fn()
	return "", false
}
