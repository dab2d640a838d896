package check

import (
	"regexp"
	"strings"
)

// Shapes of CloudWatch Logs and Firehose names.
var (
	logGroupNamePattern       = regexp.MustCompile(`^[.\-_/#A-Za-z0-9]{1,512}$`)
	firehoseStreamNamePattern = regexp.MustCompile(`^[a-zA-Z0-9._-]{1,64}$`)
)

// LogGroupName records a problem unless value is a CloudWatch Logs log group name:
// 1-512 letters, digits and the characters . - _ / #.
func LogGroupName(l *List, field, value string) {
	if !logGroupNamePattern.MatchString(value) {
		l.Addf(field, value, "not a log group name: 1-512 letters, digits and . - _ / #")
	}
}

// MaxLogFilterPatternLength is the longest filter pattern CloudWatch Logs accepts.
const MaxLogFilterPatternLength = 1024

// LogFilterPattern records a problem when value is longer than CloudWatch Logs accepts
// for a subscription or metric filter pattern, or is not valid UTF-8 text on one line.
// The empty pattern matches every event.
func LogFilterPattern(l *List, field, value string) {
	switch {
	case len(value) > MaxLogFilterPatternLength:
		l.Addf(field, value, "%d bytes; CloudWatch Logs accepts at most %d", len(value), MaxLogFilterPatternLength)
	case strings.ContainsAny(value, "\n\r"):
		l.Addf(field, value, "a filter pattern is one line")
	}
}

// FirehoseStreamName records a problem unless value is an Amazon Data Firehose stream
// name: 1-64 letters, digits and the characters . _ -.
func FirehoseStreamName(l *List, field, value string) {
	if !firehoseStreamNamePattern.MatchString(value) {
		l.Addf(field, value, "not a Firehose stream name: 1-64 letters, digits and . _ -")
	}
}
