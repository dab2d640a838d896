package lztest

import (
	"strings"
	"testing"
)

// MaxProblemLength is the longest line a validation error may print: values are cut
// (check.FormatValue), so a longer line means a message that echoes input whole.
const MaxProblemLength = 1000

// CheckFuzzError fails the fuzz iteration unless err, when not nil, is a list of
// problems each starting with linePrefix (the package and, where it applies, the props
// type: "network: VpcProps.") and no longer than MaxProblemLength.
func CheckFuzzError(t *testing.T, err error, linePrefix string) {
	t.Helper()
	if err == nil {
		return
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if !strings.HasPrefix(line, linePrefix) {
			t.Errorf("problem without its field's path: %q", line)
		}
		if len(line) > MaxProblemLength {
			t.Errorf("problem of %d bytes, over %d: %.120q…", len(line), MaxProblemLength, line)
		}
	}
}
