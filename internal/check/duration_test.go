package check_test

import (
	"strings"
	"testing"
	"time"

	"github.com/go-landingzone/landingzone/internal/check"
)

func TestParseISODuration(t *testing.T) {
	for value, want := range map[string]time.Duration{
		"PT1H": time.Hour, "PT12H": 12 * time.Hour, "PT90M": 90 * time.Minute, "PT8H30M": 8*time.Hour + 30*time.Minute,
		"P1D": 24 * time.Hour, "P1DT2H": 26 * time.Hour, "PT3600S": time.Hour, "PT0.5S": 500 * time.Millisecond, "PT0S": 0,
	} {
		got, ok := check.ParseISODuration(value)
		if !ok || got != want {
			t.Errorf("ParseISODuration(%q) = %v, %v; want %v", value, got, ok, want)
		}
	}
	for _, value := range []string{"", "P", "PT", "P1DT", "1h", "PT1h", "pt1h", "1H", "PT-1H", "P1Y", "P1M", "P1W", "PT1H ", " PT1H", "PT1.5H", "3600", "PT99999999999H"} {
		if d, ok := check.ParseISODuration(value); ok {
			t.Errorf("ParseISODuration(%q) = %v, want a refusal", value, d)
		}
	}
}

func TestISODurationRange(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{"PT1H", ""}, {"PT12H", ""}, {"PT720M", ""},
		{"PT13H", "out of range; allowed PT1H to PT12H"},
		{"PT30M", "out of range; allowed PT1H to PT12H"},
		{"P1D", "out of range"},
		{"12h", "not an ISO 8601 duration"},
	} {
		var l check.List
		check.ISODuration(&l, "F", tc.value, time.Hour, 12*time.Hour)
		err := l.Err("p")
		if (err == nil) != (tc.want == "") || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("ISODuration(%q) = %v, want %q", tc.value, err, tc.want)
		}
	}
}

func TestFormatISODuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Hour: "PT1H", 90 * time.Minute: "PT1H30M", 12 * time.Hour: "PT12H", 15 * time.Minute: "PT15M",
		time.Hour + 5*time.Second: "PT1H5S", 0: "PT0S", 1500 * time.Millisecond: "PT1S",
	} {
		if got := check.FormatISODuration(d); got != want {
			t.Errorf("FormatISODuration(%v) = %q, want %q", d, got, want)
		}
	}
}
