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
	// lookedUp stands for the detector ID the lookup returns at deploy time.
	lookedUp = "<DetectorIds.0>"
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

// sdkCall is an AwsCustomResource call as its handler receives it.
type sdkCall struct {
	Service                  string         `json:"service"`
	Action                   string         `json:"action"`
	Parameters               map[string]any `json:"parameters"`
	PhysicalResourceID       map[string]any `json:"physicalResourceId"`
	OutputPaths              []string       `json:"outputPaths"`
	IgnoreErrorCodesMatching string         `json:"ignoreErrorCodesMatching"`
}

// customCalls returns the calls of every Custom::AWS resource by action, for event
// ("Create", "Update" or "Delete"). A GetAtt of the detector lookup reads as lookedUp.
func customCalls(t *testing.T, tpl *lztest.Template, event string) map[string]sdkCall {
	t.Helper()
	calls := map[string]sdkCall{}
	for id, props := range tpl.Properties("Custom::AWS") {
		raw, ok := props[event]
		if !ok {
			continue
		}
		var c sdkCall
		if err := json.Unmarshal([]byte(joined(raw)), &c); err != nil {
			t.Fatalf("%s %s: %v", id, event, err)
		}
		calls[c.Action] = c
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
	}
	return fmt.Sprint(v)
}

// policyOf returns the statements of the AWS::IAM::Policy of the custom resource whose
// logical ID starts with prefix, as "actions -> resource" lines.
func policyOf(t *testing.T, tpl *lztest.Template, prefix string) []string {
	t.Helper()
	var out []string
	for id, p := range tpl.Properties("AWS::IAM::Policy") {
		if !strings.HasPrefix(id, prefix+"CustomResourcePolicy") {
			continue
		}
		for _, s := range p["PolicyDocument"].(map[string]any)["Statement"].([]any) {
			st := s.(map[string]any)
			line := fmt.Sprintf("%v -> %s", st["Action"], joined(st["Resource"]))
			if c, ok := st["Condition"]; ok {
				b, _ := json.Marshal(c)
				line += " if " + string(b)
			}
			out = append(out, line)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no custom-resource policy with prefix %s", prefix)
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
