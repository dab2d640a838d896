package logsubscription_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

// logicalID returns the logical ID of the single resource of a type in tpl.
func logicalID(t *testing.T, tpl *lztest.Template, typ string) string {
	t.Helper()
	for id := range tpl.Resources(typ) {
		return id
	}
	t.Fatalf("no resource of type %s", typ)
	return ""
}

// placeholder stands for a token while a rendered document is parsed.
const placeholder = "@@token@@"

// policyDocument parses a JSON document the CDK rendered with tokens as an Fn::Join,
// putting the tokens back as values.
func policyDocument(t *testing.T, tpl *lztest.Template, v any) map[string]any {
	t.Helper()
	text, ok := v.(string)
	var tokens []any
	if !ok {
		parts := v.(map[string]any)["Fn::Join"].([]any)[1].([]any)
		for _, p := range parts {
			if s, isString := p.(string); isString {
				text += s
				continue
			}
			// A token rendered inside a JSON string: stand in a placeholder.
			tokens = append(tokens, p)
			text += placeholder
		}
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("document %q: %v", text, err)
	}
	for k, val := range doc {
		if val == placeholder && len(tokens) > 0 {
			doc[k], tokens = tokens[0], tokens[1:]
		}
	}
	return doc
}

// assertSenderRole checks the role CloudWatch Logs assumes in the sending account: only
// for this account and region, and only to reach the log archive account's CloudWatch
// Logs resources in the destination's region.
func assertSenderRole(t *testing.T, tpl *lztest.Template) {
	t.Helper()
	role := tpl.Single("AWS::IAM::Role")
	trust := role["AssumeRolePolicyDocument"].(map[string]any)["Statement"].([]any)[0]
	want := map[string]any{
		"Action": "sts:AssumeRole", "Effect": "Allow",
		"Principal": map[string]any{"Service": "logs.amazonaws.com"},
		"Condition": map[string]any{"StringLike": map[string]any{"aws:SourceArn": "arn:aws:logs:eu-west-1:123456789012:*"}},
	}
	if !reflect.DeepEqual(trust, want) {
		t.Errorf("sender role trust %v\nwant %v", trust, want)
	}
	tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{"PolicyDocument": map[string]any{"Statement": []any{map[string]any{
		"Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:eu-west-1:" + logArchive + ":*",
	}}}})
}
