package organization

import "strings"

// DefaultEmailPrefix is the local part of the mailbox that receives the mail of every
// account's root user unless AccountNaming says otherwise.
const DefaultEmailPrefix = "aws"

// AccountNaming is the naming convention of member accounts: the name
// "{env}-{team}[-{system}]", such as "prod-payments-ledger", and the root user's e-mail
// address "{EmailPrefix}+{name}@{EmailDomain}", such as
// "aws+prod-payments-ledger@example.com". Plus addressing delivers the mail of every
// account to one mailbox, yet each address is unique, as AWS requires.
type AccountNaming struct {
	// EmailPrefix is the local part of the shared mailbox, without "+". Empty means
	// DefaultEmailPrefix.
	EmailPrefix string
	// EmailDomain is the mail domain, such as "example.com". Required when an account
	// leaves its e-mail address to the convention.
	EmailDomain string
}

// Name is the conventional account name of a team's system in an environment; an
// empty system leaves it out ("prod-payments").
func (n AccountNaming) Name(env, team, system string) string {
	parts := []string{env, team}
	if system != "" {
		parts = append(parts, system)
	}
	return strings.Join(parts, "-")
}

// Email is the conventional root e-mail address of the account called name.
func (n AccountNaming) Email(name string) string {
	prefix := n.EmailPrefix
	if prefix == "" {
		prefix = DefaultEmailPrefix
	}
	return prefix + "+" + name + "@" + n.EmailDomain
}
