// Package scopecheck finds, before a constructor calls the CDK, what would make the CDK
// panic about where a construct goes: no scope, no ID, an ID already taken, or a scope
// of the wrong kind. Each constructor of the construct packages starts with Check, so
// that such mistakes come back as errors with the props' own problems.
package scopecheck

import (
	"reflect"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Kind is what a construct needs above it.
type Kind int

const (
	// InStack is a construct of resources: a stack must be among its scopes.
	InStack Kind = iota
	// InStage is a construct that creates stacks: its scope is an App or a Stage, or a
	// construct under one but outside any stack, since a stack inside a stack is
	// synthesized as if it were not.
	InStage
)

// validator is the props' own check, which needs no scope.
type validator interface{ Validate() error }

// Check returns an error naming pkg that lists the problems of creating a construct of
// kind with id under scope, together with every problem of props, or nil when the
// scope and ID are fine (props are then the constructor's to check, as it always did).
func Check(pkg string, scope constructs.Construct, id string, kind Kind, props validator) error {
	var l check.List
	Problems(&l, scope, id, kind)
	if l.Len() == 0 {
		return nil
	}
	if props != nil {
		l.Merge("", props.Validate())
	}
	return l.Err(pkg)
}

// Problems records in l what is wrong with creating a construct of kind with id under
// scope.
func Problems(l *check.List, scope constructs.Construct, id string, kind Kind) {
	if id == "" {
		l.Addf("id", id, "required: every construct needs an ID unique among its siblings")
	}
	if isNil(scope) {
		l.Addf("scope", nil, "required: the construct, stack or app to create the construct in")
		return
	}
	if id != "" && scope.Node().TryFindChild(jsii.String(id)) != nil {
		l.Addf("id", id, "already taken in %s: construct IDs are unique among the children of one scope", path(scope))
	}
	// Walk up from scope: most constructs go straight into a stack, which the first
	// check finds (Node().Scopes() would cost a jsii object per level).
	inStack := false
	for c := constructs.IConstruct(scope); c != nil; c = c.Node().Scope() {
		if *awscdk.Stack_IsStack(c) {
			inStack = true
			break
		}
	}
	switch {
	case kind == InStack && !inStack:
		l.Addf("scope", path(scope), "not inside a stack: create the construct in an awscdk.Stack (or a construct under one), not in the app")
	case kind == InStage && inStack:
		l.Addf("scope", path(scope), "inside a stack: this construct creates stacks of its own, so its scope is the app, a stage or a construct outside any stack")
	}
}

// path names scope in messages: its construct path, or "the app" for the root.
func path(scope constructs.Construct) string {
	if p := *scope.Node().Path(); p != "" {
		return p
	}
	return "the app"
}

// isNil reports whether c is nil, including a nil pointer in the interface, which jsii
// would dereference.
func isNil(c constructs.Construct) bool {
	if c == nil {
		return true
	}
	v := reflect.ValueOf(c)
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice, reflect.Func:
		return v.IsNil()
	}
	return false
}

// OnePerStack records a problem at field when the stack of scope holds a construct
// that Claim marked with kind, such as a resource AWS allows once per account and
// region (the account's subscription filter policy, the Config recorder). Stacks of
// one environment are one per account and region in a landing zone, so the check
// stops at the stack.
func OnePerStack(l *check.List, field string, scope constructs.Construct, kind, why string) {
	if awscdk.Stack_Of(scope).Node().TryFindChild(jsii.String(marker(kind))) != nil {
		l.Addf(field, nil, "a second %s in the stack: %s", kind, why)
	}
}

// Claim marks the stack of scope as holding a construct of kind, for OnePerStack. The
// mark is a construct without resources: it adds nothing to the template.
func Claim(scope constructs.Construct, kind string) {
	constructs.NewConstruct(awscdk.Stack_Of(scope), jsii.String(marker(kind)))
}

func marker(kind string) string { return "LandingZoneOnePerStack-" + kind }
