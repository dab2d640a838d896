package logbucket

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"

	"github.com/go-landingzone/landingzone/internal/check"
)

// CloudTrailSource describes the organization trail that AllowCloudTrail admits.
type CloudTrailSource struct {
	// TrailArn is the trail's ARN in the management account, as orgtrail.TrailArn
	// builds it. Required.
	TrailArn string
	// OrganizationID is the organization's ID ("o-" and 10 to 32 characters), the
	// second segment of the trail's log paths. Required.
	OrganizationID string
	// KeyPrefix is the trail's S3 key prefix, without leading or trailing slash. Empty
	// means CloudTrailPrefix, orgtrail's default.
	KeyPrefix string
}

func (s CloudTrailSource) validate() (CloudTrailSource, error) {
	var l check.List
	if arn, ok := check.ParseARN(&l, "CloudTrailSource.TrailArn", s.TrailArn, "cloudtrail", "trail/"); ok && (arn.Account == "" || arn.Region == "") {
		l.Addf("CloudTrailSource.TrailArn", s.TrailArn, "names no management account or region")
	}
	check.OrganizationID(&l, "CloudTrailSource.OrganizationID", s.OrganizationID)
	s.KeyPrefix = keyPrefix(&l, "CloudTrailSource.KeyPrefix", s.KeyPrefix, CloudTrailPrefix)
	return s, l.Err("logbucket")
}

// ConfigSource describes the AWS Config delivery channels of an organization that
// AllowConfig admits.
type ConfigSource struct {
	// OrganizationID is the organization whose accounts deliver. Required.
	OrganizationID string
	// KeyPrefix is the delivery channels' S3 key prefix. Empty means ConfigPrefix.
	KeyPrefix string
}

func (s ConfigSource) validate() (ConfigSource, error) {
	var l check.List
	check.OrganizationID(&l, "ConfigSource.OrganizationID", s.OrganizationID)
	s.KeyPrefix = keyPrefix(&l, "ConfigSource.KeyPrefix", s.KeyPrefix, ConfigPrefix)
	return s, l.Err("logbucket")
}

// GuardDutySource describes the GuardDuty delegated administrator whose publishing
// destinations AllowGuardDuty admits; with an organization, its detectors export the
// findings of every member account.
type GuardDutySource struct {
	// AdminAccount is the 12-digit ID of the delegated administrator account (the
	// audit account). Required.
	AdminAccount string
	// KeyPrefix is the publishing destination's key prefix. Empty means
	// GuardDutyPrefix.
	KeyPrefix string
}

func (s GuardDutySource) validate() (GuardDutySource, error) {
	var l check.List
	check.AccountID(&l, "GuardDutySource.AdminAccount", s.AdminAccount)
	s.KeyPrefix = keyPrefix(&l, "GuardDutySource.KeyPrefix", s.KeyPrefix, GuardDutyPrefix)
	return s, l.Err("logbucket")
}

// FirehoseSource describes the Firehose delivery stream that AllowFirehose admits.
type FirehoseSource struct {
	// Role is the role the delivery stream writes with, in the bucket's account.
	// Required.
	Role awsiam.IRole
	// KeyPrefix is where the stream writes, its error output included. Empty means
	// FirehosePrefix.
	KeyPrefix string
}

func (s FirehoseSource) validate() (FirehoseSource, error) {
	var l check.List
	if s.Role == nil {
		l.Addf("FirehoseSource.Role", nil, "required: the delivery stream's role")
	}
	s.KeyPrefix = keyPrefix(&l, "FirehoseSource.KeyPrefix", s.KeyPrefix, FirehosePrefix)
	return s, l.Err("logbucket")
}

// keyPrefix checks a producer's key prefix and resolves empty to def.
func keyPrefix(l *check.List, field, value, def string) string {
	check.KeyPrefix(l, field, value)
	if len(value) > 1 && value[len(value)-1] == '/' {
		l.Addf(field, value, "must not end with a slash; the producer adds one")
	}
	if value == "" {
		return def
	}
	return value
}
