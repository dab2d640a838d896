package orgtrail

import (
	"regexp"
	"strings"

	"github.com/go-landingzone/landingzone/internal/check"
)

var (
	trailNamePattern    = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$`)
	adjacentSeparators  = regexp.MustCompile(`[._-]{2}`)
	ipv4TrailNameFormat = regexp.MustCompile(`^\d+\.\d+\.\d+\.\d+$`)
)

// Validate reports every problem in p that does not depend on the stack, with fields
// named as in OrganizationTrailProps ("OrganizationTrailProps.KeyPrefix").
// NewOrganizationTrail also checks that the stack has a concrete account and region.
func (p OrganizationTrailProps) Validate() error {
	_, err := validate(p, true)
	return err
}

// validate checks raw props as the caller wrote them and returns them with defaults
// resolved, or every problem found. concreteEnv tells whether the stack's account and
// region are known.
func validate(raw OrganizationTrailProps, concreteEnv bool) (OrganizationTrailProps, error) {
	var l check.List
	p := raw.withDefaults()
	if raw.adopts() {
		trailName(&l, "OrganizationTrailProps.ExistingTrailName", raw.ExistingTrailName)
		validateAdoption(&l, raw)
	} else {
		trailName(&l, "OrganizationTrailProps.TrailName", p.TrailName)
		validateDestination(&l, raw, p)
		validateReaders(&l, raw.ReaderRoleArns)
		validateLogs(&l, raw, p)
	}
	if !concreteEnv {
		l.Addf("OrganizationTrailProps.TrailName", p.TrailName, "the trail's ARN is built from the stack's account and region, which are unresolved; give the stack an env with both")
	}
	return p, l.Err("orgtrail")
}

// trailName checks CloudTrail's naming rules.
func trailName(l *check.List, field, value string) {
	switch {
	case !trailNamePattern.MatchString(value):
		l.Addf(field, value, "not a trail name: 3-128 letters, digits, periods, underscores and hyphens, starting and ending with a letter or digit")
	case adjacentSeparators.MatchString(value):
		l.Addf(field, value, "not a trail name: adjacent periods, underscores or hyphens")
	case ipv4TrailNameFormat.MatchString(value):
		l.Addf(field, value, "not a trail name: formatted as an IP address")
	}
}

func validateDestination(l *check.List, raw, p OrganizationTrailProps) {
	if raw.BucketName == "" {
		l.Addf("OrganizationTrailProps.BucketName", raw.BucketName, "required: the log archive bucket, such as logbucket.BucketName(prefix, account, region)")
	} else {
		check.BucketName(l, "OrganizationTrailProps.BucketName", raw.BucketName)
	}
	check.KeyPrefix(l, "OrganizationTrailProps.KeyPrefix", raw.KeyPrefix)
	switch {
	case strings.HasSuffix(raw.KeyPrefix, "/"):
		l.Addf("OrganizationTrailProps.KeyPrefix", raw.KeyPrefix, "must not end with a slash; CloudTrail adds one")
	case len(p.KeyPrefix) > MaxKeyPrefixLength:
		l.Addf("OrganizationTrailProps.KeyPrefix", raw.KeyPrefix, "longer than the %d characters CloudTrail accepts", MaxKeyPrefixLength)
	}
}

func validateReaders(l *check.List, readers []string) {
	for i, r := range readers {
		field := check.Index("OrganizationTrailProps.ReaderRoleArns", i)
		if arn, ok := check.ParseARN(l, field, r, "iam", "role/"); ok && arn.Account == "" {
			l.Addf(field, r, "names no account")
		}
	}
	check.Duplicates(l, "OrganizationTrailProps.ReaderRoleArns[%d]", readers)
}

func validateLogs(l *check.List, raw, p OrganizationTrailProps) {
	if !raw.CloudWatchLogs {
		if raw.LogRetentionDays != 0 || raw.AllowShortLogRetention {
			l.Addf("OrganizationTrailProps.LogRetentionDays", raw.LogRetentionDays, "applies to the CloudWatch log group; set `CloudWatchLogs`")
		}
		return
	}
	check.LogRetention(l, "OrganizationTrailProps.LogRetentionDays", p.LogRetentionDays, raw.AllowShortLogRetention, "AllowShortLogRetention")
}

// validateAdoption refuses every field meant for a created trail.
func validateAdoption(l *check.List, p OrganizationTrailProps) {
	const reason = "applies to a trail this construct creates; with `ExistingTrailName` the adopted trail keeps its own settings"
	check.Unwanted(l, "OrganizationTrailProps.", reason, []check.Field{
		{Name: "TrailName", Set: p.TrailName != ""},
		{Name: "BucketName", Set: p.BucketName != ""},
		{Name: "KeyPrefix", Set: p.KeyPrefix != ""},
		{Name: "ReaderRoleArns", Set: len(p.ReaderRoleArns) > 0},
		{Name: "CloudWatchLogs", Set: p.CloudWatchLogs},
		{Name: "LogRetentionDays", Set: p.LogRetentionDays != 0},
		{Name: "AllowShortLogRetention", Set: p.AllowShortLogRetention},
		{Name: "S3DataEvents", Set: p.S3DataEvents},
		{Name: "LambdaDataEvents", Set: p.LambdaDataEvents},
		{Name: "Insights", Set: p.Insights},
	})
}
