// Package identity builds who may do what in a landing zone: IAM Identity Center
// permission sets for the usual personas, group assignments expanded from accounts and
// OUs and split over as many stacks as CloudFormation needs, time-boxed elevated
// access, a third-party audit role and SAML federation for teams not on Identity
// Center.
//
// # Personas
//
// A Persona names a set of permissions that both permission sets (NewPermissionSet) and
// IAM roles (SamlRole) can carry:
//
//   - PersonaAdministrator: AdministratorAccess.
//   - PersonaDeveloper: PowerUserAccess, everything but IAM and account management.
//   - PersonaOperator: sees everything (ViewOnlyAccess), opens support cases, starts,
//     stops and reboots instances, opens Session Manager sessions and scales Auto
//     Scaling groups of its own account; changes no code, IAM or data.
//   - PersonaContentEditor: reads and writes objects, and nothing else, in the buckets
//     of its own account that carry a given tag (attribute-based access control on
//     bucket tags, which S3 evaluates only on buckets with ABAC enabled).
//   - PersonaReadOnly: ReadOnlyAccess, which includes reading data.
//   - PersonaViewOnly: ViewOnlyAccess, resource metadata without data.
//   - PersonaSecurityAuditor: SecurityAudit and ViewOnlyAccess.
//
// # Assignments at scale
//
// NewAssignmentStacks expands assignments of groups to accounts and OUs into one
// AWS::SSO::Assignment per group, permission set and account, and spreads them over
// stacks of at most MaxAssignmentsPerStack resources (400 by default, under
// CloudFormation's 500). Every assignment of an account lands in the same stack,
// chosen by a consistent hash of the account ID:
//
//   - with a pinned StackCount, adding or removing assignments never moves an account
//     to another stack; outgrowing the count is a validation error naming the count
//     that fits;
//   - when the count grows from n to n+1, only the accounts the new stack takes (about
//     1/(n+1) of them) move, and nothing moves between the existing stacks.
//
// The price of stability is balance: stacks fill unevenly (in a test of 2,000
// assignments over 200 accounts, from 230 to 380 each), so the count is somewhat
// above the minimum a perfect packing would need.
//
// # Time-boxed access
//
// NewTimeBoxedPermissionSet and NewTimeBoxedRole allow a Grant's actions only while
// aws:CurrentTime is before its expiry. IAM checks the condition on every request, so
// sessions opened before the expiry stop working at it too. An expired grant fails
// validation: the next synthesis asks for it to be removed.
package identity

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
