package logbucket

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
)

// Actions the bucket policy denies. deletionActions remove data: every principal but
// the break-glass role is denied them. protectionActions weaken the bucket's
// configuration: every principal but the break-glass and deploy roles is denied them.
var (
	deletionActions = []string{
		"s3:DeleteObject",
		"s3:DeleteObjectVersion",
		"s3:BypassGovernanceRetention",
		"s3:DeleteBucket",
	}
	protectionActions = []string{
		"s3:PutBucketVersioning",
		"s3:PutBucketObjectLockConfiguration",
		"s3:PutEncryptionConfiguration",
		"s3:PutLifecycleConfiguration",
		"s3:PutBucketPolicy",
		"s3:DeleteBucketPolicy",
		"s3:PutBucketPublicAccessBlock",
		"s3:PutBucketOwnershipControls",
	}
)

// protect adds the denials to the bucket policy and retains the policy with the bucket.
// The CDK has already added the denial of plain HTTP and of TLS older than 1.2
// (EnforceSSL, MinimumTLSVersion).
//
// The split keeps CloudFormation able to update the stack: it never deletes objects (the
// bucket is retained), but it does call the configuration APIs when the stack changes
// the bucket's versioning, retention, key, lifecycle or policy, so its role is exempt
// from that denial alone. See the package documentation for what this leaves open.
func (b *ImmutableBucket) protect(bucket awss3.Bucket, breakGlassRoleArn, deployRoleArn string) {
	var breakGlass []string
	if breakGlassRoleArn != "" {
		breakGlass = []string{breakGlassRoleArn}
	}
	bucket.AddToResourcePolicy(denyExcept("DenyDeletion", deletionActions, []string{b.arn(""), b.arn("*")}, breakGlass))
	bucket.AddToResourcePolicy(denyExcept("DenyProtectionChanges", protectionActions, []string{b.arn("")}, append([]string{deployRoleArn}, breakGlass...)))
	// Deleting the stack must not take the denials with it.
	bucket.Policy().ApplyRemovalPolicy(awscdk.RemovalPolicy_RETAIN)
}

// denyExcept denies actions on resources to every principal whose ARN is not one of
// exempt; with no exemption, to every principal. aws:PrincipalArn is the role's ARN for
// each of its sessions, so an exemption names the role, not a session.
func denyExcept(sid string, actions, resources, exempt []string) awsiam.PolicyStatement {
	props := &awsiam.PolicyStatementProps{
		Sid:        jsii.String(sid),
		Effect:     awsiam.Effect_DENY,
		Principals: &[]awsiam.IPrincipal{awsiam.NewAnyPrincipal()},
		Actions:    jsii.Strings(actions...),
		Resources:  jsii.Strings(resources...),
	}
	if len(exempt) > 0 {
		props.Conditions = &map[string]interface{}{
			"ArnNotEquals": map[string]interface{}{"aws:PrincipalArn": exempt},
		}
	}
	return awsiam.NewPolicyStatement(props)
}
