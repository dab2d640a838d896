package lztest

import (
	"strings"
	"testing"
)

// AssertStackSetSafe fails the test when the template could not be rolled out by
// CloudFormation StackSets to accounts that were never bootstrapped: it must hold no
// custom resource (their handlers are assets) and reference no asset in a CDK
// bootstrap bucket.
func AssertStackSetSafe(t testing.TB, name string, tpl *Template) {
	t.Helper()
	resources, _ := tpl.JSON["Resources"].(map[string]any)
	for id, r := range resources {
		typ, _ := r.(map[string]any)["Type"].(string)
		if strings.HasPrefix(typ, "Custom::") || typ == "AWS::CloudFormation::CustomResource" || typ == "AWS::Lambda::Function" {
			t.Errorf("%s: resource %s of type %s needs an asset or a custom-resource handler", name, id, typ)
		}
	}
	if strings.Contains(string(tpl.raw), "cdk-hnb659fds-assets") {
		t.Errorf("%s: the template references the CDK bootstrap assets bucket", name)
	}
}
