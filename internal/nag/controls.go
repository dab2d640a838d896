package nag

import (
	"encoding/json"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/controls"
)

// SuppressControls exempts the CloudFormation resource of c and, when children is set,
// every resource below it from the Control Tower proactive controls rules name
// ("CT.LAMBDA.PR.3"), each with its reason. The exemption is recorded in the template's
// resource Metadata (controls.MetadataKey), where the test gate of this module reads it
// and a reviewer sees it; Control Tower itself does not read it: a control that an
// organization enforces still blocks the resource, which is why each reason says why
// the finding is acceptable and the README lists them.
//
// Resources that do not exist yet when it is called are not covered. Like Suppress, it
// panics on a rule without a valid reason, a programming error of this module.
func SuppressControls(c constructs.IConstruct, children bool, rules ...Rule) {
	add := make([]controls.Suppression, 0, len(rules))
	for _, r := range rules {
		s := controls.Suppression{ID: r.ID, Reason: r.Reason}
		if err := s.Validate(); err != nil {
			panic(err)
		}
		add = append(add, s)
	}
	targets := []constructs.IConstruct{c}
	if children {
		targets = *c.Node().FindAll(constructs.ConstructOrder_PREORDER)
	}
	for _, x := range targets {
		if !*awscdk.CfnResource_IsCfnResource(x) {
			continue
		}
		res, ok := x.(awscdk.CfnResource)
		if !ok {
			continue
		}
		var entry controls.Entry
		if old := res.GetMetadata(jsii.String(controls.MetadataKey)); old != nil {
			// The metadata came back from JavaScript; JSON is the simplest way back to
			// the Go type, and it was written by this function, so it always parses.
			if b, err := json.Marshal(old); err == nil {
				_ = json.Unmarshal(b, &entry)
			}
		}
	next:
		for _, s := range add {
			for _, have := range entry.RulesToSuppress {
				if have.ID == s.ID {
					continue next
				}
			}
			entry.RulesToSuppress = append(entry.RulesToSuppress, s)
		}
		// jsii passes maps and slices to JavaScript, not Go structs.
		var value map[string]any
		b, _ := json.Marshal(entry)
		_ = json.Unmarshal(b, &value)
		res.AddMetadata(jsii.String(controls.MetadataKey), value)
	}
}
