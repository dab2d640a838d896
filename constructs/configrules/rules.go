package configrules

import (
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsconfig"
)

// Rule names an AWS managed Config rule of the landing zone's set by the name AWS
// documents it under, such as "restricted-ssh".
type Rule string

// The rules on by default, in the order they are created.
const (
	// RuleRestrictedSSH: no security group admits SSH from 0.0.0.0/0 or ::/0.
	RuleRestrictedSSH Rule = "restricted-ssh"
	// RuleRestrictedCommonPorts: no security group admits the ports of BlockedPorts
	// from everywhere.
	RuleRestrictedCommonPorts Rule = "restricted-common-ports"
	// RuleS3PublicReadProhibited: no bucket allows public read access.
	RuleS3PublicReadProhibited Rule = "s3-bucket-public-read-prohibited"
	// RuleS3PublicWriteProhibited: no bucket allows public write access.
	RuleS3PublicWriteProhibited Rule = "s3-bucket-public-write-prohibited"
	// RuleS3SSLRequestsOnly: every bucket policy denies requests without TLS.
	RuleS3SSLRequestsOnly Rule = "s3-bucket-ssl-requests-only"
	// RuleEncryptedVolumes: attached EBS volumes are encrypted.
	RuleEncryptedVolumes Rule = "encrypted-volumes"
	// RuleVPCFlowLogsEnabled: every VPC has flow logs of all traffic.
	RuleVPCFlowLogsEnabled Rule = "vpc-flow-logs-enabled"
	// RuleCloudTrailEnabled: a trail (the organization trail counts) records the
	// account.
	RuleCloudTrailEnabled Rule = "cloudtrail-enabled"
	// RuleGuardDutyCentralized: GuardDuty is on and reports to GuardDutyAdminAccount.
	RuleGuardDutyCentralized Rule = "guardduty-enabled-centralized"
	// RuleRootAccountMFA: the root user has MFA. Home region only.
	RuleRootAccountMFA Rule = "root-account-mfa-enabled"
	// RuleIAMNoInlinePolicy: no IAM user has an inline policy. AWS's
	// iam-no-inline-policy-check, scoped to users: roles made by CloudFormation carry
	// inline policies by design. Home region only.
	RuleIAMNoInlinePolicy Rule = "iam-no-inline-policy-check"
)

// The approved-AMI rules are on only with their parameters.
const (
	// RuleApprovedAMIsByID: running instances use one of ApprovedAMIIDs.
	RuleApprovedAMIsByID Rule = "approved-amis-by-id"
	// RuleApprovedAMIsByTag: running instances use an AMI with one of
	// ApprovedAMITags.
	RuleApprovedAMIsByTag Rule = "approved-amis-by-tag"
)

// DefaultRules returns the rules on unless DisabledRules names them, in creation order,
// in a new slice at each call.
func DefaultRules() []Rule {
	return []Rule{
		RuleRestrictedSSH, RuleRestrictedCommonPorts,
		RuleS3PublicReadProhibited, RuleS3PublicWriteProhibited, RuleS3SSLRequestsOnly,
		RuleEncryptedVolumes, RuleVPCFlowLogsEnabled, RuleCloudTrailEnabled,
		RuleGuardDutyCentralized, RuleRootAccountMFA, RuleIAMNoInlinePolicy,
	}
}

// RuleNamePrefix starts the name of every rule: "landingzone-restricted-ssh". The names
// are fixed so that the organization aggregator, and Security Hub, show one rule across
// all accounts rather than a differently named copy per account.
const RuleNamePrefix = "landingzone-"

// ConfigRuleName returns the name rule has in every account.
func ConfigRuleName(rule Rule) string { return RuleNamePrefix + string(rule) }

// ruleSpec is how a Rule is built.
type ruleSpec struct {
	// id is the rule's construct ID.
	id string
	// identifier returns the AWS managed rule's source identifier.
	identifier  func() *string
	description string
	// global marks rules about global resources, created in the home region only.
	global bool
	// scope limits the evaluated resource types; nil evaluates the rule's own.
	scope func() awsconfig.RuleScope
}

var ruleSpecs = map[Rule]ruleSpec{
	RuleRestrictedSSH: {id: "RestrictedSsh", identifier: awsconfig.ManagedRuleIdentifiers_EC2_SECURITY_GROUPS_INCOMING_SSH_DISABLED,
		description: "Security groups do not admit SSH from everywhere"},
	RuleRestrictedCommonPorts: {id: "RestrictedCommonPorts", identifier: awsconfig.ManagedRuleIdentifiers_EC2_SECURITY_GROUPS_RESTRICTED_INCOMING_TRAFFIC,
		description: "Security groups do not admit the blocked ports from everywhere"},
	RuleS3PublicReadProhibited: {id: "S3PublicReadProhibited", identifier: awsconfig.ManagedRuleIdentifiers_S3_BUCKET_PUBLIC_READ_PROHIBITED,
		description: "S3 buckets do not allow public read access"},
	RuleS3PublicWriteProhibited: {id: "S3PublicWriteProhibited", identifier: awsconfig.ManagedRuleIdentifiers_S3_BUCKET_PUBLIC_WRITE_PROHIBITED,
		description: "S3 buckets do not allow public write access"},
	RuleS3SSLRequestsOnly: {id: "S3SslRequestsOnly", identifier: awsconfig.ManagedRuleIdentifiers_S3_BUCKET_SSL_REQUESTS_ONLY,
		description: "S3 bucket policies deny requests without TLS"},
	RuleEncryptedVolumes: {id: "EncryptedVolumes", identifier: awsconfig.ManagedRuleIdentifiers_EBS_ENCRYPTED_VOLUMES,
		description: "Attached EBS volumes are encrypted"},
	RuleVPCFlowLogsEnabled: {id: "VpcFlowLogsEnabled", identifier: awsconfig.ManagedRuleIdentifiers_VPC_FLOW_LOGS_ENABLED,
		description: "Every VPC has flow logs of all traffic"},
	RuleCloudTrailEnabled: {id: "CloudTrailEnabled", identifier: awsconfig.ManagedRuleIdentifiers_CLOUD_TRAIL_ENABLED,
		description: "A CloudTrail trail records the account"},
	RuleGuardDutyCentralized: {id: "GuardDutyCentralized", identifier: awsconfig.ManagedRuleIdentifiers_GUARDDUTY_ENABLED_CENTRALIZED,
		description: "GuardDuty is enabled and reports to the security account"},
	RuleRootAccountMFA: {id: "RootAccountMfa", identifier: awsconfig.ManagedRuleIdentifiers_ROOT_ACCOUNT_MFA_ENABLED,
		description: "The root user has MFA", global: true},
	RuleIAMNoInlinePolicy: {id: "IamNoInlinePolicy", identifier: awsconfig.ManagedRuleIdentifiers_IAM_NO_INLINE_POLICY_CHECK,
		description: "IAM users have no inline policies", global: true,
		scope: func() awsconfig.RuleScope {
			return awsconfig.RuleScope_FromResources(&[]awsconfig.ResourceType{awsconfig.ResourceType_IAM_USER()})
		}},
	RuleApprovedAMIsByID: {id: "ApprovedAmisById", identifier: awsconfig.ManagedRuleIdentifiers_APPROVED_AMIS_BY_ID,
		description: "Running instances use an approved AMI", scope: instancesOnly},
	RuleApprovedAMIsByTag: {id: "ApprovedAmisByTag", identifier: awsconfig.ManagedRuleIdentifiers_APPROVED_AMIS_BY_TAG,
		description: "Running instances use an AMI tagged as approved", scope: instancesOnly},
}

func instancesOnly() awsconfig.RuleScope {
	return awsconfig.RuleScope_FromResources(&[]awsconfig.ResourceType{awsconfig.ResourceType_EC2_INSTANCE()})
}

// Global reports whether rule evaluates global resources and so exists in the home
// region only.
func (r Rule) Global() bool { return ruleSpecs[r].global }

// Valid reports whether r is one of the rules of this package.
func (r Rule) Valid() bool {
	_, ok := ruleSpecs[r]
	return ok
}

// isDefault reports whether r is one of DefaultRules.
func (r Rule) isDefault() bool { return slices.Contains(DefaultRules(), r) }
