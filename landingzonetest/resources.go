package landingzonetest

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
)

// ExpectNoResources asserts that nothing under scope is a CloudFormation resource: a
// construct that adopts existing resources by name must create none. It needs no
// synthesis, which would refuse a stack without resources.
func ExpectNoResources(t testing.TB, scope constructs.IConstruct) {
	t.Helper()
	for _, c := range *scope.Node().FindAll(constructs.ConstructOrder_PREORDER) {
		if *awscdk.CfnResource_IsCfnResource(c) {
			t.Errorf("%s is a %s resource; want none under %s", *c.Node().Path(), *c.(awscdk.CfnResource).CfnResourceType(), *scope.Node().Path())
		}
	}
}
