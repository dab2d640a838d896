package organization

import "github.com/aws/constructs-go/constructs/v10"

// PolicyNameProtectSecurityServices is the default name of NewProtectSecurityServices'
// policy.
const PolicyNameProtectSecurityServices = "landingzone-protect-security-services"

// ProtectSecurityServicesProps configures NewProtectSecurityServices; the guardrail has
// no settings of its own.
type ProtectSecurityServicesProps struct {
	GuardrailProps
}

// NewProtectSecurityServices attaches a policy that stops member accounts from turning
// off the detective services: stopping or deleting CloudTrail trails, GuardDuty
// detectors, the AWS Config recorder and delivery channel, Security Hub and IAM Access
// Analyzer analyzers, or leaving their delegated administrator. Creating and reading
// stay allowed, so that the landing zone's stacks can set the services up. On error
// nothing is added to scope.
func NewProtectSecurityServices(scope constructs.Construct, id string, props ProtectSecurityServicesProps) (*Guardrail, error) {
	return newGuardrail(scope, id, props)
}

// Validate reports every problem in p that does not depend on the app.
func (p ProtectSecurityServicesProps) Validate() error { return validateAlone(p) }

func (ProtectSecurityServicesProps) kind() kind {
	return kind{"ProtectSecurityServicesProps", PolicyNameProtectSecurityServices,
		describe("CloudTrail, GuardDuty, Config, Security Hub and Access Analyzer cannot be stopped or deleted")}
}

// statements deny, service by service, what stops a service recording or reporting.
func (ProtectSecurityServicesProps) statements() []Statement {
	deny := func(sid string, actions ...string) Statement {
		return Statement{Sid: sid, Effect: "Deny", Action: actions, Resource: Values{"*"}}
	}
	return []Statement{
		// UpdateTrail and PutEventSelectors can redirect a trail or filter every event
		// out, which stops it as surely as StopLogging.
		deny("ProtectCloudTrail", "cloudtrail:DeleteTrail", "cloudtrail:PutEventSelectors", "cloudtrail:StopLogging", "cloudtrail:UpdateTrail"),
		// UpdateDetector can disable a detector; the publishing destination carries
		// findings to the log archive.
		deny("ProtectGuardDuty", "guardduty:DeleteDetector", "guardduty:DeletePublishingDestination", "guardduty:DisassociateFromAdministratorAccount",
			"guardduty:DisassociateFromMasterAccount", "guardduty:UpdateDetector"),
		deny("ProtectConfig", "config:DeleteConfigurationRecorder", "config:DeleteDeliveryChannel", "config:StopConfigurationRecorder"),
		deny("ProtectSecurityHub", "securityhub:BatchDisableStandards", "securityhub:DisableSecurityHub", "securityhub:DisassociateFromAdministratorAccount",
			"securityhub:DisassociateFromMasterAccount"),
		// An archive rule hides findings as they arrive, as good as deleting the analyzer
		// for the resources it matches.
		deny("ProtectAccessAnalyzer", "access-analyzer:CreateArchiveRule", "access-analyzer:DeleteAnalyzer", "access-analyzer:UpdateArchiveRule"),
	}
}
