package identity

import (
	"regexp"
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/go-landingzone/landingzone/internal/nag"
)

// suppressManagedPolicies records why a role attaches the AWS managed policies names
// (with their paths): reason says what they grant and why the AWS-maintained version
// is the right one.
func suppressManagedPolicies(c constructs.IConstruct, names []string, reason string) {
	if len(names) == 0 {
		return
	}
	applies := make([]string, len(names))
	for i, n := range names {
		applies[i] = "Policy::arn:<AWS::Partition>:iam::aws:policy/" + n
	}
	nag.Suppress(c, true, nag.Rule{ID: "AwsSolutions-IAM4", Reason: reason, AppliesTo: applies})
}

// policyVariable matches an IAM policy variable, which cdk-nag shows as "<aws:userid>".
var policyVariable = regexp.MustCompile(`\$\{([^}]+)\}`)

// suppressWildcards records why the wildcards of statements are intended, naming each
// wildcard action and resource as cdk-nag reports it.
func suppressWildcards(c constructs.IConstruct, statements []statement, reason string) {
	var applies []string
	for _, s := range statements {
		for _, a := range s.actions {
			if strings.Contains(a, "*") {
				applies = append(applies, "Action::"+a)
			}
		}
		for _, r := range s.resources {
			if strings.Contains(r, "*") {
				applies = append(applies, "Resource::"+policyVariable.ReplaceAllString(r, "<$1>"))
			}
		}
	}
	slices.Sort(applies)
	applies = slices.Compact(applies)
	if len(applies) > 0 {
		nag.Suppress(c, true, nag.Rule{ID: "AwsSolutions-IAM5", Reason: reason, AppliesTo: applies})
	}
}

// rolePartition is the partition to write into the ARNs of a role's inline policy, and
// the same partition as cdk-nag shows it in findings: a deploy-time token in an
// environment-agnostic stack.
func rolePartition(scope constructs.IConstruct) (value, shown string) {
	p := awscdk.Stack_Of(scope).Partition()
	if *awscdk.Token_IsUnresolved(p) {
		return *p, "<AWS::Partition>"
	}
	return *p, *p
}
