package check_test

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/internal/check"
)

func TestLogGroupName(t *testing.T) {
	for value, valid := range map[string]bool{
		"/aws/lambda/payments": true, "app.log-1_#x": true, strings.Repeat("a", 512): true,
		"": false, "/aws/*": false, "with space": false, "a:b": false, strings.Repeat("a", 513): false,
	} {
		var l check.List
		check.LogGroupName(&l, "F", value)
		if got := l.Len() == 0; got != valid {
			t.Errorf("LogGroupName(%q) valid = %v, want %v", value, got, valid)
		}
	}
}

func TestLogFilterPattern(t *testing.T) {
	for value, valid := range map[string]bool{
		"": true, `{ $.level = "ERROR" }`: true, strings.Repeat("a", 1024): true,
		strings.Repeat("a", 1025): false, "ERROR\nWARN": false,
	} {
		var l check.List
		check.LogFilterPattern(&l, "F", value)
		if got := l.Len() == 0; got != valid {
			t.Errorf("LogFilterPattern(%q) valid = %v, want %v", value, got, valid)
		}
	}
}
