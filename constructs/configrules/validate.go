package configrules

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/go-landingzone/landingzone/internal/check"
)

var (
	amiID = regexp.MustCompile(`^ami-[0-9a-f]{8,17}$`)
	// amiTag is "key" or "key:value" as approved-amis-by-tag reads it: the first colon
	// ends the key, and commas separate tags.
	amiTag = regexp.MustCompile(`^[^,:\s][^,:]{0,127}(:[^,]{0,256})?$`)
)

// Validate reports every problem in p, with fields named as in RecorderProps
// ("RecorderProps.BucketName"). Configuration loaders use it to report mistakes before
// building anything; NewRecorder runs the same checks.
func (p RecorderProps) Validate() error {
	var l check.List
	resolved := p.withDefaults()
	if p.AdoptExistingRecorder {
		check.Unwanted(&l, "RecorderProps.", "the adopted recorder decides what it records and where it delivers", []check.Field{
			{Name: "BucketName", Set: p.BucketName != ""}, {Name: "KeyPrefix", Set: p.KeyPrefix != ""},
			{Name: "BucketKeyArn", Set: p.BucketKeyArn != ""}, {Name: "DailyRecording", Set: p.DailyRecording},
			{Name: "Role", Set: p.Role != nil},
		})
	} else {
		required(&l, "RecorderProps.BucketName", p.BucketName, check.BucketName)
		validateKeyPrefix(&l, "RecorderProps.KeyPrefix", p.KeyPrefix)
		if p.BucketKeyArn != "" {
			check.ParseARN(&l, "RecorderProps.BucketKeyArn", p.BucketKeyArn, "kms", "key/")
		}
	}
	required(&l, "RecorderProps.HomeRegion", p.HomeRegion, check.Region)
	switch {
	case p.enabled(RuleGuardDutyCentralized):
		required(&l, "RecorderProps.GuardDutyAdminAccount", p.GuardDutyAdminAccount, check.AccountID)
	case p.GuardDutyAdminAccount != "":
		l.Addf("RecorderProps.GuardDutyAdminAccount", p.GuardDutyAdminAccount, "set, but rule %s is disabled", RuleGuardDutyCentralized)
	}
	p.validateDisabledRules(&l)
	p.validateBlockedPorts(&l, resolved)
	p.validateApprovedAMIs(&l)
	if p.RemediatePublicBuckets && !p.enabled(RuleS3PublicReadProhibited) && !p.enabled(RuleS3PublicWriteProhibited) {
		l.Addf("RecorderProps.RemediatePublicBuckets", true, "needs rule %s or %s, which `DisabledRules` turns off", RuleS3PublicReadProhibited, RuleS3PublicWriteProhibited)
	}
	return l.Err("configrules")
}

// required records a problem when value is empty, and otherwise checks it with fn.
func required(l *check.List, field, value string, fn func(*check.List, string, string)) {
	if value == "" {
		l.Addf(field, value, "required")
		return
	}
	fn(l, field, value)
}

// validateKeyPrefix checks an S3 key prefix that AWS Config extends with
// "/AWSLogs/...".
func validateKeyPrefix(l *check.List, field, value string) {
	check.KeyPrefix(l, field, value)
	if strings.HasSuffix(value, "/") {
		l.Addf(field, value, "must not end with a slash; AWS Config adds \"/AWSLogs/\"")
	}
}

func (p RecorderProps) validateDisabledRules(l *check.List) {
	names := make([]string, len(p.DisabledRules))
	for i, r := range p.DisabledRules {
		field := check.Index("RecorderProps.DisabledRules", i)
		names[i] = string(r)
		switch {
		case r == RuleApprovedAMIsByID || r == RuleApprovedAMIsByTag:
			l.Addf(field, string(r), "is on only with `ApprovedAMIIDs` or `ApprovedAMITags`; leave them empty instead")
		case !r.isDefault():
			l.Addf(field, string(r), "unknown rule; want one of %q", DefaultRules())
		}
	}
	check.Duplicates(l, "RecorderProps.DisabledRules[%d]", names)
}

func (p RecorderProps) validateBlockedPorts(l *check.List, resolved RecorderProps) {
	if len(p.BlockedPorts) == 0 {
		return
	}
	if !p.enabled(RuleRestrictedCommonPorts) {
		l.Addf("RecorderProps.BlockedPorts", p.BlockedPorts, "set, but rule %s is disabled", RuleRestrictedCommonPorts)
	}
	if len(p.BlockedPorts) > MaxBlockedPorts {
		l.Addf("RecorderProps.BlockedPorts", p.BlockedPorts, "%d ports; the rule takes at most %d", len(p.BlockedPorts), MaxBlockedPorts)
	}
	ports := make([]string, len(resolved.BlockedPorts))
	for i, port := range resolved.BlockedPorts {
		check.Port(l, check.Index("RecorderProps.BlockedPorts", i), port)
		ports[i] = strconv.Itoa(port)
	}
	check.Duplicates(l, "RecorderProps.BlockedPorts[%d]", ports)
}

func (p RecorderProps) validateApprovedAMIs(l *check.List) {
	validateParameterList(l, "RecorderProps.ApprovedAMIIDs", p.ApprovedAMIIDs, amiID,
		"not an AMI ID such as \"ami-0123456789abcdef0\"", "AMIs", MaxApprovedAMIIDs)
	if n := len(strings.Join(p.ApprovedAMIIDs, ",")); len(p.ApprovedAMIIDs) <= MaxApprovedAMIIDs && n > MaxApprovedAMIIDsLength {
		l.Addf("RecorderProps.ApprovedAMIIDs", p.ApprovedAMIIDs, "%d characters joined; the rule takes at most %d", n, MaxApprovedAMIIDsLength)
	}
	validateParameterList(l, "RecorderProps.ApprovedAMITags", p.ApprovedAMITags, amiTag,
		"not a tag such as \"approved\" or \"status:approved\": a key of 1-128 characters without commas or colons, optionally a colon and a value without commas",
		"tags", MaxApprovedAMITags)
	if len(p.ApprovedAMIIDs) > 0 && len(p.ApprovedAMITags) > 0 {
		l.Addf("RecorderProps.ApprovedAMITags", p.ApprovedAMITags, "set together with `ApprovedAMIIDs`; approve AMIs by ID or by tag, not both")
	}
}

// validateParameterList checks the values of a managed rule's list parameter: each
// must match pattern (else the problem is notA), none may repeat, and there may be at
// most max of them (noun names them in the message).
func validateParameterList(l *check.List, field string, values []string, pattern *regexp.Regexp, notA, noun string, max int) {
	for i, v := range values {
		if !pattern.MatchString(v) {
			l.Addf(check.Index(field, i), v, "%s", notA)
		}
	}
	check.Duplicates(l, field+"[%d]", values)
	if len(values) > max {
		l.Addf(field, values, "%d %s; the rule takes at most %d", len(values), noun, max)
	}
}
