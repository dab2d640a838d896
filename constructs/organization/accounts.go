package organization

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/go-landingzone/landingzone/internal/check"
)

var (
	// namePartPattern is an environment, team or system in an account name: lower-case
	// letters and digits, with single inner hyphens.
	namePartPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	// emailPrefixPattern is a mailbox name that plus addressing can extend.
	emailPrefixPattern = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)
)

// AccountProps describes one member account. Its name and e-mail address follow
// StructureProps.Naming unless set.
type AccountProps struct {
	// Env is the environment the account serves, such as "prod" or "dev"; Team owns
	// it; System optionally names what runs in it. Lower-case letters, digits and inner
	// hyphens. Env and Team are required unless Name is set. Each one set also tags
	// the account (TagEnvironment, TagTeam, TagSystem).
	Env    string
	Team   string
	System string
	// Name overrides the conventional name: 1-50 printable ASCII characters but "/",
	// unique.
	// Empty means Naming.Name(Env, Team, System). AWS cannot rename an account through
	// CloudFormation: change it in the console as the root user, then here.
	Name string
	// Email overrides the conventional root e-mail address, unique in AWS. Empty means
	// Naming.Email of the conventional name, or of Name when Env or Team is empty.
	// Like Name, it cannot be changed through CloudFormation.
	Email string
	// OU is the name of the account's OU in the tree, or the ID of an existing OU.
	// Empty means the root.
	OU string
}

// Tag keys that Structure puts on accounts.
const (
	TagEnvironment = "Environment"
	TagTeam        = "Team"
	TagSystem      = "System"
)

// plannedAccount is an account with its name and e-mail address resolved.
type plannedAccount struct {
	AccountProps
}

// planAccounts checks the accounts and their naming and returns them with names and
// e-mail addresses resolved, sorted by name, or nil when there is a problem.
func planAccounts(l *check.List, p StructureProps, ous map[string]bool) []plannedAccount {
	before := l.Len()
	checkNaming(l, p)
	planned := make([]plannedAccount, len(p.Accounts))
	names, emails := make([]string, len(p.Accounts)), make([]string, len(p.Accounts))
	for i, a := range p.Accounts {
		planned[i] = plannedAccount{resolveAccount(l, i, a, p.Naming)}
		if _, known := ous[a.OU]; a.OU != "" && !known && !ouIDPattern.MatchString(a.OU) {
			l.Addf(accountField(i, "OU"), a.OU, "no OU of that name in the tree; want an OU's name, an existing OU's ID (\"ou-a1b2-c3d4e5f6\") or empty for the root")
		}
		names[i] = strings.ToLower(planned[i].Name)
		emails[i] = strings.ToLower(planned[i].Email)
	}
	// Names and addresses compare without case, as people read them and mail
	// servers route them.
	check.Duplicates(l, "StructureProps.Accounts[%d].Name", names)
	check.Duplicates(l, "StructureProps.Accounts[%d].Email", emails)
	if l.Len() > before {
		return nil
	}
	slices.SortFunc(planned, func(a, b plannedAccount) int { return strings.Compare(a.Name, b.Name) })
	return planned
}

// checkNaming records problems of the convention itself.
func checkNaming(l *check.List, p StructureProps) {
	if n := p.Naming.EmailPrefix; n != "" && !emailPrefixPattern.MatchString(n) {
		l.Addf("StructureProps.Naming.EmailPrefix", n, "not a mailbox name of letters, digits and ._- (plus addressing adds the \"+\")")
	}
	derives := slices.ContainsFunc(p.Accounts, func(a AccountProps) bool { return a.Email == "" })
	switch d := p.Naming.EmailDomain; {
	case d == "" && derives:
		l.Addf("StructureProps.Naming.EmailDomain", d, "required while an account leaves its e-mail address to the convention; set it or every account's `Email`")
	case d != "":
		var dl check.List
		check.DomainPattern(&dl, "", d)
		if dl.Len() > 0 || strings.HasPrefix(d, ".") {
			l.Addf("StructureProps.Naming.EmailDomain", d, "not a mail domain such as \"example.com\"")
		}
	}
}

// resolveAccount fills in a's name and e-mail address and records their problems.
func resolveAccount(l *check.List, i int, a AccountProps, n AccountNaming) AccountProps {
	for _, part := range []struct{ field, value string }{{"Env", a.Env}, {"Team", a.Team}, {"System", a.System}} {
		switch {
		case part.value == "" && part.field != "System" && a.Name == "":
			l.Addf(accountField(i, part.field), part.value, "required to name the account by the convention; set it or `Name`")
		case part.value != "" && !namePartPattern.MatchString(part.value):
			l.Addf(accountField(i, part.field), part.value, "not a name part of lower-case letters, digits and inner hyphens")
		}
	}
	// label is what the conventional e-mail address is made of.
	label := a.Name
	if a.Env != "" && a.Team != "" {
		label = n.Name(a.Env, a.Team, a.System)
	}
	if label == "" {
		return a // Env or Team is missing, as recorded above.
	}
	if a.Name == "" {
		a.Name = label
	}
	switch {
	case len(a.Name) > MaxAccountNameLength:
		l.Addf(accountField(i, "Name"), a.Name, "%d characters; AWS accepts 1-%d", len(a.Name), MaxAccountNameLength)
	case strings.TrimFunc(a.Name, isPrintableASCII) != "" || strings.Contains(a.Name, "/"):
		// A slash would split the account's construct path.
		l.Addf(accountField(i, "Name"), a.Name, "not an account name of printable ASCII characters other than \"/\"")
	}
	if a.Email != "" {
		checkEmail(l, accountField(i, "Email"), a.Email, "")
		return a
	}
	if n.EmailDomain != "" {
		a.Email = n.Email(label)
		checkEmail(l, accountField(i, "Email"), a.Email, " (made by the naming convention; set `Email`, or a `Name` or `Naming` that make one)")
	}
	return a
}

// checkEmail records a problem unless email is an address AWS accepts for a root user.
func checkEmail(l *check.List, field, email, advice string) {
	var el check.List
	check.Email(&el, field, email)
	switch {
	case el.Len() > 0:
		l.Addf(field, email, "not an e-mail address such as \"aws+prod-payments@example.com\"%s", advice)
	case len(email) < MinAccountEmailLength || len(email) > MaxAccountEmailLength:
		l.Addf(field, email, "%d characters; AWS accepts %d-%d%s", len(email), MinAccountEmailLength, MaxAccountEmailLength, advice)
	}
}

func accountField(i int, f string) string { return fmt.Sprintf("StructureProps.Accounts[%d].%s", i, f) }

func isPrintableASCII(r rune) bool { return r >= 0x20 && r <= 0x7e }
