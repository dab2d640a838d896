package logsubscription

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/nag"
)

// idRole is the construct ID of the role CloudWatch Logs assumes in the sending account.
const idRole = "Role"

// newSenderRole creates the role CloudWatch Logs assumes in the sending account to
// check that the account may send to destinationArn, a validated destination ARN.
func newSenderRole(scope constructs.Construct, destinationArn string) awsiam.Role {
	stack := awscdk.Stack_Of(scope)
	var l check.List
	dest, _ := check.ParseARN(&l, "", destinationArn, "logs", "destination:")
	recipient := "arn:" + dest.Partition + ":logs:" + dest.Region + ":" + dest.Account + ":*"

	role := awsiam.NewRole(scope, jsii.String(idRole), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("logs.amazonaws.com"), nil).WithConditions(&map[string]interface{}{
			"StringLike": map[string]interface{}{
				"aws:SourceArn": "arn:" + *stack.Partition() + ":logs:" + *stack.Region() + ":" + *stack.Account() + ":*",
			},
		}),
		Description: jsii.String("Lets CloudWatch Logs check that this account may send logs to " + destinationArn),
	})
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("logs:PutLogEvents"),
		Resources: jsii.Strings(recipient),
	}))
	nag.Suppress(role, true, nag.Rule{
		ID:        "AwsSolutions-IAM5",
		Reason:    "CloudWatch Logs documents this permission for organization-wide destinations as logs:PutLogEvents on the recipient account's resources in the destination's region; the destination's own policy decides what it accepts",
		AppliesTo: []string{"Resource::" + recipient},
	})
	return role
}
