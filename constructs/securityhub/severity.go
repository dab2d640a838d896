package securityhub

import "slices"

// Severity is a Security Hub severity label: the lowest one that alerts.
type Severity string

// The severities HubProps.AlertSeverity accepts, from the most to the least findings.
const (
	SeverityMedium   Severity = "MEDIUM"
	SeverityHigh     Severity = "HIGH"
	SeverityCritical Severity = "CRITICAL"
)

// DefaultAlertSeverity alerts on HIGH and CRITICAL findings.
const DefaultAlertSeverity = SeverityHigh

// Severities returns the severities HubProps.AlertSeverity accepts, ascending, in a new
// slice at each call.
func Severities() []Severity { return []Severity{SeverityMedium, SeverityHigh, SeverityCritical} }

// Valid reports whether s is a known severity or the zero value.
func (s Severity) Valid() bool { return s == "" || slices.Contains(Severities(), s) }

// andAbove lists s and every higher label, for an event pattern.
func (s Severity) andAbove() []string {
	if s == "" {
		s = DefaultAlertSeverity
	}
	all := Severities()
	var labels []string
	for _, l := range all[slices.Index(all, s):] {
		labels = append(labels, string(l))
	}
	return labels
}
