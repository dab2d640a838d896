package main

import (
	"fmt"
	"maps"
	"slices"

	"github.com/go-landingzone/landingzone/internal/cfnlimits"
)

// ruleQuota is the rule of a quota finding; its message names the quota.
const ruleQuota = "cloudformation-quota"

// quotaFindings measures each template against the CloudFormation quotas of package
// cfnlimits (resources, template size, parameters, outputs): a finding per quota a
// template exceeds. The inline template of a StackSet (its TemplateBody) is measured
// too, at the StackSet's resource, against the same quotas and the smaller size limit
// of a template passed inline.
func quotaFindings(stacks []stack) ([]Finding, error) {
	var out []Finding
	for _, s := range stacks {
		st, err := cfnlimits.Measure(s.Raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Path, err)
		}
		for _, v := range st.Violations() {
			out = append(out, Finding{Gate: gateQuotas, Stack: s.ID, Template: s.Path, Rule: ruleQuota, Message: v})
		}
		found, err := stackSetQuotas(s)
		if err != nil {
			return nil, err
		}
		out = append(out, found...)
	}
	return out, nil
}

// stackSetQuotas measures the inline templates of the StackSets of s.
func stackSetQuotas(s stack) ([]Finding, error) {
	resources, _ := s.Template["Resources"].(map[string]any)
	ids := slices.Sorted(maps.Keys(resources))
	var out []Finding
	for _, id := range ids {
		r, _ := resources[id].(map[string]any)
		props, _ := r["Properties"].(map[string]any)
		body, ok := props["TemplateBody"].(string)
		if r["Type"] != "AWS::CloudFormation::StackSet" || !ok {
			continue
		}
		st, err := cfnlimits.Measure([]byte(body))
		if err != nil {
			return nil, fmt.Errorf("%s: StackSet %s: TemplateBody: %w", s.Path, id, err)
		}
		violations := st.Violations()
		if st.Bytes > cfnlimits.MaxInlineTemplateBytes {
			violations = append(violations, fmt.Sprintf("%d template bytes, over the CloudFormation limit of %d for a template passed inline; pass it by TemplateURL", st.Bytes, cfnlimits.MaxInlineTemplateBytes))
		}
		for _, v := range violations {
			out = append(out, Finding{Gate: gateQuotas, Stack: s.ID, Template: s.Path, Resource: id, Rule: ruleQuota, Message: "TemplateBody: " + v})
		}
	}
	return out, nil
}
