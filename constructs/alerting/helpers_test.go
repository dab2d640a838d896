package alerting_test

import (
	"errors"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// assertLogicalID matches the logical ID of a construct with the given path prefix.
func assertLogicalID(prefix string) any {
	return assertions.Match_StringLikeRegexp(jsii.String("^" + prefix + "[0-9A-F]{8}$"))
}

// containsField reports whether err has a problem whose field ends in field.
func containsField(err error, field string) bool {
	var e *check.Error
	if !errors.As(err, &e) {
		return false
	}
	for _, p := range e.Problems {
		if strings.HasSuffix(p.Field, "."+field) {
			return true
		}
	}
	return false
}
