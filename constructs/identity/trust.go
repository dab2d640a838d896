package identity

import (
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// trustee is who may assume a role: a whole account, whose own IAM policies then
// decide, or one IAM principal.
type trustee struct {
	account      string
	principalArn string
}

// validate records the problems of t, with fields named after prefix ("AuditRoleProps.").
func (t trustee) validate(l *check.List, prefix string) {
	switch {
	case t.account == "" && t.principalArn == "":
		l.Addf(prefix+"TrustedAccount", t.account, "required unless `TrustedPrincipalArn` is set")
	case t.account != "" && t.principalArn != "":
		l.Addf(prefix+"TrustedPrincipalArn", t.principalArn, "set together with `TrustedAccount`; trust one or the other")
	case t.account != "":
		check.AccountID(l, prefix+"TrustedAccount", t.account)
	default:
		a, ok := check.ParseARN(l, prefix+"TrustedPrincipalArn", t.principalArn, "iam", "")
		if ok && !strings.HasPrefix(a.Resource, "role/") && !strings.HasPrefix(a.Resource, "user/") {
			l.Addf(prefix+"TrustedPrincipalArn", t.principalArn, "not the ARN of an IAM role or user")
		}
	}
}

// principal is the trusted principal with conditions.
func (t trustee) principal(conditions map[string]any) awsiam.IPrincipal {
	var p awsiam.PrincipalBase
	if t.account != "" {
		p = awsiam.NewAccountPrincipal(jsii.String(t.account))
	} else {
		p = awsiam.NewArnPrincipal(jsii.String(t.principalArn))
	}
	if len(conditions) == 0 {
		return p
	}
	return p.WithConditions(&conditions)
}
