package landingzonetest

import (
	"encoding/json"
	"reflect"
)

// policyKeys are the properties that hold a resource's policy document.
var policyKeys = []string{"PolicyDocument", "KeyPolicy"}

// Statements returns the policy statements that carry a Sid, by Sid, across every
// resource of type typ; the policy is the resource's PolicyDocument (bucket and IAM
// policies) or KeyPolicy (KMS keys). A Sid found twice fails the test: the assertions
// that use it would be ambiguous.
func (x *Template) Statements(typ string) map[string]map[string]any {
	x.t.Helper()
	out := map[string]map[string]any{}
	for id, props := range x.Properties(typ) {
		for _, key := range policyKeys {
			doc, _ := props[key].(map[string]any)
			list, _ := doc["Statement"].([]any)
			for _, s := range list {
				stmt, _ := s.(map[string]any)
				sid, ok := stmt["Sid"].(string)
				if !ok {
					continue
				}
				if prev, dup := out[sid]; dup && !reflect.DeepEqual(prev, stmt) {
					x.t.Errorf("statement %q found twice in resources of type %s (again in %s)", sid, typ, id)
				}
				out[sid] = stmt
			}
		}
	}
	return out
}

// StatementIs asserts that a resource of type typ has a policy statement sid equal to
// want, a JSON object written as CloudFormation renders it (without the Sid).
func (x *Template) StatementIs(typ, sid, want string) {
	x.t.Helper()
	got, ok := x.Statements(typ)[sid]
	if !ok {
		x.t.Errorf("no statement %q in resources of type %s", sid, typ)
		return
	}
	var w map[string]any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		x.t.Fatalf("StatementIs(%s): want is not JSON: %v", sid, err)
	}
	w["Sid"] = sid
	if !reflect.DeepEqual(got, w) {
		g, _ := json.MarshalIndent(got, "", "  ")
		e, _ := json.MarshalIndent(w, "", "  ")
		x.t.Errorf("statement %q of %s:\n%s\nwant:\n%s", sid, typ, g, e)
	}
}

// JSONEqual reports whether got, a value of a parsed template, equals want written as
// JSON.
func JSONEqual(got any, want string) bool {
	var w any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		return false
	}
	return reflect.DeepEqual(got, w)
}
