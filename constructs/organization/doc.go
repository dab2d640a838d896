// Package organization builds, in the management account, an AWS Organization's
// structure as code: the OU tree, member accounts named by convention, and a library of
// service control policies (SCPs), the guardrails, that protect the landing zone itself.
//
// # Structure
//
// NewStructure takes the OU tree by name, each OU naming its parent, and the accounts,
// each naming its OU. It refuses unknown parents, cycles (naming every OU in them),
// trees deeper than AWS allows, and duplicate account names or e-mail addresses, all
// at once and before creating anything. OUs and accounts are created in an order that
// does not depend on the order they were listed in, so the template stays the same
// when the lists are reordered.
//
// Accounts are named "{env}-{team}[-{system}]" and receive their root user's mail at
// "{prefix}+{name}@{domain}" (AccountNaming); each can override both.
//
// # Accounts outlive the stack
//
// AWS::Organizations::Account resources are kept when they leave the template or the
// stack is deleted (DeletionPolicy Retain; the constructs set it explicitly): deleting a
// stack never closes an account, and an account removed from the props stays in its OU,
// no longer managed. Closing one is a separate, deliberate act in the management
// account (`aws organizations close-account`, or the console): the account is
// suspended (SUSPENDED), AWS Support can reopen it for 90 days, after which AWS deletes
// what it still holds. AWS closes at most 10% of the member accounts (between 10 and
// 1,000) in any 30 days. Changing an account's name or e-mail address in the props does
// not rename it: CloudFormation cannot update either (the root user changes them in the
// console, then the props follow), and a changed name makes a new account. OUs are
// retained as well, since AWS cannot delete one that still holds accounts.
//
// # Guardrails
//
// Each guardrail is a typed constructor that creates one SCP and attaches it to its
// targets (the root, OUs or accounts; Structure.Target names them):
//
//   - NewDenyLeaveOrganization: member accounts cannot leave the organization.
//   - NewDenyRootUser: the root user of member accounts can do nothing.
//   - NewProtectSecurityServices: CloudTrail, GuardDuty, AWS Config, Security Hub and
//     IAM Access Analyzer cannot be stopped or deleted.
//   - NewProtectLandingZone: the log archive buckets, their KMS keys and the landing
//     zone's roles cannot be changed or deleted.
//   - NewRegionDeny: nothing happens outside the allowed regions, except in the global
//     services of GlobalServiceActions.
//   - NewRequireIMDSv2: EC2 instances launch only with IMDSv2 required.
//   - NewProtectS3PublicAccessBlock: the account-level S3 Block Public Access settings
//     cannot be changed or removed.
//
// Every deny statement exempts the landing-zone administration role
// (GuardrailProps.AdminRoleName, DefaultAdminRoleName unless set; an IAM Identity
// Center permission set through IdentityCenterRoleName) and any further
// ExemptRoleNames, with the condition ArnNotLike aws:PrincipalArn
// arn:aws:iam::*:role/<name>. NewProtectLandingZone keeps those roles from being
// changed, or created where they do not exist, by anyone else: attach it wherever
// another guardrail is attached, or the exemption is a way around them. Exempt the
// roles that deploy the landing zone's stacks into member accounts too: replacing or
// deleting a Config recorder or a trail is a stop.
//
// A layout that fits the limits below: DenyLeaveOrganization, DenyRootUser,
// ProtectSecurityServices and ProtectLandingZone on the root, which every account
// inherits; RegionDeny, RequireIMDSv2 and ProtectS3PublicAccessBlock on the OUs of
// workloads and sandboxes, leaving the foundational accounts (log archive, audit,
// network) free to use global features from any region.
//
// # Limits checked before synthesis
//
// AWS refuses, at deploy time, an SCP larger than MaxPolicyCharacters (5,120
// characters of minified JSON) and a root, OU or account holding more than
// MaxPoliciesPerTarget (5) SCPs directly. The constructors render each document in Go,
// exactly as AWS will store it, and refuse one that is too large with its size. They
// count the SCPs every target holds in the whole CDK app, whoever created them, plus
// ReservedPolicySlots for FullAWSAccess: every target needs a policy that allows, and
// AWS attaches FullAWSAccess to each one. So at most four guardrails attach to one
// target; attach the rest to a parent, whose policies its children inherit. Policies
// attached outside the app are not seen. Policy names must be unique as well.
//
// # What SCPs do not restrict
//
// SCPs do not apply to the management account, nor to service-linked roles, nor to
// AWS services acting as service principals (CloudTrail writing to the log archive,
// for instance). They limit what principals of member accounts may do, including
// their root users, and grant nothing. Keep the management account for the
// organization's own resources and protect it by other means (few people, MFA, no
// workloads).
//
// # Before deploying
//
// The organization must have all features enabled and the SERVICE_CONTROL_POLICY policy
// type enabled on its root (`aws organizations enable-policy-type`); CloudFormation
// cannot do either. The stack deploys in the management account, in any region:
// Organizations is a global service.
package organization

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps

// pkg prefixes every validation error of this package.
const pkg = "organization"
