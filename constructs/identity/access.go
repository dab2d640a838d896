package identity

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Defaults of the bucket tag that admits PersonaContentEditor.
const (
	DefaultContentTagKey   = "landingzone:content"
	DefaultContentTagValue = "editable"
)

var (
	policyNamePattern  = regexp.MustCompile(`^[\w+=,.@-]{1,128}$`)
	policyPathPattern  = regexp.MustCompile(`^/([\x21-\x7E]+/)?$`)
	managedNamePattern = regexp.MustCompile(`^([\w+=,.@-]+/)*[\w+=,.@-]{1,128}$`)
	tagKeyPattern      = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$`)
	tagValuePattern    = regexp.MustCompile(`^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`)
)

// access is a persona with its options, as permission sets and IAM roles carry it.
type access struct {
	persona Persona
	// boundaryPolicyName is a customer-managed policy, "Name" or "/path/Name".
	boundaryPolicyName string
	// boundaryManagedPolicy is an AWS managed policy name with its path.
	boundaryManagedPolicy string
	contentTagKey         string
	contentTagValue       string
}

// withDefaults resolves the content tag of a content editor.
func (a access) withDefaults() access {
	if a.persona == PersonaContentEditor {
		if a.contentTagKey == "" {
			a.contentTagKey = DefaultContentTagKey
		}
		if a.contentTagValue == "" {
			a.contentTagValue = DefaultContentTagValue
		}
	}
	return a
}

// validate records the problems of raw options, with fields named after prefix
// ("PermissionSetProps.").
func (a access) validate(l *check.List, prefix string) {
	switch {
	case a.persona == "":
		l.Addf(prefix+"Persona", string(a.persona), "required; want one of %q", Personas())
	case !a.persona.Valid():
		l.Addf(prefix+"Persona", string(a.persona), "unknown persona; want one of %q", Personas())
	}
	if a.boundaryPolicyName != "" && a.boundaryManagedPolicy != "" {
		l.Addf(prefix+"BoundaryManagedPolicy", a.boundaryManagedPolicy, "set together with `BoundaryPolicyName`; a permissions boundary is one policy")
	}
	if a.boundaryPolicyName != "" {
		path, name := splitPolicyPath(a.boundaryPolicyName)
		if !policyNamePattern.MatchString(name) || !policyPathPattern.MatchString(path) {
			l.Addf(prefix+"BoundaryPolicyName", a.boundaryPolicyName, "not a customer-managed policy name such as \"WorkloadBoundary\" or \"/boundaries/WorkloadBoundary\"")
		}
	}
	if a.boundaryManagedPolicy != "" && !managedNamePattern.MatchString(a.boundaryManagedPolicy) {
		l.Addf(prefix+"BoundaryManagedPolicy", a.boundaryManagedPolicy, "not an AWS managed policy name such as \"PowerUserAccess\" or \"job-function/ViewOnlyAccess\"")
	}
	if a.persona != PersonaContentEditor {
		if a.contentTagKey != "" || a.contentTagValue != "" {
			l.Addf(prefix+"ContentTagKey", a.contentTagKey, "applies to persona %s only", PersonaContentEditor)
		}
		return
	}
	full := a.withDefaults()
	if !tagKeyPattern.MatchString(full.contentTagKey) || strings.HasPrefix(strings.ToLower(full.contentTagKey), "aws:") {
		l.Addf(prefix+"ContentTagKey", a.contentTagKey, "not a tag key: 1-128 letters, digits, spaces and _.:/=+-@, not starting with aws:")
	}
	if utf8.RuneCountInString(full.contentTagValue) > 256 || !tagValuePattern.MatchString(full.contentTagValue) {
		l.Addf(prefix+"ContentTagValue", a.contentTagValue, "not a tag value: up to 256 letters, digits, spaces and _.:/=+-@")
	}
}

// managedPolicies lists the AWS managed policies of the persona.
func (a access) managedPolicies() []string { return personaSpecs[a.persona].managed }

// statements builds the persona's inline statements for partition, or nil.
func (a access) statements(partition string) []statement {
	if inline := personaSpecs[a.persona].inline; inline != nil {
		return inline(a.withDefaults(), partition)
	}
	return nil
}

// splitPolicyPath splits "/path/Name" into "/path/" and "Name"; a bare name has the
// path "/".
func splitPolicyPath(value string) (path, name string) {
	i := strings.LastIndex(value, "/")
	if i < 0 {
		return "/", value
	}
	return value[:i+1], value[i+1:]
}
