package organization

import (
	"regexp"
	"slices"
	"strings"

	"github.com/aws/constructs-go/constructs/v10"

	"github.com/go-landingzone/landingzone/internal/check"
)

// PolicyNameProtectLandingZone is the default name of NewProtectLandingZone's policy.
const PolicyNameProtectLandingZone = "landingzone-protect-landing-zone"

var (
	// keyAliasPattern is a customer KMS alias; "alias/aws/" names AWS managed keys.
	keyAliasPattern = regexp.MustCompile(`^alias/[A-Za-z0-9/_-]{1,250}$`)
	// keyARNPattern is a KMS key ARN, wildcards allowed for the region, account and key.
	keyARNPattern = regexp.MustCompile(`^arn:aws:kms:([a-z0-9-]+|\*):(\d{12}|\*):key/[A-Za-z0-9*?-]+$`)
)

// What the landing zone's own resources must keep. Creating a protected role is denied
// too: in an account that lacks the admin role, whoever created one by that name would
// be exempt from every guardrail.
var (
	bucketActions = Values{
		"s3:BypassGovernanceRetention", "s3:DeleteBucket*", "s3:DeleteObject*", "s3:PutBucket*",
		"s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration", "s3:PutObjectAcl",
		"s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:PutObjectVersionAcl", "s3:PutReplicationConfiguration",
	}
	keyActions  = Values{"kms:DisableKey", "kms:DisableKeyRotation", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"}
	roleActions = Values{
		"iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary",
		"iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy",
		"iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription",
	}
)

// ProtectLandingZoneProps configures NewProtectLandingZone. The zero value protects the
// exempted roles only.
type ProtectLandingZoneProps struct {
	GuardrailProps
	// Buckets names the log archive's buckets (the log bucket, its access-log bucket),
	// whose configuration, policy and objects no one but the exempted roles may change
	// or delete. Writing objects stays allowed. Empty means none.
	Buckets []string
	// KeyAliases names, as "alias/<name>", the KMS keys of the log archive by alias:
	// they cannot be disabled, scheduled for deletion, stripped of rotation or given
	// another key policy, and the aliases cannot be deleted or moved to another key.
	// Empty means none.
	KeyAliases []string
	// KeyARNs protect keys like KeyAliases by ARN; region, account and key ID may be
	// wildcards ("arn:aws:kms:*:111111111111:key/*" is every key of the log archive
	// account). Empty means none.
	KeyARNs []string
	// RoleNames are the landing zone's roles, wildcards allowed, that no one but the
	// exempted roles may create, change or delete. The exempted roles themselves are
	// always protected: whoever could change one's trust policy could assume it and
	// bypass every guardrail. Empty means the exempted roles only.
	RoleNames []string
}

// NewProtectLandingZone attaches a policy that keeps the landing zone's own resources
// as it built them: the log archive buckets, their KMS keys and the landing zone's
// roles. On error nothing is added to scope.
func NewProtectLandingZone(scope constructs.Construct, id string, props ProtectLandingZoneProps) (*Guardrail, error) {
	return newGuardrail(scope, id, props)
}

// Validate reports every problem in p that does not depend on the app.
func (p ProtectLandingZoneProps) Validate() error { return validateAlone(p) }

func (ProtectLandingZoneProps) kind() kind {
	return kind{"ProtectLandingZoneProps", PolicyNameProtectLandingZone,
		describe("the log archive buckets, their keys and the landing zone's roles cannot be changed")}
}

func (p ProtectLandingZoneProps) checkSettings(l *check.List) {
	for i, b := range p.Buckets {
		check.BucketName(l, check.Index("ProtectLandingZoneProps.Buckets", i), b)
	}
	check.Duplicates(l, "ProtectLandingZoneProps.Buckets[%d]", p.Buckets)
	for i, a := range p.KeyAliases {
		field := check.Index("ProtectLandingZoneProps.KeyAliases", i)
		switch {
		case !keyAliasPattern.MatchString(a):
			l.Addf(field, a, "not a KMS alias such as \"alias/landingzone-logs\"")
		case strings.HasPrefix(a, "alias/aws/"):
			l.Addf(field, a, "names an AWS managed key, which AWS already protects")
		}
	}
	check.Duplicates(l, "ProtectLandingZoneProps.KeyAliases[%d]", p.KeyAliases)
	for i, a := range p.KeyARNs {
		if !keyARNPattern.MatchString(a) {
			l.Addf(check.Index("ProtectLandingZoneProps.KeyARNs", i), a, "not a KMS key ARN such as \"arn:aws:kms:*:111111111111:key/*\"")
		}
	}
	check.Duplicates(l, "ProtectLandingZoneProps.KeyARNs[%d]", p.KeyARNs)
	for i, r := range p.RoleNames {
		checkRoleName(l, check.Index("ProtectLandingZoneProps.RoleNames", i), r)
	}
	check.Duplicates(l, "ProtectLandingZoneProps.RoleNames[%d]", p.RoleNames)
}

func (p ProtectLandingZoneProps) statements() []Statement {
	deny := func(sid string, actions, resources Values) Statement {
		return Statement{Sid: sid, Effect: "Deny", Action: actions, Resource: resources}
	}
	var stmts []Statement
	if len(p.Buckets) > 0 {
		var arns Values
		for _, b := range p.Buckets {
			arns = append(arns, "arn:aws:s3:::"+b, "arn:aws:s3:::"+b+"/*")
		}
		stmts = append(stmts, deny("ProtectLogArchiveBuckets", bucketActions, arns))
	}
	if len(p.KeyAliases) > 0 {
		// A key is found by its alias wherever it lives; the alias itself must stay put,
		// or deleting it would lift the protection.
		byAlias := deny("ProtectLogArchiveKeys", keyActions, Values{"*"})
		byAlias.Condition = Conditions{"ForAnyValue:StringEquals": {"kms:ResourceAliases": p.KeyAliases}}
		var aliases Values
		for _, a := range p.KeyAliases {
			aliases = append(aliases, "arn:aws:kms:*:*:"+a)
		}
		stmts = append(stmts, byAlias, deny("ProtectLogArchiveKeyAliases", Values{"kms:DeleteAlias", "kms:UpdateAlias"}, aliases))
	}
	if len(p.KeyARNs) > 0 {
		stmts = append(stmts, deny("ProtectLogArchiveKeysByArn", keyActions, p.KeyARNs))
	}
	var roles Values
	for _, r := range append(p.exemptRoles(), p.RoleNames...) {
		if arn := RoleARNPattern(r); !slices.Contains(roles, arn) {
			roles = append(roles, arn)
		}
	}
	return append(stmts, deny("ProtectLandingZoneRoles", roleActions, roles))
}
