package organization

import "github.com/aws/constructs-go/constructs/v10"

// PolicyNameProtectS3PublicAccessBlock is the default name of
// NewProtectS3PublicAccessBlock's policy.
const PolicyNameProtectS3PublicAccessBlock = "landingzone-protect-s3-public-access-block"

// ProtectS3PublicAccessBlockProps configures NewProtectS3PublicAccessBlock; the
// guardrail has no settings of its own.
type ProtectS3PublicAccessBlockProps struct {
	GuardrailProps
}

// NewProtectS3PublicAccessBlock attaches a policy that keeps the account-level S3
// Block Public Access settings as the landing zone set them. s3:PutAccountPublicAccessBlock
// authorizes both changing and deleting them. On error nothing is added to scope.
func NewProtectS3PublicAccessBlock(scope constructs.Construct, id string, props ProtectS3PublicAccessBlockProps) (*Guardrail, error) {
	return newGuardrail(scope, id, props)
}

// Validate reports every problem in p that does not depend on the app.
func (p ProtectS3PublicAccessBlockProps) Validate() error { return validateAlone(p) }

func (ProtectS3PublicAccessBlockProps) kind() kind {
	return kind{"ProtectS3PublicAccessBlockProps", PolicyNameProtectS3PublicAccessBlock,
		describe("the account-level S3 Block Public Access settings cannot be changed or removed")}
}

func (ProtectS3PublicAccessBlockProps) statements() []Statement {
	return []Statement{{
		Sid:      "ProtectS3AccountPublicAccessBlock",
		Effect:   "Deny",
		Action:   Values{"s3:PutAccountPublicAccessBlock"},
		Resource: Values{"*"},
	}}
}
