package organization

// Quotas of AWS Organizations that the constructs check before synthesis ("Quotas and
// service limits for AWS Organizations"). None of them can be raised.
const (
	// MaxPolicyCharacters is the largest service control policy, in characters of the
	// document as AWS stores it: minified JSON, whitespace outside strings removed.
	MaxPolicyCharacters = 5120
	// MaxPoliciesPerTarget is how many service control policies one root, OU or
	// account can hold directly. Policies inherited from parents do not count.
	MaxPoliciesPerTarget = 5
	// ReservedPolicySlots is how many of a target's MaxPoliciesPerTarget slots the
	// guardrails leave to an allow policy. AWS attaches FullAWSAccess to every root, OU
	// and account; a target whose SCPs allow nothing denies everything, so whoever
	// detaches FullAWSAccess must attach an allow-list in its place. Either way one slot
	// is taken, and at most four guardrails attach to one target.
	ReservedPolicySlots = 1
	// MaxOUDepth is how deep OUs nest below the root.
	MaxOUDepth = 5
	// Lengths AWS accepts for account names and the root user's e-mail address.
	MaxAccountNameLength  = 50
	MinAccountEmailLength = 6
	MaxAccountEmailLength = 64
	// MaxNameLength is the longest OU or policy name.
	MaxNameLength = 128
)

// serviceControlPolicy is the Type of an AWS::Organizations::Policy that is an SCP.
const serviceControlPolicy = "SERVICE_CONTROL_POLICY"
