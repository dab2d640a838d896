package organization

import "github.com/aws/constructs-go/constructs/v10"

// PolicyNameDenyRootUser is the default name of NewDenyRootUser's policy.
const PolicyNameDenyRootUser = "landingzone-deny-root-user"

// DenyRootUserProps configures NewDenyRootUser; the guardrail has no settings of its
// own.
type DenyRootUserProps struct {
	GuardrailProps
}

// NewDenyRootUser attaches a policy that denies every action to the root user of the
// member accounts, whose credentials cannot be scoped, rotated by role or tied to a
// person, except RootMFAActions: the root user may still set up its MFA device. A deny
// of everything would keep the root user from ever enabling MFA while AWS Config's
// root-account-mfa-enabled rule and Security Hub's CIS controls keep reporting the
// account for it; with the exemption a root user who signs in (after a password reset)
// can do nothing but add MFA, and removing MFA (iam:DeactivateMFADevice) stays denied.
// Tasks that only the root user can do (changing the account's e-mail address, some
// support plans) then need the policy detached from the account, or the centralized
// root access of IAM. On error nothing is added to scope.
func NewDenyRootUser(scope constructs.Construct, id string, props DenyRootUserProps) (*Guardrail, error) {
	return newGuardrail(scope, id, props)
}

// Validate reports every problem in p that does not depend on the app.
func (p DenyRootUserProps) Validate() error { return validateAlone(p) }

func (DenyRootUserProps) kind() kind {
	return kind{"DenyRootUserProps", PolicyNameDenyRootUser, describe("the root user of member accounts can do nothing")}
}

func (DenyRootUserProps) statements() []Statement {
	return []Statement{{
		Sid:       "DenyRootUser",
		Effect:    "Deny",
		NotAction: RootMFAActions(),
		Resource:  Values{"*"},
		Condition: Conditions{"ArnLike": {principalARNKey: Values{"arn:aws:iam::*:root"}}},
	}}
}

// RootMFAActions returns, in a new slice at each call, what a root user needs to add
// and use a virtual or hardware MFA device: the actions of the IAM User Guide's policy
// that lets a principal manage its own MFA device
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_mfa-selfmanage.html).
func RootMFAActions() Values {
	return Values{
		"iam:CreateVirtualMFADevice",
		"iam:EnableMFADevice",
		"iam:GetUser",
		"iam:ListMFADevices",
		"iam:ListVirtualMFADevices",
		"iam:ResyncMFADevice",
		"sts:GetSessionToken",
	}
}
