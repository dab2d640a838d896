package configrules

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// idIsHomeRegion is the construct ID of the condition an environment-agnostic stack
// decides the home region with.
const idIsHomeRegion = "IsHomeRegion"

// homeRegion says whether the stack deploys to the home region: known at synthesis
// when the stack has a region, decided by a CloudFormation condition when it has none
// (a StackSet template deployed to many regions).
type homeRegion struct {
	// is holds the answer when cond is nil.
	is   bool
	cond awscdk.CfnCondition
}

func newHomeRegion(scope constructs.Construct, home string) homeRegion {
	region := awscdk.Stack_Of(scope).Region()
	if !*awscdk.Token_IsUnresolved(region) {
		return homeRegion{is: *region == home}
	}
	return homeRegion{cond: awscdk.NewCfnCondition(scope, jsii.String(idIsHomeRegion), &awscdk.CfnConditionProps{
		Expression: awscdk.Fn_ConditionEquals(awscdk.Aws_REGION(), jsii.String(home)),
	})}
}

// value is true in the home region and false elsewhere, as a property value.
func (h homeRegion) value() interface{} {
	if h.cond == nil {
		return h.is
	}
	return awscdk.Fn_ConditionIf(h.cond.LogicalId(), true, false)
}

// possible reports whether the stack may deploy to the home region.
func (h homeRegion) possible() bool { return h.cond != nil || h.is }

// restrict makes the resource of c exist in the home region only, where that is
// decided at deploy time.
func (h homeRegion) restrict(c constructs.IConstruct) {
	if h.cond != nil {
		c.Node().DefaultChild().(awscdk.CfnResource).CfnOptions().SetCondition(h.cond)
	}
}
