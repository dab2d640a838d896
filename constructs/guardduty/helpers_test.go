package guardduty_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/constructs/guardduty"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

const (
	bucketArn = "arn:aws:s3:::lz-logs-222222222222-eu-west-1"
	keyArn    = "arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	// lookedUp stands for the detector ID the handler finds at deploy time.
	lookedUp = "<DetectorId>"
)

// synthDetector builds an alert topic and a detector with props in the test stack; the
// topic is filled in when props has none.
func synthDetector(t *testing.T, props guardduty.DetectorProps) (*guardduty.Detector, *lztest.Template) {
	t.Helper()
	var d *guardduty.Detector
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		topic, err := alerting.NewAlertTopic(s, "Alerts", alerting.AlertTopicProps{})
		if err != nil {
			t.Fatal(err)
		}
		props.AlertTopic = topic.Topic
		if d, err = guardduty.NewDetector(s, "GuardDuty", props); err != nil {
			t.Fatalf("NewDetector: %v", err)
		}
	})
	return d, tpl
}

// handlerCalls returns the properties of the handler's custom resources by action
// ("delegate", "detector", "organization"); a GetAtt reads as "<attribute>".
func handlerCalls(t *testing.T, tpl *lztest.Template) map[string]map[string]any {
	t.Helper()
	calls := map[string]map[string]any{}
	for _, typ := range []string{"Custom::GuardDutyDelegatedAdministrator", "Custom::GuardDutyDetectorSettings", "Custom::GuardDutyOrganizationConfiguration"} {
		for id, props := range tpl.Properties(typ) {
			action, _ := props["Action"].(string)
			if _, dup := calls[action]; dup {
				t.Fatalf("%s: a second %s resource", id, action)
			}
			if _, ok := props["ServiceToken"]; !ok {
				t.Errorf("%s has no ServiceToken", id)
			}
			out := map[string]any{}
			for k, v := range props {
				if k != "ServiceToken" {
					out[k] = v
				}
				if k == "DetectorId" {
					out[k] = joined(v)
				}
			}
			calls[action] = out
		}
	}
	return calls
}

// joined renders a string or an Fn::Join of strings and GetAtts as text.
func joined(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if j, ok := x["Fn::Join"].([]any); ok {
			var b strings.Builder
			for _, part := range j[1].([]any) {
				b.WriteString(joined(part))
			}
			return b.String()
		}
		if g, ok := x["Fn::GetAtt"].([]any); ok {
			return fmt.Sprintf("<%s>", g[1])
		}
		if r, ok := x["Ref"].(string); ok {
			return "<" + r + ">"
		}
	}
	return fmt.Sprint(v)
}

// handlerPolicy returns the statements of the policy of the handler's role, as
// "actions -> resource" lines.
func handlerPolicy(t *testing.T, tpl *lztest.Template) []string {
	t.Helper()
	var out []string
	for id, p := range tpl.Properties("AWS::IAM::Policy") {
		if !strings.HasPrefix(id, "LandingZoneGuardDutyHandlerRoleDefaultPolicy") {
			continue
		}
		for _, s := range p["PolicyDocument"].(map[string]any)["Statement"].([]any) {
			st := s.(map[string]any)
			if fmt.Sprint(st["Action"]) == "[logs:CreateLogStream logs:PutLogEvents]" {
				continue // the handler's own logs
			}
			line := fmt.Sprintf("%v -> %s", st["Action"], joined(st["Resource"]))
			if c, ok := st["Condition"]; ok {
				b, _ := json.Marshal(c)
				line += " if " + string(b)
			}
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		t.Fatal("no policy of the GuardDuty handler's role")
	}
	return out
}

// features renders an API Features list as "NAME=value" with additional
// configurations in brackets.
func features(v any, key string) string {
	var parts []string
	for _, f := range v.([]any) {
		m := f.(map[string]any)
		s := fmt.Sprintf("%s=%s", m["Name"], m[key])
		if add, ok := m["AdditionalConfiguration"]; ok {
			s += "[" + features(add, key) + "]"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}
