package landingzone

import (
	"reflect"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// checkPlacement finds, before any stack is added, what would make the CDK panic
// about where the stacks go: no app, an Options.Place that returns nil, a construct
// inside a stack or of another app, and a stack name that the scope already holds,
// as when New runs twice on one app.
func checkPlacement(app awscdk.App, cfg Config, opts Options) error {
	var l check.List
	if v := reflect.ValueOf(app); app == nil || (v.Kind() == reflect.Pointer && v.IsNil()) {
		l.Addf("app", nil, "required: the awscdk.App to add the landing zone's stacks to")
		return l.Err("landingzone")
	}
	taken := func(field string, scope constructs.Construct, name string) {
		if scope.Node().TryFindChild(jsii.String(name)) != nil {
			where := *scope.Node().Path()
			if where == "" {
				where = "the app"
			}
			l.Addf(field, name, "%s already holds a construct of that name: New adds the landing zone's stacks once per app, beside no other stack of the same name", where)
		}
	}
	if cfg.Deployment.Pipeline != nil {
		// The stages are the pipeline's to check; the pipeline stack goes in the app.
		taken("stack", app, "Pipeline-"+cfg.pipelineRegion())
		return l.Err("landingzone")
	}
	scopes := map[string]constructs.Construct{}
	bad := map[string]bool{}
	for _, s := range cfg.Stacks() {
		scope, seen := scopes[s.Account]
		if !seen {
			scope = app
			if opts.Place != nil {
				scope = opts.Place(s.Account)
				bad[s.Account] = !placeable(&l, app, scope, s.Account)
			}
			scopes[s.Account] = scope
		}
		if !bad[s.Account] {
			taken("stack", scope, s.Name)
		}
	}
	return l.Err("landingzone")
}

// placeable records a problem and reports false unless scope, which Options.Place
// returned for account, can hold stacks of app.
func placeable(l *check.List, app awscdk.App, scope constructs.Construct, account string) bool {
	field := "Options.Place(" + check.FormatValue(account) + ")"
	if v := reflect.ValueOf(scope); scope == nil || (v.Kind() == reflect.Pointer && v.IsNil()) {
		l.Addf(field, nil, "returned nil: return the app, or a stage or construct in it")
		return false
	}
	scopes := *scope.Node().Scopes()
	if root := scopes[0]; root != constructs.IConstruct(app) {
		l.Addf(field, *scope.Node().Path(), "is a construct of another app: return one in the app passed to New")
		return false
	}
	for _, s := range scopes {
		if *awscdk.Stack_IsStack(s) {
			l.Addf(field, *scope.Node().Path(), "is inside a stack: stacks go in the app, a stage or a construct outside any stack")
			return false
		}
	}
	return true
}
