package organization

import "github.com/aws/constructs-go/constructs/v10"

// PolicyNameDenyLeaveOrganization is the default name of NewDenyLeaveOrganization's
// policy.
const PolicyNameDenyLeaveOrganization = "landingzone-deny-leave-organization"

// DenyLeaveOrganizationProps configures NewDenyLeaveOrganization; the guardrail has no
// settings of its own.
type DenyLeaveOrganizationProps struct {
	GuardrailProps
}

// NewDenyLeaveOrganization attaches a policy that keeps member accounts in the
// organization: an account that left would shed every guardrail, the organization trail
// and consolidated billing. On error nothing is added to scope.
func NewDenyLeaveOrganization(scope constructs.Construct, id string, props DenyLeaveOrganizationProps) (*Guardrail, error) {
	return newGuardrail(scope, id, props)
}

// Validate reports every problem in p that does not depend on the app.
func (p DenyLeaveOrganizationProps) Validate() error { return validateAlone(p) }

func (DenyLeaveOrganizationProps) kind() kind {
	return kind{"DenyLeaveOrganizationProps", PolicyNameDenyLeaveOrganization, describe("member accounts cannot leave the organization")}
}

func (DenyLeaveOrganizationProps) statements() []Statement {
	return []Statement{{
		Sid:      "DenyLeaveOrganization",
		Effect:   "Deny",
		Action:   Values{"organizations:LeaveOrganization"},
		Resource: Values{"*"},
	}}
}
