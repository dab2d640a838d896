package identity

import (
	"regexp"
	"strings"
	"time"

	"github.com/go-landingzone/landingzone/internal/check"
)

// MaxGrantDuration is how far ahead of the time of validation a grant may expire.
// Elevated access for longer is standing access, which belongs in a persona reviewed
// as such.
const MaxGrantDuration = 30 * 24 * time.Hour

// Grant is elevated access that ends at a fixed instant: its actions are allowed only
// while aws:CurrentTime is before ExpiresAt.
type Grant struct {
	// Actions lists what the grant allows, as "service:Action" with optional * and ?
	// wildcards, or "*". Required.
	Actions []string
	// Resources lists the ARNs the actions apply to, with optional wildcards. Empty
	// means every resource ("*").
	Resources []string
	// ExpiresAt is when the access ends, kept to the second in UTC. Required; it must
	// lie after the time of validation and at most MaxGrantDuration after it.
	ExpiresAt time.Time
}

var actionPattern = regexp.MustCompile(`^(\*|[a-zA-Z0-9-]+:[A-Za-z0-9*?]+)$`)

// expiryLayout is how aws:CurrentTime conditions spell an instant (ISO 8601, UTC).
const expiryLayout = "2006-01-02T15:04:05Z"

// nowOr returns now, or time.Now when it is nil.
func nowOr(now func() time.Time) time.Time {
	if now == nil {
		return time.Now()
	}
	return now()
}

// validate records the problems of g, with fields named after prefix ("...Grant."),
// measured against now, and returns g with its defaults resolved.
func (g Grant) validate(l *check.List, prefix string, now time.Time) Grant {
	if len(g.Actions) == 0 {
		l.Addf(prefix+"Actions", g.Actions, "required; name the actions the grant allows")
	}
	for i, a := range g.Actions {
		if !actionPattern.MatchString(a) {
			l.Addf(check.Index(prefix+"Actions", i), a, "not an IAM action such as \"ec2:StartInstances\" or \"s3:Get*\"")
		}
	}
	check.Duplicates(l, prefix+"Actions[%d]", g.Actions)
	for i, r := range g.Resources {
		if r != "*" && !strings.HasPrefix(r, "arn:") {
			l.Addf(check.Index(prefix+"Resources", i), r, "not an ARN or \"*\"")
		}
	}
	check.Duplicates(l, prefix+"Resources[%d]", g.Resources)
	if len(g.Resources) == 0 {
		g.Resources = []string{"*"}
	}

	g.ExpiresAt = g.ExpiresAt.UTC().Truncate(time.Second)
	switch {
	case g.ExpiresAt.IsZero():
		l.Addf(prefix+"ExpiresAt", nil, "required; time-boxed access needs an end")
	case !g.ExpiresAt.After(now):
		l.Addf(prefix+"ExpiresAt", g.ExpiresAt.Format(expiryLayout), "in the past (now is %s); remove the expired grant", now.UTC().Format(expiryLayout))
	case g.ExpiresAt.Sub(now) > MaxGrantDuration:
		l.Addf(prefix+"ExpiresAt", g.ExpiresAt.Format(expiryLayout), "more than %d days ahead; standing access belongs in a persona", int(MaxGrantDuration.Hours()/24))
	}
	return g
}

// expiry is the instant the grant ends, as conditions spell it.
func (g Grant) expiry() string { return g.ExpiresAt.UTC().Format(expiryLayout) }

// beforeExpiry is the condition that holds only until the grant ends.
func (g Grant) beforeExpiry() map[string]map[string]any {
	return map[string]map[string]any{"DateLessThan": {"aws:CurrentTime": g.expiry()}}
}

// statement allows the grant's actions until it ends.
func (g Grant) statement() statement {
	return statement{sid: "TimeBoxedAccess", actions: g.Actions, resources: g.Resources, conditions: g.beforeExpiry()}
}
