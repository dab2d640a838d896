package configrules

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsconfig"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
)

// Construct IDs of the remediation of public buckets.
const (
	idRemediationRole = "PublicBucketRemediationRole"
	idRemediation     = "Remediation"
)

// PublicBucketRemediationDocument is the AWS-managed SSM Automation document that
// turns on S3 Block Public Access for one bucket, given by name.
const PublicBucketRemediationDocument = "AWS-DisableS3BucketPublicReadWrite"

// Remediation bounds: a failed remediation is retried, a minute apart, this many
// times before the bucket stays non-compliant for a human to look at.
const (
	RemediationAttempts     = 5
	RemediationRetrySeconds = 60
)

// remediatePublicBuckets adds the role SSM Automation acts with and an automatic
// remediation to each public-bucket rule that is on.
func (r *Recorder) remediatePublicBuckets() {
	stack := awscdk.Stack_Of(r)
	r.RemediationRole = awsiam.NewRole(r.Construct, jsii.String(idRemediationRole), &awsiam.RoleProps{
		AssumedBy:   serviceInAccount(r, "ssm.amazonaws.com"),
		Description: jsii.String("Lets SSM Automation block public access to this account's S3 buckets that AWS Config finds public"),
	})
	// A bucket ARN names no account, so the resource is every bucket; the condition
	// keeps the role to this account's own buckets.
	r.RemediationRole.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("BlockPublicAccessOfOwnBuckets"),
		Actions:   jsii.Strings("s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"),
		Resources: jsii.Strings("arn:" + *stack.Partition() + ":s3:::*"),
		Conditions: &map[string]interface{}{
			"StringEquals": map[string]interface{}{"s3:ResourceAccount": stack.Account()},
		},
	}))
	nag.Suppress(r.RemediationRole, true, nag.Rule{
		ID:        "AwsSolutions-IAM5",
		Reason:    "any bucket of the account may turn public; the s3:ResourceAccount condition limits the two public-access-block actions to this account's buckets",
		AppliesTo: []string{"/^Resource::arn:.*:s3:::\\*$/"},
	})

	for _, rule := range []Rule{RuleS3PublicReadProhibited, RuleS3PublicWriteProhibited} {
		managed, ok := r.Rules[rule]
		if !ok {
			continue
		}
		r.Remediations[rule] = awsconfig.NewCfnRemediationConfiguration(r.Construct, jsii.String(ruleSpecs[rule].id+idRemediation), &awsconfig.CfnRemediationConfigurationProps{
			ConfigRuleName:           managed.ConfigRuleName(),
			TargetType:               jsii.String("SSM_DOCUMENT"),
			TargetId:                 jsii.String(PublicBucketRemediationDocument),
			ResourceType:             jsii.String("AWS::S3::Bucket"),
			Automatic:                jsii.Bool(true),
			MaximumAutomaticAttempts: jsii.Number(RemediationAttempts),
			RetryAttemptSeconds:      jsii.Number(RemediationRetrySeconds),
			Parameters: map[string]interface{}{
				"AutomationAssumeRole": map[string]interface{}{"StaticValue": map[string]interface{}{"Values": []*string{r.RemediationRole.RoleArn()}}},
				"S3BucketName":         map[string]interface{}{"ResourceValue": map[string]interface{}{"Value": "RESOURCE_ID"}},
			},
		})
	}
}
