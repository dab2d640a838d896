package landingzonetest

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/cfnlimits"
)

// Template is one synthesized stack's template. Its assertion methods report a mismatch
// with t.Errorf, so that one test shows every property that is wrong.
type Template struct {
	t   testing.TB
	cdk assertions.Template
	raw []byte
	// path is the template's file in the cloud assembly, for the Control Tower gate.
	path string
	// paths maps logical IDs to construct paths, for the messages of the gates.
	paths map[string]string
	// JSON is the parsed template, for checks that are simpler in Go than as matchers.
	JSON map[string]any
	// Stats is the template's size against the CloudFormation quotas.
	Stats cfnlimits.Stats
	// StackName, Account and Region are where the stack deploys; Account and Region are
	// "unknown-account" and "unknown-region" for an environment-agnostic stack.
	StackName, Account, Region string
}

// CDK returns the CDK assertions template, for matchers this type does not wrap.
func (x *Template) CDK() assertions.Template { return x.cdk }

// Bytes returns the template as the CDK wrote it.
func (x *Template) Bytes() []byte { return x.raw }

// assert runs a CDK assertion and reports its failure message as a test error.
func (x *Template) assert(fn func()) {
	x.t.Helper()
	if msg, failed := recovered(fn); failed {
		x.t.Errorf("%s", msg)
	}
}

// HasResourceProperties asserts that a resource of type typ has at least props.
func (x *Template) HasResourceProperties(typ string, props any) {
	x.t.Helper()
	x.assert(func() { x.cdk.HasResourceProperties(jsii.String(typ), props) })
}

// HasResource asserts that a resource of type typ matches props at the resource level
// (Properties, DeletionPolicy, DependsOn...).
func (x *Template) HasResource(typ string, props any) {
	x.t.Helper()
	x.assert(func() { x.cdk.HasResource(jsii.String(typ), props) })
}

// AllResourcesProperties asserts that every resource of type typ has at least props.
func (x *Template) AllResourcesProperties(typ string, props any) {
	x.t.Helper()
	x.assert(func() { x.cdk.AllResourcesProperties(jsii.String(typ), props) })
}

// ResourceCountIs asserts that the template has exactly n resources of type typ.
func (x *Template) ResourceCountIs(typ string, n int) {
	x.t.Helper()
	x.assert(func() { x.cdk.ResourceCountIs(jsii.String(typ), jsii.Number(n)) })
}

// Resources returns the resources of type typ by logical ID, as parsed JSON.
func (x *Template) Resources(typ string) map[string]map[string]any {
	out := map[string]map[string]any{}
	resources, _ := x.JSON["Resources"].(map[string]any)
	for id, r := range resources {
		res, _ := r.(map[string]any)
		if res["Type"] == typ {
			out[id] = res
		}
	}
	return out
}

// Properties returns the Properties of the resources of type typ by logical ID.
func (x *Template) Properties(typ string) map[string]map[string]any {
	out := map[string]map[string]any{}
	for id, r := range x.Resources(typ) {
		props, _ := r["Properties"].(map[string]any)
		out[id] = props
	}
	return out
}

// ResourcePropertiesCountIs asserts that exactly n resources of type typ have at least
// props.
func (x *Template) ResourcePropertiesCountIs(typ string, props any, n int) {
	x.t.Helper()
	x.assert(func() { x.cdk.ResourcePropertiesCountIs(jsii.String(typ), props, jsii.Number(n)) })
}

// AllResources asserts that every resource of type typ matches props at the resource
// level.
func (x *Template) AllResources(typ string, props any) {
	x.t.Helper()
	x.assert(func() { x.cdk.AllResources(jsii.String(typ), props) })
}
