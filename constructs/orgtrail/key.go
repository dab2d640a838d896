package orgtrail

import (
	"slices"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/secure"
)

// newTrailKey creates the key that encrypts the trail's log files. Its policy, beyond
// the management account's own administration (the CDK's default statement):
//
//   - lets CloudTrail generate data keys, decrypt (which S3 Bucket Keys on the log
//     bucket require) and describe the key, for this trail only (aws:SourceArn);
//   - lets the reader roles decrypt through S3 in the stack's region only, and only
//     what this trail encrypted: CloudTrail sets the encryption context
//     aws:cloudtrail:arn to the trail's ARN on every log and digest file, and its
//     guide's decrypt statement for log readers conditions on it ("Granting decrypt
//     permissions for trails",
//     https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html).
//     Anything else a reader could get encrypted under this key stays unreadable.
//
// Readers are admitted through their accounts with an aws:PrincipalArn condition
// rather than as principals: KMS refuses a policy naming a role that does not exist
// yet, and the readers live in stacks deployed after this one.
func newTrailKey(scope constructs.Construct, region, trailArn string, readers []string) awskms.Key {
	key := secure.NewKey(scope, idKey, "Encrypts the log files of organization trail "+trailArn)
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("AllowCloudTrail"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String("cloudtrail.amazonaws.com"), nil)},
		Actions:    jsii.Strings("kms:GenerateDataKey*", "kms:Decrypt", "kms:DescribeKey"),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]interface{}{
			"StringEquals": map[string]interface{}{"aws:SourceArn": trailArn},
		},
	}), nil)
	if len(readers) == 0 {
		return key
	}
	var accounts []awsiam.IPrincipal
	var seen []string
	for _, r := range readers {
		account := arnAccount(r)
		if !slices.Contains(seen, account) {
			seen = append(seen, account)
			accounts = append(accounts, awsiam.NewAccountPrincipal(jsii.String(account)))
		}
	}
	key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("AllowLogReaders"),
		Principals: &accounts,
		Actions:    jsii.Strings("kms:Decrypt"),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]interface{}{
			"ArnEquals": map[string]interface{}{"aws:PrincipalArn": readers},
			"StringEquals": map[string]interface{}{
				"kms:ViaService": "s3." + region + ".amazonaws.com",
				"kms:EncryptionContext:aws:cloudtrail:arn": trailArn,
			},
		},
	}), nil)
	return key
}

// arnAccount is the account field of a validated ARN.
func arnAccount(arn string) string { return strings.SplitN(arn, ":", 6)[4] }
