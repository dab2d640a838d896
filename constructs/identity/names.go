package identity

import "fmt"

// Physical names that another account or an identity provider must find. Everything
// else is named by CloudFormation.
const (
	// DefaultAuditRoleName is the third-party audit role's name in every account.
	DefaultAuditRoleName = "landingzone-third-party-audit"
	// DefaultSamlProviderName is the IAM SAML provider's name.
	DefaultSamlProviderName = "landingzone-idp"
)

// RoleArn is the ARN of the IAM role named name in account, in the aws partition.
func RoleArn(account, name string) string {
	return fmt.Sprintf("arn:aws:iam::%s:role/%s", account, name)
}

// AuditRoleArn is the ARN of the third-party audit role of account when it keeps
// DefaultAuditRoleName, as the auditor configures it.
func AuditRoleArn(account string) string {
	return RoleArn(account, DefaultAuditRoleName)
}

// SamlProviderArn is the ARN of the IAM SAML provider named name in account, in the aws
// partition. The identity provider sends it, paired with a role ARN, in the
// https://aws.amazon.com/SAML/Attributes/Role attribute of its assertions.
func SamlProviderArn(account, name string) string {
	return fmt.Sprintf("arn:aws:iam::%s:saml-provider/%s", account, name)
}

// managedPolicyArn is the ARN of the AWS managed policy name (with its path, such as
// "job-function/ViewOnlyAccess") in partition.
func managedPolicyArn(partition, name string) string {
	return "arn:" + partition + ":iam::aws:policy/" + name
}
