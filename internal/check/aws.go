package check

import (
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strings"
)

// Shapes of AWS identifiers, from the service API references.
var (
	accountIDPattern = regexp.MustCompile(`^\d{12}$`)
	orgIDPattern     = regexp.MustCompile(`^o-[a-z0-9]{10,32}$`)
	ouIDPattern      = regexp.MustCompile(`^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`)
	regionPattern    = regexp.MustCompile(`^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$`)
	bucketPattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
	arnPattern       = regexp.MustCompile(`^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$`)
	ipv4Pattern      = regexp.MustCompile(`^\d+\.\d+\.\d+\.\d+$`)
)

// AccountID records a problem unless value is a 12-digit AWS account ID.
func AccountID(l *List, field, value string) {
	if !accountIDPattern.MatchString(value) {
		l.Addf(field, value, "not a 12-digit AWS account ID")
	}
}

// OrganizationID records a problem unless value is an AWS Organizations ID
// (o-[a-z0-9]{10,32}).
func OrganizationID(l *List, field, value string) {
	if !orgIDPattern.MatchString(value) {
		l.Addf(field, value, "not an organization ID such as \"o-a1b2c3d4e5\"")
	}
}

// OrganizationalUnitID records a problem unless value is an OU ID such as
// "ou-ab12-cd34ef56".
func OrganizationalUnitID(l *List, field, value string) {
	if !ouIDPattern.MatchString(value) {
		l.Addf(field, value, "not an organizational unit ID such as \"ou-ab12-cd34ef56\"")
	}
}

// Region records a problem unless value is a region of the CDK's region facts: a
// misspelt or invented region would pass CloudFormation's checks here and fail, or
// lock accounts out through the region-deny guardrail, at deploy time.
func Region(l *List, field, value string) {
	switch {
	case knownRegions[value] != "":
	case !regionPattern.MatchString(value):
		l.Addf(field, value, "not an AWS region name such as \"eu-west-1\"; did you mean %q?", nearestRegion(value))
	default:
		l.Addf(field, value, "not a region the AWS CDK knows; did you mean %q?", nearestRegion(value))
	}
}

// Email records a problem unless value is a bare e-mail address (no display name).
func Email(l *List, field, value string) {
	addr, err := mail.ParseAddress(value)
	if err != nil || addr.Address != value || !strings.Contains(value[strings.LastIndex(value, "@")+1:], ".") {
		l.Addf(field, value, "not an e-mail address such as \"security@example.com\"")
	}
}

// BucketName records a problem unless value follows the S3 bucket naming rules for
// general purpose buckets: 3-63 characters of lower-case letters, digits, dots and
// hyphens, starting and ending with a letter or digit, no two adjacent dots, not an
// IP address, and none of the reserved prefixes and suffixes.
func BucketName(l *List, field, value string) {
	switch {
	case !bucketPattern.MatchString(value):
		l.Addf(field, value, "not an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit")
	case strings.Contains(value, ".."):
		l.Addf(field, value, "not an S3 bucket name: two adjacent dots")
	case ipv4Pattern.MatchString(value):
		l.Addf(field, value, "not an S3 bucket name: formatted as an IP address")
	case strings.HasPrefix(value, "xn--") || strings.HasPrefix(value, "sthree-") || strings.HasPrefix(value, "amzn-s3-demo-"):
		l.Addf(field, value, "not an S3 bucket name: reserved prefix")
	case strings.HasSuffix(value, "-s3alias") || strings.HasSuffix(value, "--ol-s3") || strings.HasSuffix(value, ".mrap") || strings.HasSuffix(value, "--x-s3"):
		l.Addf(field, value, "not an S3 bucket name: reserved suffix")
	}
}

// KeyPrefix records a problem when an S3 key prefix starts with a slash, which S3
// would keep as an empty first path segment.
func KeyPrefix(l *List, field, value string) {
	if strings.HasPrefix(value, "/") {
		l.Addf(field, value, "must not start with a slash")
	}
}

// ARN is a parsed Amazon Resource Name.
type ARN struct {
	Partition, Service, Region, Account, Resource string
}

// ParseARN records a problem and returns false unless value is an ARN of service
// (any service when empty) whose resource starts with resourcePrefix.
func ParseARN(l *List, field, value, service, resourcePrefix string) (ARN, bool) {
	m := arnPattern.FindStringSubmatch(value)
	if m == nil {
		l.Addf(field, value, "not an ARN such as \"arn:aws:%s:...\"", orDefaultString(service, "service"))
		return ARN{}, false
	}
	a := ARN{Partition: m[1], Service: m[2], Region: m[3], Account: m[4], Resource: m[5]}
	if service != "" && a.Service != service {
		l.Addf(field, value, "an ARN of service %s, want %s", a.Service, service)
		return a, false
	}
	if !strings.HasPrefix(a.Resource, resourcePrefix) {
		l.Addf(field, value, "the resource part must start with %q", resourcePrefix)
		return a, false
	}
	return a, true
}

// OneOf records a problem unless value is one of allowed.
func OneOf[T ~string](l *List, field string, value T, allowed []T) {
	if !slices.Contains(allowed, value) {
		l.Addf(field, string(value), "want one of %q", allowed)
	}
}

// Range records a problem unless min <= value <= max.
func Range(l *List, field string, value, min, max int) {
	if value < min || value > max {
		l.Addf(field, value, "out of range; allowed %d-%d", min, max)
	}
}

func orDefaultString(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// Index formats a field of the i-th element of a list: Index("Props.Emails", 2) is
// "Props.Emails[2]".
func Index(field string, i int) string { return fmt.Sprintf("%s[%d]", field, i) }
