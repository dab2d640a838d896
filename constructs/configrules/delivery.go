package configrules

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// ServicePrincipal is AWS Config's service principal: the principal that delivers to a
// bucket in another account, and the one the management account enables trusted
// access for and registers the audit account as delegated administrator of, before an
// organization aggregator can work.
const ServicePrincipal = "config.amazonaws.com"

// DeliveryKeyPattern returns the S3 key pattern of the objects AWS Config of account
// writes under keyPrefix (empty means DefaultKeyPrefix), for a bucket or key policy:
// DeliveryKeyPattern("", "111111111111") is "config/AWSLogs/111111111111/Config/*".
// account "*" matches every account.
func DeliveryKeyPattern(keyPrefix, account string) string {
	if keyPrefix == "" {
		keyPrefix = DefaultKeyPrefix
	}
	return keyPrefix + "/AWSLogs/" + account + "/Config/*"
}

// DeliveryStatements returns the bucket-policy statements, for the log archive, that
// let AWS Config of every account of organizationID deliver to bucket under keyPrefix
// (empty means DefaultKeyPrefix): the bucket checks AWS Config makes before delivery,
// and writes that hand the objects to the bucket owner. The aws:SourceOrgID condition
// keeps AWS Config acting for other organizations out.
func DeliveryStatements(bucket awss3.IBucket, keyPrefix, organizationID string) ([]awsiam.PolicyStatement, error) {
	var l check.List
	validateKeyPrefix(&l, "keyPrefix", keyPrefix)
	check.OrganizationID(&l, "organizationID", organizationID)
	if err := l.Err("configrules"); err != nil {
		return nil, err
	}
	inOrg := map[string]interface{}{"aws:SourceOrgID": organizationID}
	statement := func(sid, action string, resource *string, conditions map[string]interface{}) awsiam.PolicyStatement {
		return awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Sid:        jsii.String(sid),
			Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String(ServicePrincipal), nil)},
			Actions:    jsii.Strings(action),
			Resources:  &[]*string{resource},
			Conditions: &map[string]interface{}{"StringEquals": conditions},
		})
	}
	return []awsiam.PolicyStatement{
		statement("AWSConfigBucketPermissionsCheck", "s3:GetBucketAcl", bucket.BucketArn(), inOrg),
		statement("AWSConfigBucketExistenceCheck", "s3:ListBucket", bucket.BucketArn(), inOrg),
		statement("AWSConfigBucketDelivery", "s3:PutObject", bucket.ArnForObjects(jsii.String(DeliveryKeyPattern(keyPrefix, "*"))), map[string]interface{}{
			"aws:SourceOrgID": organizationID,
			"s3:x-amz-acl":    "bucket-owner-full-control",
		}),
	}, nil
}

// DeliveryKeyStatement returns the key-policy statement that lets AWS Config of every
// account of organizationID encrypt with the log archive bucket's KMS key what it
// delivers there (BucketKeyArn).
func DeliveryKeyStatement(organizationID string) (awsiam.PolicyStatement, error) {
	var l check.List
	check.OrganizationID(&l, "organizationID", organizationID)
	if err := l.Err("configrules"); err != nil {
		return nil, err
	}
	return awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("AWSConfigDelivery"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String(ServicePrincipal), nil)},
		Actions:    jsii.Strings("kms:Decrypt", "kms:GenerateDataKey"),
		Resources:  jsii.Strings("*"),
		Conditions: &map[string]interface{}{"StringEquals": map[string]interface{}{"aws:SourceOrgID": organizationID}},
	}), nil
}
