// Package cfnlimits checks synthesized CloudFormation templates against the service
// quotas that would otherwise fail only at deploy time.
package cfnlimits

import (
	"encoding/json"
	"fmt"
)

// Quotas of CloudFormation that a template cannot exceed (AWS CloudFormation User Guide,
// "Understand CloudFormation quotas"). They are hard limits, not adjustable per account.
const (
	MaxResources = 500
	// MaxTemplateBytes is the largest template CloudFormation reads from S3, which is
	// how the CDK CLI deploys every template above the inline limit.
	MaxTemplateBytes = 1_000_000
	// MaxInlineTemplateBytes is the largest template passed inline, as a StackSet's
	// TemplateBody is.
	MaxInlineTemplateBytes = 51_200
	MaxParameters          = 200
	MaxOutputs             = 200
)

// Stats describes one template's size against the quotas.
type Stats struct {
	Resources  int
	Parameters int
	Outputs    int
	// Bytes is the size of the template as the CDK writes it to cdk.out.
	Bytes int
}

// Measure counts the sections of template, given as the JSON the CDK produces.
func Measure(template []byte) (Stats, error) {
	var t struct {
		Resources  map[string]json.RawMessage
		Parameters map[string]json.RawMessage
		Outputs    map[string]json.RawMessage
	}
	if err := json.Unmarshal(template, &t); err != nil {
		return Stats{}, fmt.Errorf("cfnlimits: template is not JSON: %w", err)
	}
	return Stats{Resources: len(t.Resources), Parameters: len(t.Parameters), Outputs: len(t.Outputs), Bytes: len(template)}, nil
}

// Violations lists every quota s exceeds, one sentence each; nil means within limits.
func (s Stats) Violations() []string {
	var v []string
	over := func(what string, got, max int) {
		if got > max {
			v = append(v, fmt.Sprintf("%d %s, over the CloudFormation limit of %d", got, what, max))
		}
	}
	over("resources", s.Resources, MaxResources)
	over("template bytes", s.Bytes, MaxTemplateBytes)
	over("parameters", s.Parameters, MaxParameters)
	over("outputs", s.Outputs, MaxOutputs)
	return v
}
