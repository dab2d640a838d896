// Package organization builds, in the management account, an AWS Organization's
// structure as code: the OU tree and member accounts named by convention.
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
// # Before deploying
//
// The organization must have all features enabled. The stack deploys in the management
// account, in any region: Organizations is a global service.
package organization

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps

// pkg prefixes every validation error of this package.
const pkg = "organization"
