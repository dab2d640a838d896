package configrules

import (
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
)

// Defaults of RecorderProps.
const (
	// DefaultKeyPrefix is where configuration history and snapshots land in the log
	// archive bucket: config/AWSLogs/<account>/Config/<region>/...
	DefaultKeyPrefix = "config"
	// SnapshotFrequency is how often AWS Config delivers a snapshot of every recorded
	// resource; history files follow each change regardless.
	SnapshotFrequency = "TwentyFour_Hours"
	// FlowLogTrafficType is the traffic RuleVPCFlowLogsEnabled requires flow logs to
	// record, as package network's VPCs do.
	FlowLogTrafficType = "ALL"
)

// DefaultBlockedPorts returns the ports RuleRestrictedCommonPorts keeps closed to the
// internet, in a new slice at each call: FTP data and control, RDP, MySQL and 4333
// (mSQL), the rule's own defaults. SSH has a rule of its own.
func DefaultBlockedPorts() []int { return []int{20, 21, 3389, 3306, 4333} }

// Limits of the managed rules' parameters, from the AWS Config developer guide.
const (
	// MaxBlockedPorts: restricted-common-ports has five port parameters.
	MaxBlockedPorts = 5
	// MaxApprovedAMIIDs and MaxApprovedAMIIDsLength: approved-amis-by-id takes up
	// to 21 IDs in at most 1,024 characters.
	MaxApprovedAMIIDs       = 21
	MaxApprovedAMIIDsLength = 1024
	// MaxApprovedAMITags: approved-amis-by-tag takes up to 10 tags.
	MaxApprovedAMITags = 10
)

// RecorderProps configures NewRecorder. Its zero value is not valid: BucketName
// (unless AdoptExistingRecorder), HomeRegion and GuardDutyAdminAccount are required. With them, every supported
// resource type is recorded continuously (global types in the home region), a
// snapshot is delivered daily under DefaultKeyPrefix, every rule of DefaultRules is on,
// and nothing is remediated automatically.
type RecorderProps struct {
	// BucketName is the log archive bucket, usually in another account, that receives
	// configuration history and snapshots. Its policy must admit AWS Config (see
	// DeliveryStatements), and it must not have S3 Object Lock enabled, which AWS
	// Config does not support. Required.
	BucketName string
	// KeyPrefix is the key prefix in BucketName, without leading or trailing slash.
	// Empty means DefaultKeyPrefix.
	KeyPrefix string
	// BucketKeyArn is the ARN of the KMS key, in the bucket's region, that AWS Config
	// encrypts delivered objects with; the key policy must admit AWS Config (see
	// DeliveryKeyStatement). Empty means the bucket's default encryption.
	BucketKeyArn string

	// HomeRegion is the landing zone's home region, the one region that records
	// global resource types and holds the rules about them. Required.
	HomeRegion string

	// GuardDutyAdminAccount is the account GuardDuty findings are centralized in (the
	// audit account), the parameter of RuleGuardDutyCentralized. Required unless that
	// rule is disabled.
	GuardDutyAdminAccount string

	// DisabledRules turns rules of DefaultRules off by name. Empty means all on.
	DisabledRules []Rule
	// BlockedPorts are the TCP ports, at most MaxBlockedPorts, that
	// RuleRestrictedCommonPorts keeps closed to the internet. Empty means
	// DefaultBlockedPorts.
	BlockedPorts []int
	// ApprovedAMIIDs turns on RuleApprovedAMIsByID with these AMIs ("ami-" and 8 or
	// 17 hexadecimal digits), at most MaxApprovedAMIIDs. Empty leaves it off.
	ApprovedAMIIDs []string
	// ApprovedAMITags turns on RuleApprovedAMIsByTag: an AMI is approved when it has
	// one of these tags, written "key" or "key:value", at most MaxApprovedAMITags.
	// Empty leaves it off. Set at most one of ApprovedAMIIDs and ApprovedAMITags.
	ApprovedAMITags []string

	// RemediatePublicBuckets blocks public access to any bucket that
	// RuleS3PublicReadProhibited or RuleS3PublicWriteProhibited finds public, at once
	// and automatically, with the AWS-managed SSM document
	// AWS-DisableS3BucketPublicReadWrite. It changes buckets that others own, so false
	// only reports them.
	RemediatePublicBuckets bool

	// DailyRecording records resource changes once a day instead of continuously:
	// cheaper where resources churn, but a change is seen up to a day late. False
	// records continuously.
	DailyRecording bool

	// Role is the role AWS Config records with. Nil creates one with the AWS managed
	// policy AWS_ConfigRole that only this account's AWS Config may assume.
	Role awsiam.IRole

	// AdoptExistingRecorder uses the configuration recorder and delivery channel the
	// account already has in the region instead of creating them: an account has one
	// of each per region, and CloudFormation fails to create a second. AWS Control Tower
	// creates both in every enrolled account (aws-controltower-BaselineConfigRecorder,
	// delivering to its own log archive bucket) and its guardrails forbid changing
	// them. Only the rules (and remediations) are created then; the existing recorder
	// must record, and decides what is recorded and where it is delivered, so
	// BucketName, KeyPrefix, BucketKeyArn, DailyRecording and Role must be left empty.
	// False creates the recorder and the delivery channel.
	AdoptExistingRecorder bool
}

// withDefaults returns a copy of p with every zero field resolved.
func (p RecorderProps) withDefaults() RecorderProps {
	if p.KeyPrefix == "" {
		p.KeyPrefix = DefaultKeyPrefix
	}
	if len(p.BlockedPorts) == 0 {
		p.BlockedPorts = DefaultBlockedPorts()
	}
	return p
}

// enabled reports whether rule is created (in the home region, for global rules).
func (p RecorderProps) enabled(rule Rule) bool {
	switch rule {
	case RuleApprovedAMIsByID:
		return len(p.ApprovedAMIIDs) > 0
	case RuleApprovedAMIsByTag:
		return len(p.ApprovedAMITags) > 0
	}
	return rule.isDefault() && !slices.Contains(p.DisabledRules, rule)
}

// rules lists the rules p turns on, in creation order.
func (p RecorderProps) rules() []Rule {
	var out []Rule
	for _, r := range append(DefaultRules(), RuleApprovedAMIsByID, RuleApprovedAMIsByTag) {
		if p.enabled(r) {
			out = append(out, r)
		}
	}
	return out
}
