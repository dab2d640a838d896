package check

import (
	"regexp"
	"strconv"
	"time"
)

// isoDuration matches the ISO 8601 durations of fixed length: days, hours, minutes and
// seconds ("PT1H", "PT90M", "P1DT2H", "PT0.5S"). Years, months and weeks are left out:
// the first two have no fixed length, and AWS services spell weeks as days.
var isoDuration = regexp.MustCompile(`^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$`)

// ParseISODuration parses an ISO 8601 duration of days, hours, minutes and seconds, such
// as "PT1H" or "P1DT12H". It reports false for anything else, including "P", "PT" and
// durations in years, months or weeks.
func ParseISODuration(value string) (time.Duration, bool) {
	m := isoDuration.FindStringSubmatch(value)
	if m == nil || value == "P" || value == "PT" || value[len(value)-1] == 'T' {
		return 0, false
	}
	var d time.Duration
	for i, unit := range []time.Duration{24 * time.Hour, time.Hour, time.Minute} {
		if m[i+1] == "" {
			continue
		}
		n, err := strconv.ParseInt(m[i+1], 10, 32)
		if err != nil {
			return 0, false
		}
		d += time.Duration(n) * unit
	}
	if m[4] != "" {
		s, err := strconv.ParseFloat(m[4], 64)
		if err != nil || s > 1e9 {
			return 0, false
		}
		d += time.Duration(s * float64(time.Second))
	}
	return d, true
}

// ISODuration records a problem unless value is an ISO 8601 duration (see
// ParseISODuration) from min to max inclusive, and returns the parsed duration.
func ISODuration(l *List, field, value string, min, max time.Duration) (time.Duration, bool) {
	d, ok := ParseISODuration(value)
	switch {
	case !ok:
		l.Addf(field, value, "not an ISO 8601 duration such as \"PT1H\" or \"PT8H30M\"")
		return 0, false
	case d < min || d > max:
		l.Addf(field, value, "out of range; allowed %s to %s", FormatISODuration(min), FormatISODuration(max))
		return d, false
	}
	return d, true
}

// FormatISODuration writes d, rounded down to whole seconds, as an ISO 8601 duration
// of hours, minutes and seconds: 90 minutes is "PT1H30M".
func FormatISODuration(d time.Duration) string {
	d = d.Truncate(time.Second)
	if d <= 0 {
		return "PT0S"
	}
	out := "PT"
	h, m, s := d/time.Hour, d%time.Hour/time.Minute, d%time.Minute/time.Second
	if h > 0 {
		out += strconv.FormatInt(int64(h), 10) + "H"
	}
	if m > 0 {
		out += strconv.FormatInt(int64(m), 10) + "M"
	}
	if s > 0 {
		out += strconv.FormatInt(int64(s), 10) + "S"
	}
	return out
}
