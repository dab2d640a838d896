package identity

import (
	"regexp"
	"time"
	"unicode/utf8"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Shapes of identifiers, from the IAM Identity Center, Identity Store and IAM API
// references.
var (
	instanceArnPattern      = regexp.MustCompile(`^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso:::instance/((?:sso)?ins-[a-zA-Z0-9-.]{16})$`)
	permissionSetArnPattern = regexp.MustCompile(`^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso:::permissionSet/((?:sso)?ins-[a-zA-Z0-9-.]{16})/ps-[a-zA-Z0-9-./]{16}$`)
	groupIDPattern          = regexp.MustCompile(`^([0-9a-f]{10}-)?[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$`)
	permissionSetNamePat    = regexp.MustCompile(`^[\w+=,.@-]{1,32}$`)
	roleNamePattern         = regexp.MustCompile(`^[\w+=,.@-]{1,64}$`)
	samlProviderNamePattern = regexp.MustCompile(`^[\w+=,.@-]{1,128}$`)
	externalIDPattern       = regexp.MustCompile(`^[\w+=,.@:/-]*$`)
	// descriptionPattern is the character set of a permission set's description.
	descriptionPattern = regexp.MustCompile("^[\t\n\r\x20-\x7E\u00A1-\u00FF]*$")
)

// Limits of the values validated here.
const (
	// MinSessionDuration and MaxSessionDuration bound a permission set's session and an
	// IAM role's maximum session.
	MinSessionDuration = time.Hour
	MaxSessionDuration = 12 * time.Hour
	// MinExternalIDLength and MaxExternalIDLength bound sts:ExternalId.
	MinExternalIDLength = 2
	MaxExternalIDLength = 1224
	// maxDescriptionLength is the longest permission set description.
	maxDescriptionLength = 700
)

// instanceArn records a problem unless value is an Identity Center instance ARN, and
// returns its partition.
func instanceArn(l *check.List, field, value string) (partition string, ok bool) {
	m := instanceArnPattern.FindStringSubmatch(value)
	if m == nil {
		l.Addf(field, value, "not an IAM Identity Center instance ARN such as \"arn:aws:sso:::instance/ssoins-0123456789abcdef\"")
		return "", false
	}
	return m[1], true
}

// groupID records a problem unless value is an Identity Store group ID.
func groupID(l *check.List, field, value string) {
	if !groupIDPattern.MatchString(value) {
		l.Addf(field, value, "not an Identity Store group ID such as \"a1b2c3d4e5-0123abcd-4567-89ab-cdef-0123456789ab\" or a bare UUID")
	}
}

// permissionSetName records a problem unless value is a permission set name.
func permissionSetName(l *check.List, field, value string) {
	if !permissionSetNamePat.MatchString(value) {
		l.Addf(field, value, "not a permission set name: 1-32 letters, digits and +=,.@_-")
	}
}

// roleName records a problem unless value is an IAM role name.
func roleName(l *check.List, field, value string) {
	if !roleNamePattern.MatchString(value) {
		l.Addf(field, value, "not an IAM role name: 1-64 letters, digits and +=,.@_-")
	}
}

// description records a problem unless value fits a permission set's description.
func description(l *check.List, field, value string) {
	switch {
	case utf8.RuneCountInString(value) > maxDescriptionLength:
		l.Addf(field, nil, "%d characters; at most %d", utf8.RuneCountInString(value), maxDescriptionLength)
	case !descriptionPattern.MatchString(value):
		l.Addf(field, value, "only printable Latin-1 characters, tabs and line breaks are allowed")
	}
}

// sessionDuration records a problem unless value, with empty meaning
// DefaultSessionDuration, is an ISO 8601 duration from MinSessionDuration to
// MaxSessionDuration, and returns it.
func sessionDuration(l *check.List, field, value string) time.Duration {
	if value == "" {
		value = DefaultSessionDuration
	}
	d, _ := check.ISODuration(l, field, value, MinSessionDuration, MaxSessionDuration)
	return d
}

// externalID records a problem unless value can be an sts:ExternalId. The value is
// left out of length problems, where it would only be noise.
func externalID(l *check.List, field, value string) {
	switch n := len(value); {
	case n < MinExternalIDLength:
		l.Addf(field, value, "too short; an external ID has %d to %d characters", MinExternalIDLength, MaxExternalIDLength)
	case n > MaxExternalIDLength:
		l.Addf(field, nil, "%d characters; an external ID has %d to %d", n, MinExternalIDLength, MaxExternalIDLength)
	case !externalIDPattern.MatchString(value):
		l.Addf(field, value, "only letters, digits and +=,.@:/_- are allowed in an external ID")
	}
}
