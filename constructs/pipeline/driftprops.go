package pipeline

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Defaults and limits of DriftCheckProps.
const (
	// DefaultDriftSchedule checks every stack once a day.
	DefaultDriftSchedule = "rate(1 day)"
	// MaxDriftStacks bounds the stacks of one check, which its event pattern names.
	MaxDriftStacks = 20
	// driftWindowHours spreads the day's DetectStackDrift calls over an hour, under
	// CloudFormation's API rate.
	driftWindowHours = 1
)

var (
	stackName     = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]{0,127}$`)
	rateSchedule  = regexp.MustCompile(`^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$`)
	cronSchedule  = regexp.MustCompile(`^cron\(\S+( \S+){5}\)$`)
	minutesInUnit = map[string]int{"minute": 1, "minutes": 1, "hour": 60, "hours": 60, "day": 1440, "days": 1440}
)

// DriftCheckProps configures NewDriftCheck.
type DriftCheckProps struct {
	// StackNames are the landing-zone stacks of this account and region whose drift
	// is checked. Required; at most MaxDriftStacks.
	StackNames []string
	// Schedule is when the check runs, an EventBridge Scheduler expression such as
	// "rate(12 hours)" or "cron(0 6 * * ? *)", at most once an hour. Empty means
	// DefaultDriftSchedule.
	Schedule string
	// AlertTopicArn is the alert topic, in this region, that hears of drifted stacks.
	// In this account the rule publishes to it, which an alerting.AlertTopic admits;
	// in another account the rule forwards the drift events to that account's default
	// event bus, where a DriftAlertRelay publishes them. Required.
	AlertTopicArn string
}

// Validate reports every problem in p that needs no stack, with fields named as in
// DriftCheckProps. NewDriftCheck also checks the topic against the stack's account
// and region.
func (p DriftCheckProps) Validate() error {
	var l check.List
	p.validate(&l)
	return l.Err("pipeline")
}

func (p DriftCheckProps) validate(l *check.List) check.ARN {
	switch n := len(p.StackNames); {
	case n == 0:
		l.Addf("DriftCheckProps.StackNames", nil, "required: name the landing-zone stacks of this account and region")
	case n > MaxDriftStacks:
		l.Addf("DriftCheckProps.StackNames", nil, "%d stacks; at most %d per check", n, MaxDriftStacks)
	}
	names(l, "DriftCheckProps.StackNames", p.StackNames, stackName, "not a stack name: a letter, then up to 127 letters, digits and hyphens")
	if p.Schedule != "" {
		validateSchedule(l, "DriftCheckProps.Schedule", p.Schedule)
	}
	if p.AlertTopicArn == "" {
		l.Addf("DriftCheckProps.AlertTopicArn", nil, "required: the alert topic of this region")
		return check.ARN{}
	}
	arn, _ := check.ParseARN(l, "DriftCheckProps.AlertTopicArn", p.AlertTopicArn, "sns", "")
	return arn
}

// validateSchedule records a problem unless value is a rate or cron expression that
// runs at most once an hour.
func validateSchedule(l *check.List, field, value string) {
	if m := rateSchedule.FindStringSubmatch(value); m != nil {
		n, err := strconv.Atoi(m[1])
		plural := strings.HasSuffix(m[2], "s")
		switch {
		// EventBridge Scheduler, "Schedule types": "If the value is equal to 1, then the
		// unit must be singular ... if the value is greater than 1, the unit must be
		// plural"; and the value is a positive number.
		case err != nil || n < 1:
			l.Addf(field, value, "not a rate: the value must be a positive whole number")
		case n == 1 && plural:
			l.Addf(field, value, "not a rate: with a value of 1 the unit is singular, as in \"rate(1 %s)\"", strings.TrimSuffix(m[2], "s"))
		case n > 1 && !plural:
			l.Addf(field, value, "not a rate: with a value above 1 the unit is plural, as in \"rate(%d %ss)\"", n, m[2])
		case n*minutesInUnit[m[2]] < 60:
			l.Addf(field, value, "more often than once an hour; drift detection reads every resource of every stack")
		}
		return
	}
	if !cronSchedule.MatchString(value) {
		l.Addf(field, value, "not a schedule such as \"rate(1 day)\" or \"cron(0 6 * * ? *)\"")
		return
	}
	if minute := strings.Fields(strings.TrimPrefix(value, "cron("))[0]; strings.ContainsAny(minute, "*/,-") {
		l.Addf(field, value, "more often than once an hour; name one minute of the hour")
	}
}
