package landingzone_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// Where New puts its stacks, a caller can get wrong in ways the CDK would panic at;
// New returns an error instead, naming what is wrong, and leaves the app as it was.
func TestNewRefusesWhereTheCDKWouldPanic(t *testing.T) {
	cfg := validConfig()
	for _, c := range []struct {
		name string
		// setup returns the app to call New on and its options.
		setup func(t *testing.T) (awscdk.App, landingzone.Options)
		want  string
	}{
		{"nil app", func(*testing.T) (awscdk.App, landingzone.Options) { return nil, landingzone.Options{} },
			"landingzone: app: required"},
		{"New twice on one app", func(t *testing.T) (awscdk.App, landingzone.Options) {
			app := lztest.NewApp(t)
			lztest.Do(t, func() {
				if _, err := landingzone.New(app, cfg); err != nil {
					t.Fatal(err)
				}
			})
			return app, landingzone.Options{}
		}, `landingzone: stack "Organization-eu-west-1": the app already holds a construct of that name`},
		{"a stack of that name in the app", func(t *testing.T) (awscdk.App, landingzone.Options) {
			app := lztest.NewApp(t)
			lztest.Do(t, func() { awscdk.NewStack(app, jsii.String("Network-eu-west-1"), nil) })
			return app, landingzone.Options{}
		}, `landingzone: stack "Network-eu-west-1": the app already holds a construct of that name`},
		{"Place returns nil", func(t *testing.T) (awscdk.App, landingzone.Options) {
			return lztest.NewApp(t), landingzone.Options{Place: func(string) constructs.Construct { return nil }}
		}, `landingzone: Options.Place("111111111111"): returned nil`},
		{"Place returns a stack", func(t *testing.T) (awscdk.App, landingzone.Options) {
			app := lztest.NewApp(t)
			var s awscdk.Stack
			lztest.Do(t, func() { s = awscdk.NewStack(app, jsii.String("Outer"), nil) })
			return app, landingzone.Options{Place: func(string) constructs.Construct { return s }}
		}, `landingzone: Options.Place("111111111111") "Outer": is inside a stack`},
		{"Place returns a construct of another app", func(t *testing.T) (awscdk.App, landingzone.Options) {
			other := lztest.NewApp(t)
			var st awscdk.Stage
			lztest.Do(t, func() { st = awscdk.NewStage(other, jsii.String("Elsewhere"), nil) })
			return lztest.NewApp(t), landingzone.Options{Place: func(string) constructs.Construct { return st }}
		}, `landingzone: Options.Place("111111111111") "Elsewhere": is a construct of another app`},
	} {
		t.Run(c.name, func(t *testing.T) {
			app, opts := c.setup(t)
			var before int
			if app != nil {
				before = len(*app.Node().FindAll(constructs.ConstructOrder_PREORDER))
			}
			var err error
			lztest.Do(t, func() { _, err = landingzone.NewWithOptions(app, cfg, opts) })
			if !errors.Is(err, landingzone.ErrInvalidConfig) {
				t.Errorf("error %v is not ErrInvalidConfig", err)
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", err, c.want)
			}
			if app != nil {
				if after := len(*app.Node().FindAll(constructs.ConstructOrder_PREORDER)); after != before {
					t.Errorf("the app holds %d constructs more", after-before)
				}
			}
		})
	}
}
