package alerting

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatch"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudwatchactions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Defaults of LogPatternAlarmProps.
const (
	// DefaultLogPatternNamespace groups the metrics of log-pattern alarms.
	DefaultLogPatternNamespace = "LandingZone/LogPatterns"
	// DefaultThreshold raises the alarm on the first matching event.
	DefaultThreshold = 1
	// DefaultPeriodMinutes is the window the matches are summed over.
	DefaultPeriodMinutes = 5
	// DefaultEvaluationPeriods is how many windows in a row must breach.
	DefaultEvaluationPeriods = 1
)

// Limits from the CloudWatch Logs and CloudWatch API references.
const (
	maxPatternLength  = 1024
	maxPeriodMinutes  = 24 * 60
	maxEvaluations    = 1440 // one day of one-minute periods
	metricNameMaxLen  = 255
	namespaceMaxLen   = 255
	descriptionMaxLen = 1024
)

// Construct IDs of a log-pattern alarm's children.
const (
	idFilter = "Filter"
	idAlarm  = "Alarm"
)

// LogPatternAlarmProps configures NewLogPatternAlarm. LogGroup, Pattern and Topic are
// required; the zero value of every other field alarms on the first match within five
// minutes.
type LogPatternAlarmProps struct {
	// LogGroup is the log group the pattern is matched against. Required.
	LogGroup awslogs.ILogGroup
	// Pattern is a CloudWatch Logs filter pattern: a term such as "ERROR", terms in
	// quotes, or a JSON pattern such as `{ $.level = "error" }`. Required, at most 1,024
	// characters.
	Pattern string
	// Topic receives the alarm's notifications. Required. It must admit CloudWatch
	// alarms of the log group's account, as an AlertTopic does.
	Topic awssns.ITopic
	// Namespace is the metric's namespace. Empty means DefaultLogPatternNamespace.
	Namespace string
	// MetricName is the metric's name. Empty means the construct ID.
	MetricName string
	// Description describes the alarm in its notifications. Empty means one naming the
	// pattern and the log group.
	Description string
	// Threshold is how many matching events within a period raise the alarm, at least
	// 1. Zero means DefaultThreshold.
	Threshold int
	// PeriodMinutes is the period matches are summed over, 1 to 1,440. Zero means
	// DefaultPeriodMinutes.
	PeriodMinutes int
	// EvaluationPeriods is how many periods in a row must reach Threshold, 1 to 1,440.
	// Zero means DefaultEvaluationPeriods.
	EvaluationPeriods int
}

// LogPatternAlarm is a metric filter on a log group and an alarm on its metric that
// notifies a topic.
type LogPatternAlarm struct {
	constructs.Construct
	// Filter counts the matching events as a metric.
	Filter awslogs.MetricFilter
	// Alarm fires when the count reaches the threshold.
	Alarm awscloudwatch.Alarm
}

// withDefaults returns a copy of p with every zero field resolved.
func (p LogPatternAlarmProps) withDefaults(id string) LogPatternAlarmProps {
	if p.Namespace == "" {
		p.Namespace = DefaultLogPatternNamespace
	}
	if p.MetricName == "" {
		p.MetricName = id
	}
	if p.Threshold == 0 {
		p.Threshold = DefaultThreshold
	}
	if p.PeriodMinutes == 0 {
		p.PeriodMinutes = DefaultPeriodMinutes
	}
	if p.EvaluationPeriods == 0 {
		p.EvaluationPeriods = DefaultEvaluationPeriods
	}
	return p
}

// validate checks raw props and returns them with defaults resolved; fields are named
// with prefix, such as "LogPatternAlarmProps.".
func (p LogPatternAlarmProps) validate(l *check.List, prefix, id string) LogPatternAlarmProps {
	r := p.withDefaults(id)
	if p.LogGroup == nil {
		l.Addf(prefix+"LogGroup", nil, "required")
	}
	if p.Topic == nil {
		l.Addf(prefix+"Topic", nil, "required")
	}
	switch {
	case strings.TrimSpace(p.Pattern) == "":
		l.Addf(prefix+"Pattern", p.Pattern, "required: an empty pattern would match every event; use a term such as \"ERROR\"")
	case len(p.Pattern) > maxPatternLength:
		l.Addf(prefix+"Pattern", len(p.Pattern), "a pattern of %d characters; CloudWatch Logs allows at most %d", len(p.Pattern), maxPatternLength)
	}
	if p.Threshold < 0 {
		l.Addf(prefix+"Threshold", p.Threshold, "below 1: the alarm would fire without any matching event")
	}
	if p.PeriodMinutes != 0 {
		check.Range(l, prefix+"PeriodMinutes", p.PeriodMinutes, 1, maxPeriodMinutes)
	}
	if p.EvaluationPeriods != 0 {
		check.Range(l, prefix+"EvaluationPeriods", p.EvaluationPeriods, 1, maxEvaluations)
	}
	// PutMetricAlarm (Amazon CloudWatch API Reference, Period): "Period multiplied by
	// EvaluationPeriods can't be more than 604,800 seconds. For alarms with a period of
	// less than one hour (3,600 seconds), the total evaluation period can't be longer
	// than one day (86,400 seconds)."
	if per, n := r.PeriodMinutes, r.EvaluationPeriods; per >= 1 && per <= maxPeriodMinutes && n >= 1 && n <= maxEvaluations {
		limit := 7 * 24 * 60
		if per < 60 {
			limit = 24 * 60
		}
		if per*n > limit {
			l.Addf(prefix+"EvaluationPeriods", n, "%d periods of %d minutes are %d minutes; CloudWatch evaluates at most %d minutes (%s) for this period",
				n, per, per*n, limit, map[bool]string{true: "one day below one-hour periods", false: "seven days"}[per < 60])
		}
	}
	if len(r.Namespace) > namespaceMaxLen || strings.HasPrefix(r.Namespace, "AWS/") {
		l.Addf(prefix+"Namespace", p.Namespace, "not a custom metric namespace: at most %d characters, not starting with \"AWS/\"", namespaceMaxLen)
	}
	if len(r.MetricName) > metricNameMaxLen {
		l.Addf(prefix+"MetricName", p.MetricName, "longer than %d characters", metricNameMaxLen)
	}
	if len(p.Description) > descriptionMaxLen {
		l.Addf(prefix+"Description", len(p.Description), "longer than %d characters", descriptionMaxLen)
	}
	return r
}

// Validate reports every problem in p that does not depend on the construct ID.
func (p LogPatternAlarmProps) Validate() error {
	var l check.List
	p.validate(&l, "LogPatternAlarmProps.", "LogPatternAlarm")
	return l.Err("alerting")
}

// NewLogPatternAlarm validates props, then builds the metric filter and the alarm. On
// error nothing is added to scope.
func NewLogPatternAlarm(scope constructs.Construct, id string, props LogPatternAlarmProps) (*LogPatternAlarm, error) {
	if err := scopecheck.Check("alerting", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	var l check.List
	p := props.validate(&l, "LogPatternAlarmProps.", id)
	if err := l.Err("alerting"); err != nil {
		return nil, err
	}
	return newLogPatternAlarm(scope, id, p), nil
}

// newLogPatternAlarm builds an alarm from validated props with defaults resolved.
func newLogPatternAlarm(scope constructs.Construct, id string, p LogPatternAlarmProps) *LogPatternAlarm {
	a := &LogPatternAlarm{}
	constructs.NewConstruct_Override(a, scope, jsii.String(id))
	c := a.Construct
	a.Filter = awslogs.NewMetricFilter(c, jsii.String(idFilter), &awslogs.MetricFilterProps{
		LogGroup:        p.LogGroup,
		FilterPattern:   awslogs.FilterPattern_Literal(jsii.String(p.Pattern)),
		MetricNamespace: jsii.String(p.Namespace),
		MetricName:      jsii.String(p.MetricName),
		MetricValue:     jsii.String("1"),
	})
	description := p.Description
	if description == "" {
		description = "Events matching " + p.Pattern + " in " + *p.LogGroup.LogGroupName()
	}
	a.Alarm = awscloudwatch.NewAlarm(c, jsii.String(idAlarm), &awscloudwatch.AlarmProps{
		Metric:             a.Metric(p.PeriodMinutes),
		Threshold:          jsii.Number(p.Threshold),
		EvaluationPeriods:  jsii.Number(p.EvaluationPeriods),
		ComparisonOperator: awscloudwatch.ComparisonOperator_GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
		// No matching event writes no data point: that is the normal, quiet state.
		TreatMissingData: awscloudwatch.TreatMissingData_NOT_BREACHING,
		AlarmDescription: jsii.String(description),
	})
	a.Alarm.AddAlarmAction(awscloudwatchactions.NewSnsAction(p.Topic))
	return a
}

// Metric returns the sum of matching events per period of the given minutes, for
// dashboards and further alarms.
//
// Like every construct type of this module, LogPatternAlarm has at least one method
// with a pointer receiver: jsii registers such a Go struct as the construct itself.
func (a *LogPatternAlarm) Metric(periodMinutes int) awscloudwatch.Metric {
	return a.Filter.Metric(&awscloudwatch.MetricOptions{
		Statistic: jsii.String("Sum"),
		Period:    awscdk.Duration_Minutes(jsii.Number(periodMinutes)),
	})
}
