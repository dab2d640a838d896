// Package stackenv reads what a construct can know of its stack's environment at
// synthesis time, for names and ARNs that other accounts must be able to predict.
package stackenv

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/regioninfo"
	"github.com/aws/jsii-runtime-go"
)

// Env is a stack's account, region and partition.
type Env struct {
	// Account and Region are empty when they are deploy-time tokens (an
	// environment-agnostic stack).
	Account, Region string
	// Partition is a literal ("aws", "aws-cn"...) for a region the CDK's region table
	// knows; otherwise the stack's partition, which may be a token.
	Partition string
}

// Of reads stack's environment.
func Of(stack awscdk.Stack) Env {
	var e Env
	if a := stack.Account(); !*awscdk.Token_IsUnresolved(a) {
		e.Account = *a
	}
	if r := stack.Region(); !*awscdk.Token_IsUnresolved(r) {
		e.Region = *r
	}
	e.Partition = *stack.Partition()
	if e.Region != "" {
		if p := regioninfo.RegionInfo_Get(jsii.String(e.Region)).Partition(); p != nil {
			e.Partition = *p
		}
	}
	return e
}

// Concrete reports whether both the account and the region are known.
func (e Env) Concrete() bool { return e.Account != "" && e.Region != "" }
