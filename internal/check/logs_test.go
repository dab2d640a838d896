package check_test

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/internal/check"
)

// expectValid runs validator over each value and compares whether it accepted it.
func expectValid(t *testing.T, name string, validator func(*check.List, string, string), cases map[string]bool) {
	t.Helper()
	for value, valid := range cases {
		var l check.List
		validator(&l, "F", value)
		if got := l.Len() == 0; got != valid {
			t.Errorf("%s(%q) valid = %v, want %v: %v", name, value, got, valid, l.Err("p"))
		}
	}
}

func TestLogGroupName(t *testing.T) {
	expectValid(t, "LogGroupName", check.LogGroupName, map[string]bool{
		"/aws/lambda/payments": true, "app.log-1_#x": true, strings.Repeat("a", 512): true,
		"": false, "/aws/*": false, "with space": false, "a:b": false, strings.Repeat("a", 513): false,
	})
}

func TestLogFilterPattern(t *testing.T) {
	expectValid(t, "LogFilterPattern", check.LogFilterPattern, map[string]bool{
		"": true, `{ $.level = "ERROR" }`: true, strings.Repeat("a", 1024): true,
		strings.Repeat("a", 1025): false, "ERROR\nWARN": false,
	})
}

func TestFirehoseStreamName(t *testing.T) {
	expectValid(t, "FirehoseStreamName", check.FirehoseStreamName, map[string]bool{
		"landingzone-log-archive": true, "a.b_c-1": true, strings.Repeat("a", 64): true,
		"": false, "log archive": false, "a/b": false, strings.Repeat("a", 65): false,
	})
}
