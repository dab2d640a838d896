package landingzone_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestFieldsReachTheirTemplates follows one field of each family of the configuration
// from the YAML to the template property it sets: the reference with the field changed
// is synthesized, and the new value must appear in that property of that stack.
func TestFieldsReachTheirTemplates(t *testing.T) {
	raw, err := os.ReadFile(referenceYAML)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		field       string
		edit        edit
		stack, typ  string
		property    string
		wantContain string
	}{
		{"workloads[2].vpc.cidr", edit{pairs: [][2]string{{"cidr: 10.30.0.0/16", "cidr: 10.31.0.0/16"}}},
			"Baseline-data-prod-eu-west-1 777777777777/eu-west-1", "AWS::EC2::VPC", "CidrBlock", `"10.31.0.0/16"`},
		{"logging.trail.logRetentionDays", edit{pairs: [][2]string{{"cloudWatchLogs: true       # for the CIS alarms of the alert topic", "cloudWatchLogs: true\n    logRetentionDays: 1827"}}},
			"OrgTrail-eu-west-1 111111111111/eu-west-1", "AWS::Logs::LogGroup", "RetentionInDays", `1827`},
		{"alerting.emails", edit{pairs: [][2]string{{"emails: [security@example.com]", "emails: [soc@example.com]"}}},
			"Security-eu-west-1 333333333333/eu-west-1", "AWS::SNS::Subscription", "Endpoint", `"soc@example.com"`},
		{"identity.permissionSets[1].sessionDuration", edit{pairs: [][2]string{{"    - persona: developer\n      sessionDuration: PT8H", "    - persona: developer\n      sessionDuration: PT6H"}}},
			"Identity-eu-west-1 111111111111/eu-west-1", "AWS::SSO::PermissionSet", "SessionDuration", `"PT6H"`},
		{"guardrails.allowedRegions", edit{pairs: [][2]string{{"\nidentity:", "\nguardrails:\n  allowedRegions: [eu-west-1, eu-north-1]\n\nidentity:"}}},
			"Organization-eu-west-1 111111111111/eu-west-1", "AWS::Organizations::Policy", "Content", `eu-north-1`},
		{"organization.prefix", edit{pairs: [][2]string{{"  rootId: r-a1b2\n", "  rootId: r-a1b2\n  prefix: acme\n"}}},
			"LogArchive-eu-west-1 222222222222/eu-west-1", "AWS::S3::Bucket", "BucketName", `"acme-logs-222222222222-eu-west-1"`},
	} {
		t.Run(c.field, func(t *testing.T) {
			c.edit.name = c.field
			tpl, ok := synthTemplates(t, apply(t, string(raw), c.edit))[c.stack]
			if !ok {
				t.Fatalf("no stack %s", c.stack)
			}
			resources, _ := tpl["Resources"].(map[string]any)
			var seen []string
			for _, r := range resources {
				r, _ := r.(map[string]any)
				if r["Type"] != c.typ {
					continue
				}
				props, _ := r["Properties"].(map[string]any)
				v, _ := json.Marshal(props[c.property])
				if strings.Contains(string(v), c.wantContain) {
					return
				}
				seen = append(seen, string(v))
			}
			t.Errorf("%s: no %s of %s holds %s; found %v", c.stack, c.property, c.typ, c.wantContain, seen)
		})
	}
}
