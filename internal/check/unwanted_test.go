package check_test

import (
	"testing"

	"github.com/go-landingzone/landingzone/internal/check"
)

func TestUnwanted(t *testing.T) {
	var l check.List
	check.Unwanted(&l, "Props.", "applies to a created bucket", []check.Field{{Name: "Name", Set: true}, {Name: "Days"}, {Name: "Key", Set: true}})
	want := "p: Props.Name: applies to a created bucket\np: Props.Key: applies to a created bucket"
	if got := l.Err("p").Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
