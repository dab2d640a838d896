// Package secure builds the encrypted building blocks that every landingzone construct
// shares: customer-managed KMS keys with rotation, and CloudWatch log groups encrypted
// with such a key and kept at least a year.
package secure

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// KeyPendingWindowDays is how long a key scheduled for deletion can still be recovered.
// The maximum AWS allows, because a deleted log key makes its logs unreadable.
const KeyPendingWindowDays = 30

// NewKey returns a symmetric customer-managed key with yearly automatic rotation that is
// retained when its stack is deleted, and whose policy lets only AWS services create
// grants on it (DenyDirectGrants).
func NewKey(scope constructs.Construct, id, description string) awskms.Key {
	key := awskms.NewKey(scope, jsii.String(id), &awskms.KeyProps{
		Description:       jsii.String(description),
		EnableKeyRotation: jsii.Bool(true),
		PendingWindow:     awscdk.Duration_Days(jsii.Number(KeyPendingWindowDays)),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
	})
	DenyDirectGrants(key)
	return key
}

// DenyDirectGrants adds to key's policy the statement that denies kms:CreateGrant to
// every principal unless an AWS service creates the grant, for a resource it manages
// (kms:GrantIsForAWSResource) or as itself (aws:PrincipalIsAWSService). A grant gives
// its grantee the use of a key outside the key policy, so a principal allowed to create
// grants could pass the key to anyone; services that encrypt on a caller's behalf
// (EBS, CloudWatch Logs, Firehose) still create theirs. It is the statement that AWS
// Control Tower's proactive control CT.KMS.PR.3 requires
// (https://docs.aws.amazon.com/controltower/latest/controlreference/kms-rules.html),
// with the condition keys of
// https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-grant-is-for-aws-resource.
func DenyDirectGrants(key awskms.IKey) {
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String(DenyDirectGrantsSid),
		Effect:     awsiam.Effect_DENY,
		Principals: &[]awsiam.IPrincipal{awsiam.NewAnyPrincipal()},
		Actions:    jsii.Strings("kms:CreateGrant"),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]interface{}{
			"BoolIfExists": map[string]interface{}{
				"kms:GrantIsForAWSResource": "false",
				"aws:PrincipalIsAWSService": "false",
			},
		},
	}), nil)
}

// DenyDirectGrantsSid names the statement of DenyDirectGrants.
const DenyDirectGrantsSid = "DenyGrantsExceptForAWSServices"
