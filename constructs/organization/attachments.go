package organization

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsorganizations"
	"github.com/aws/constructs-go/constructs/v10"

	"github.com/go-landingzone/landingzone/internal/check"
)

// policiesInApp is what the app already holds: the service control policies attached to
// each target ID, and the path of the policy that has each name.
type policiesInApp struct {
	byTarget map[string][]string
	byName   map[string]string
}

// scanPolicies reads every service control policy in scope's app, whoever created it,
// so that the per-target quota and unique names hold across guardrails, constructs and
// stacks. An OU created in the app has one ID token wherever it is read, so a token
// compares like a literal ID. Policies deployed outside the app are not seen.
func scanPolicies(scope constructs.IConstruct) policiesInApp {
	in := policiesInApp{byTarget: map[string][]string{}, byName: map[string]string{}}
	for _, c := range *scope.Node().Root().Node().FindAll(constructs.ConstructOrder_PREORDER) {
		p, ok := c.(awsorganizations.CfnPolicy)
		if !ok || p.Type() == nil || *p.Type() != serviceControlPolicy {
			continue
		}
		name := *p.Node().Path()
		if p.Name() != nil {
			name = *p.Name()
			in.byName[name] = *p.Node().Path()
		}
		if p.TargetIds() == nil {
			continue
		}
		for _, id := range *p.TargetIds() {
			if id != nil {
				in.byTarget[*id] = append(in.byTarget[*id], name)
			}
		}
	}
	return in
}

// checkInApp records what would break the quotas or collide with the policies already
// in the app: a target that would hold more than MaxPoliciesPerTarget policies, and a
// policy name that is taken.
func checkInApp(l *check.List, g guardrail, name string, in policiesInApp) {
	p, k := g.common(), g.kind()
	if path, taken := in.byName[name]; taken {
		l.Addf(k.props+".PolicyName", name, "the policy %s has this name already; set a `PolicyName` unique in the organization", path)
	}
	for i, t := range p.Targets {
		held := in.byTarget[t.ID]
		if len(held)+ReservedPolicySlots+1 <= MaxPoliciesPerTarget {
			continue
		}
		l.Addf(check.Index(k.props+".Targets", i), t.label(),
			"would be service control policy %d on this target, over the limit of %d: FullAWSAccess (or the allow-list that replaces it) and %s are attached already; attach the guardrail to a parent OU instead, whose accounts inherit it",
			len(held)+ReservedPolicySlots+1, MaxPoliciesPerTarget, quoteAll(held))
	}
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
