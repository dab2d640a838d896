package scpsim_test

import (
	"fmt"

	"github.com/go-landingzone/landingzone/constructs/organization"
	"github.com/go-landingzone/landingzone/constructs/organization/scpsim"
)

// A guardrail that denies stopping CloudTrail to everyone but the deploy role, at the
// root of an organization with one OU above the account.
func ExampleEvaluate() {
	guard := scpsim.Policy{Name: "protect-trail", Document: organization.Document{
		Version: "2012-10-17",
		Statement: []organization.Statement{{
			Sid: "ProtectCloudTrail", Effect: "Deny",
			Action:    organization.Values{"cloudtrail:StopLogging"},
			Resource:  organization.Values{"*"},
			Condition: organization.Conditions{"ArnNotLike": {"aws:PrincipalArn": {"arn:aws:iam::*:role/cdk-lzadmin-*"}}},
		}},
	}}
	levels := []scpsim.Level{
		{Name: "root", Policies: []scpsim.Policy{scpsim.FullAWSAccess(), guard}},
		{Name: "OU Workloads", Policies: []scpsim.Policy{scpsim.FullAWSAccess()}},
		{Name: "account", Policies: []scpsim.Policy{scpsim.FullAWSAccess()}},
	}
	for _, principal := range []string{
		"arn:aws:iam::666666666666:role/Admin",
		"arn:aws:iam::666666666666:role/cdk-lzadmin-cfn-exec-role-666666666666-eu-west-1",
	} {
		d, err := scpsim.Evaluate(levels, scpsim.Request{Principal: principal, Action: "cloudtrail:StopLogging", Region: "eu-west-1"})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(d)
	}
	// Output:
	// denied by protect-trail statement ProtectCloudTrail at root
	// allowed
}
