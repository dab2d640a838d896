package lztest

import (
	"regexp"
	"strings"
	"testing"
)

// AssertStackSetSafe fails the test when the template could not be rolled out by
// CloudFormation StackSets to accounts that were never bootstrapped: it must hold no
// custom resource (their handlers are assets) and reference no asset in a CDK
// bootstrap bucket. Whether the stack checks the bootstrap version is a matter of its
// synthesizer, which AssertNoBootstrapCheck tests.
func AssertStackSetSafe(t testing.TB, name string, tpl *Template) {
	t.Helper()
	resources, _ := tpl.JSON["Resources"].(map[string]any)
	for id, r := range resources {
		typ, _ := r.(map[string]any)["Type"].(string)
		if strings.HasPrefix(typ, "Custom::") || typ == "AWS::CloudFormation::CustomResource" || typ == "AWS::Lambda::Function" {
			t.Errorf("%s: resource %s of type %s needs an asset or a custom-resource handler", name, id, typ)
		}
	}
	if m := bootstrapAssets.Find(tpl.Bytes()); m != nil {
		t.Errorf("%s: the template references the CDK bootstrap assets bucket %s", name, m)
	}
}

// bootstrapAssets matches the staging bucket of a CDK bootstrap of any qualifier,
// "cdk-<qualifier>-assets-<account>-<region>".
var bootstrapAssets = regexp.MustCompile(`cdk-[a-z0-9]{1,10}-assets-`)

// AssertNoBootstrapCheck fails the test when the template reads the CDK bootstrap
// stack's version, an SSM parameter that exists only in bootstrapped accounts: a
// StackSet deploying it to an unbootstrapped account would fail.
func AssertNoBootstrapCheck(t testing.TB, name string, tpl *Template) {
	t.Helper()
	if params, _ := tpl.JSON["Parameters"].(map[string]any); params["BootstrapVersion"] != nil {
		t.Errorf("%s: the template reads the CDK bootstrap version parameter", name)
	}
	if rules, _ := tpl.JSON["Rules"].(map[string]any); rules["CheckBootstrapVersion"] != nil {
		t.Errorf("%s: the template checks the CDK bootstrap version", name)
	}
}
