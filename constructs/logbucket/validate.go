package logbucket

import (
	"regexp"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/stackenv"
)

var namePrefixPattern = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`)

// Validate reports every problem in p that does not depend on the stack, with fields
// named as in ImmutableBucketProps ("ImmutableBucketProps.RetentionDays").
// NewImmutableBucket also checks the names against the stack's account and region.
func (p ImmutableBucketProps) Validate() error {
	_, err := validate(p, stackenv.Env{}, true)
	return err
}

// validate checks raw props as the caller wrote them against the stack's environment e
// (none when stackless) and returns them with defaults resolved, or every problem found.
func validate(raw ImmutableBucketProps, e stackenv.Env, stackless bool) (ImmutableBucketProps, error) {
	var l check.List
	p := raw.withDefaults()
	if raw.adopts() {
		validateAdoption(&l, raw)
		return p, l.Err("logbucket")
	}
	if raw.ExistingKeyArn != "" {
		l.Addf("ImmutableBucketProps.ExistingKeyArn", raw.ExistingKeyArn, "needs `ExistingBucketName`; a created bucket gets its key from `Key`")
	}
	validateName(&l, raw, p, e, stackless)
	check.OneOf(&l, "ImmutableBucketProps.ObjectLockMode", p.ObjectLockMode, ObjectLockModes())
	if p.ObjectLockMode == ObjectLockNone {
		if raw.RetentionDays != 0 {
			l.Addf("ImmutableBucketProps.RetentionDays", raw.RetentionDays, "Object Lock mode %s keeps no default retention", ObjectLockNone)
		}
	} else {
		check.Range(&l, "ImmutableBucketProps.RetentionDays", p.RetentionDays, 1, MaxRetentionDays)
	}
	validateRole(&l, "ImmutableBucketProps.BreakGlassRoleArn", raw.BreakGlassRoleArn, e)
	validateRole(&l, "ImmutableBucketProps.DeployRoleArn", raw.DeployRoleArn, e)
	validateLifecycle(&l, p)
	check.Range(&l, "ImmutableBucketProps.AccessLogExpireAfterDays", p.AccessLogExpireAfterDays, 1, MaxRetentionDays)
	return p, l.Err("logbucket")
}

func validateName(l *check.List, raw, p ImmutableBucketProps, e stackenv.Env, stackless bool) {
	const field = "ImmutableBucketProps.NamePrefix"
	switch {
	case !namePrefixPattern.MatchString(p.NamePrefix):
		l.Addf(field, raw.NamePrefix, "not a name prefix: lower-case letters, digits and hyphens, starting and ending with a letter or digit")
	case len(p.NamePrefix) > MaxNamePrefixLength:
		l.Addf(field, raw.NamePrefix, "longer than %d characters; the bucket name would exceed 63 in some regions", MaxNamePrefixLength)
	case e.Concrete():
		var name check.List
		check.BucketName(&name, field, BucketName(p.NamePrefix, e.Account, e.Region))
		if name.Len() > 0 {
			l.Addf(field, raw.NamePrefix, "gives the bucket name %q, which S3 refuses", BucketName(p.NamePrefix, e.Account, e.Region))
		}
	case !stackless:
		l.Addf(field, raw.NamePrefix, "the bucket is named after the stack's account and region, which are unresolved; give the stack an env with both")
	}
}

// validateRole checks an optional role ARN that must live in the bucket's account.
func validateRole(l *check.List, field, value string, e stackenv.Env) {
	if value == "" {
		return
	}
	arn, ok := check.ParseARN(l, field, value, "iam", "role/")
	switch {
	case ok && arn.Account == "":
		l.Addf(field, value, "names no account")
	case ok && e.Account != "" && arn.Account != e.Account:
		l.Addf(field, value, "a role of account %s; the bucket's policy can exempt only roles of its own account %s", arn.Account, e.Account)
	}
}

func validateLifecycle(l *check.List, p ImmutableBucketProps) {
	check.Range(l, "ImmutableBucketProps.InfrequentAccessAfterDays", p.InfrequentAccessAfterDays, MinInfrequentAccessAfterDays, MaxRetentionDays)
	if p.GlacierAfterDays <= p.InfrequentAccessAfterDays {
		l.Addf("ImmutableBucketProps.GlacierAfterDays", p.GlacierAfterDays, "must come after `InfrequentAccessAfterDays` (%d)", p.InfrequentAccessAfterDays)
	}
	switch {
	case p.ExpireAfterDays == 0:
	case p.ExpireAfterDays < p.RetentionDays:
		l.Addf("ImmutableBucketProps.ExpireAfterDays", p.ExpireAfterDays, "before the %d-day Object Lock retention (`RetentionDays`) ends", p.RetentionDays)
	case p.ExpireAfterDays <= p.GlacierAfterDays:
		l.Addf("ImmutableBucketProps.ExpireAfterDays", p.ExpireAfterDays, "must come after `GlacierAfterDays` (%d)", p.GlacierAfterDays)
	}
}

// validateAdoption checks the props of an adopted bucket: its name, its key, and that
// nothing meant for a created bucket is set.
func validateAdoption(l *check.List, p ImmutableBucketProps) {
	check.BucketName(l, "ImmutableBucketProps.ExistingBucketName", p.ExistingBucketName)
	if p.ExistingKeyArn != "" {
		if arn, ok := check.ParseARN(l, "ImmutableBucketProps.ExistingKeyArn", p.ExistingKeyArn, "kms", "key/"); ok && (arn.Account == "" || arn.Region == "") {
			l.Addf("ImmutableBucketProps.ExistingKeyArn", p.ExistingKeyArn, "names no account or region")
		}
	}
	const reason = "applies to a bucket this construct creates; with `ExistingBucketName` the adopted bucket keeps its own settings"
	check.Unwanted(l, "ImmutableBucketProps.", reason, []check.Field{
		{Name: "NamePrefix", Set: p.NamePrefix != ""},
		{Name: "ObjectLockMode", Set: p.ObjectLockMode != ""},
		{Name: "RetentionDays", Set: p.RetentionDays != 0},
		{Name: "Key", Set: p.Key != nil},
		{Name: "BreakGlassRoleArn", Set: p.BreakGlassRoleArn != ""},
		{Name: "DeployRoleArn", Set: p.DeployRoleArn != ""},
		{Name: "InfrequentAccessAfterDays", Set: p.InfrequentAccessAfterDays != 0},
		{Name: "GlacierAfterDays", Set: p.GlacierAfterDays != 0},
		{Name: "ExpireAfterDays", Set: p.ExpireAfterDays != 0},
		{Name: "AccessLogExpireAfterDays", Set: p.AccessLogExpireAfterDays != 0},
	})
}
