package logarchive

import (
	"encoding/json"
	"fmt"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Limits of the policies that name the senders.
const (
	// MaxDestinationPolicyBytes is the largest access policy a CloudWatch Logs
	// destination accepts.
	MaxDestinationPolicyBytes = 5120
	// MaxTrustPolicyChars is IAM's default quota for a role's trust policy, counted
	// without whitespace. It can be raised to 4,096 by a quota request.
	MaxTrustPolicyChars = 2048
)

// logsPrincipal is the service that assumes the destination role and checks the
// destination policy.
const logsPrincipal = "logs.amazonaws.com"

// senders is who may send log events to a destination: every account of an
// organization, or listed accounts. Exactly one of the two is set.
type senders struct {
	orgID    string
	accounts []string
}

// validate records the problems of the sender fields, named with prefix
// ("LogArchiveProps."). destinationArn and logArchiveAccount size the policies; they
// may be placeholders of the final length when the stack's are tokens.
func (s senders) validate(l *check.List, prefix, destinationArn, logArchiveAccount string) {
	orgField, accountsField := prefix+"OrganizationID", prefix+"SourceAccounts"
	switch {
	case s.orgID == "" && len(s.accounts) == 0:
		l.Addf(orgField, s.orgID, "required unless `SourceAccounts` lists the accounts that may send logs")
		return
	case s.orgID != "" && len(s.accounts) > 0:
		l.Addf(accountsField, s.accounts, "set only one of `OrganizationID` and `SourceAccounts`")
		return
	case s.orgID != "":
		check.OrganizationID(l, orgField, s.orgID)
		return
	}
	before := l.Len()
	for i, a := range s.accounts {
		check.AccountID(l, check.Index(accountsField, i), a)
	}
	check.Duplicates(l, accountsField+"[%d]", s.accounts)
	if l.Len() > before {
		return
	}
	if n := len(mustJSON(s.destinationPolicy(destinationArn))); n > MaxDestinationPolicyBytes {
		l.Addf(accountsField, fmt.Sprintf("%d accounts", len(s.accounts)),
			"the destination policy would be %d bytes, over the %d-byte limit of CloudWatch Logs; admit the organization with `OrganizationID` instead", n, MaxDestinationPolicyBytes)
	}
	if n := len(mustJSON(s.trustPolicy(logArchiveAccount))); n > MaxTrustPolicyChars {
		l.Addf(accountsField, fmt.Sprintf("%d accounts", len(s.accounts)),
			"the destination role's trust policy would be %d characters, over IAM's default quota of %d; admit the organization with `OrganizationID` instead", n, MaxTrustPolicyChars)
	}
}

// destinationStatement is the only statement of the destination's access policy: the
// senders may subscribe their log groups, one by one or account-wide, to it and to
// nothing else.
func (s senders) destinationStatement(destinationArn string) map[string]any {
	st := map[string]any{
		"Effect":   "Allow",
		"Action":   []string{"logs:PutAccountPolicy", "logs:PutSubscriptionFilter"},
		"Resource": destinationArn,
	}
	if s.orgID != "" {
		st["Principal"] = map[string]any{"AWS": "*"}
		st["Condition"] = map[string]any{"StringEquals": map[string]any{"aws:PrincipalOrgID": s.orgID}}
	} else {
		st["Principal"] = map[string]any{"AWS": oneOrMany(s.accounts)}
	}
	return st
}

// destinationPolicy is the access policy as CloudWatch Logs stores it.
func (s senders) destinationPolicy(destinationArn string) map[string]any {
	return policy(s.destinationStatement(destinationArn))
}

// trustConditions limit the destination role to CloudWatch Logs acting for the
// senders' log groups or for the log archive's own destinations.
func (s senders) trustConditions(logArchiveAccount string) map[string]any {
	if s.orgID != "" {
		return map[string]any{"StringEquals": map[string]any{"aws:SourceOrgID": s.orgID}}
	}
	return map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": oneOrMany(s.withAccount(logArchiveAccount))}}
}

// trustPolicy is the destination role's trust policy, for its size.
func (s senders) trustPolicy(logArchiveAccount string) map[string]any {
	return policy(map[string]any{
		"Action":    "sts:AssumeRole",
		"Condition": s.trustConditions(logArchiveAccount),
		"Effect":    "Allow",
		"Principal": map[string]any{"Service": logsPrincipal},
	})
}

// withAccount returns the accounts with account added unless listed.
func (s senders) withAccount(account string) []string {
	out := append([]string(nil), s.accounts...)
	for _, a := range out {
		if a == account {
			return out
		}
	}
	return append(out, account)
}

func policy(statement map[string]any) map[string]any {
	return map[string]any{"Version": "2012-10-17", "Statement": []any{statement}}
}

// oneOrMany renders a list as IAM does: a single value as a string.
func oneOrMany(values []string) any {
	if len(values) == 1 {
		return values[0]
	}
	return values
}

// mustJSON marshals a policy document built here, which cannot fail.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("logarchive: " + err.Error())
	}
	return b
}
