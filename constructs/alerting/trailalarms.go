package alerting

import (
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// DefaultCISNamespace groups the metrics of the CIS monitoring alarms.
const DefaultCISNamespace = "LandingZone/CIS"

// TrailAlarmsProps configures NewTrailAlarms. LogGroup and Topic are required; the zero
// value of the other fields creates every alarm of CISAlarms.
type TrailAlarmsProps struct {
	// LogGroup is the CloudWatch log group the organization trail delivers to, in the
	// trail's account and region. Required.
	LogGroup awslogs.ILogGroup
	// Topic receives the alarms' notifications. Required. It must admit CloudWatch
	// alarms of the log group's account: an AlertTopic in another account lists that
	// account in AlarmAccounts.
	Topic awssns.ITopic
	// Namespace is the metrics' namespace. Empty means DefaultCISNamespace.
	Namespace string
	// Exclude lists control IDs of CISAlarms to leave out, such as "CloudWatch.2" where
	// unauthorized calls are too frequent to page on. Empty means none.
	Exclude []string
}

// TrailAlarms holds one log-pattern alarm per CIS monitoring control.
type TrailAlarms struct {
	constructs.Construct
	// Alarms maps each control ID of CISAlarms that was not excluded to its alarm.
	Alarms map[string]*LogPatternAlarm
}

// Validate reports every problem in p, with fields named as in TrailAlarmsProps.
func (p TrailAlarmsProps) Validate() error {
	_, err := p.validate()
	return err
}

func (p TrailAlarmsProps) validate() (TrailAlarmsProps, error) {
	var l check.List
	if p.Namespace == "" {
		p.Namespace = DefaultCISNamespace
	}
	// The controls share everything but their pattern, name and description, which
	// are constants: checking the shared fields once reports each problem once.
	first := cisAlarms[0]
	LogPatternAlarmProps{LogGroup: p.LogGroup, Topic: p.Topic, Namespace: p.Namespace, Pattern: first.Pattern}.
		validate(&l, "TrailAlarmsProps.", first.Name)
	ids := make([]string, len(cisAlarms))
	for i, a := range cisAlarms {
		ids[i] = a.ControlID
	}
	for i, x := range p.Exclude {
		if !slices.Contains(ids, x) {
			l.Addf(check.Index("TrailAlarmsProps.Exclude", i), x, "not a control ID of CISAlarms; want one of %q", ids)
		}
	}
	check.Duplicates(&l, "TrailAlarmsProps.Exclude[%d]", p.Exclude)
	return p, l.Err("alerting")
}

// NewTrailAlarms validates props, then builds a metric filter and an alarm for each
// control of CISAlarms that props does not exclude. On error nothing is added to scope.
func NewTrailAlarms(scope constructs.Construct, id string, props TrailAlarmsProps) (*TrailAlarms, error) {
	if err := scopecheck.Check("alerting", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	p, err := props.validate()
	if err != nil {
		return nil, err
	}
	t := &TrailAlarms{Alarms: map[string]*LogPatternAlarm{}}
	constructs.NewConstruct_Override(t, scope, jsii.String(id))
	for _, a := range cisAlarms {
		if slices.Contains(p.Exclude, a.ControlID) {
			continue
		}
		t.Alarms[a.ControlID] = newLogPatternAlarm(t.Construct, a.Name, LogPatternAlarmProps{
			LogGroup:    p.LogGroup,
			Topic:       p.Topic,
			Pattern:     a.Pattern,
			Namespace:   p.Namespace,
			Description: a.ControlID + ": " + a.Description,
		}.withDefaults(a.Name))
	}
	return t, nil
}

// Alarm returns the alarm of the control with ID controlID, or nil when it was
// excluded or is not a control of CISAlarms.
//
// Like every construct type of this module, TrailAlarms has at least one method with a
// pointer receiver: jsii registers such a Go struct as the construct itself.
func (t *TrailAlarms) Alarm(controlID string) *LogPatternAlarm {
	return t.Alarms[controlID]
}
