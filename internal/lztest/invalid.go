package lztest

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// ExpectInvalid asserts that err is a validation error (errors.Is ErrInvalidProps)
// whose every line starts with linePrefix (such as "network: VpcProps.") and that holds
// each of want.
func ExpectInvalid(t testing.TB, err error, linePrefix string, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want a validation error holding %q", want)
	}
	if !errors.Is(err, check.ErrInvalidProps) {
		t.Errorf("errors.Is(err, ErrInvalidProps) = false for %v", err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error lacks %q:\n%v", w, err)
		}
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if !strings.HasPrefix(line, linePrefix) {
			t.Errorf("error line %q does not start with %q", line, linePrefix)
		}
	}
}

// ExpectNoChild asserts that scope has no child named id: a constructor that failed
// validation must not have added anything.
func ExpectNoChild(t testing.TB, scope constructs.IConstruct, id string) {
	t.Helper()
	if scope.Node().TryFindChild(jsii.String(id)) != nil {
		t.Errorf("%s has a child %q after a failed constructor", *scope.Node().Path(), id)
	}
}
