package organization

import "github.com/aws/constructs-go/constructs/v10"

// PolicyNameRequireIMDSv2 is the default name of NewRequireIMDSv2's policy.
const PolicyNameRequireIMDSv2 = "landingzone-require-imdsv2"

// RequireIMDSv2Props configures NewRequireIMDSv2; the guardrail has no settings of its
// own.
type RequireIMDSv2Props struct {
	GuardrailProps
}

// NewRequireIMDSv2 attaches a policy that denies launching an EC2 instance unless its
// metadata service requires session tokens (IMDSv2), which defeats the server-side
// request forgery that reads instance credentials through IMDSv1. The launch request
// must say so itself (MetadataOptions.HttpTokens "required", in the request or its
// launch template): a request that leaves it to the AMI or account default is denied.
// Changing the metadata options of running instances is denied too, so that IMDSv1
// cannot be turned back on. On error nothing is added to scope.
func NewRequireIMDSv2(scope constructs.Construct, id string, props RequireIMDSv2Props) (*Guardrail, error) {
	return newGuardrail(scope, id, props)
}

// Validate reports every problem in p that does not depend on the app.
func (p RequireIMDSv2Props) Validate() error { return validateAlone(p) }

func (RequireIMDSv2Props) kind() kind {
	return kind{"RequireIMDSv2Props", PolicyNameRequireIMDSv2, describe("EC2 instances launch only with IMDSv2 required")}
}

func (RequireIMDSv2Props) statements() []Statement {
	return []Statement{
		{
			Sid:    "RequireIMDSv2OnLaunch",
			Effect: "Deny",
			Action: Values{"ec2:RunInstances"},
			// The key is set on the instance resource of a launch only; other resources
			// of the request (subnet, volume, image) would lack it and be denied.
			Resource:  Values{"arn:aws:ec2:*:*:instance/*"},
			Condition: Conditions{"StringNotEquals": {"ec2:MetadataHttpTokens": Values{"required"}}},
		},
		{
			Sid:      "DenyMetadataOptionChanges",
			Effect:   "Deny",
			Action:   Values{"ec2:ModifyInstanceMetadataOptions"},
			Resource: Values{"*"},
		},
	}
}
