package organization

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

// policyVersion is the IAM policy language version every guardrail is written in.
const policyVersion = "2012-10-17"

// Document is a service control policy as AWS stores it.
type Document struct {
	Version   string      `json:"Version"`
	Statement []Statement `json:"Statement"`
}

// Statement is one statement of a Document. Guardrails only deny: an SCP never grants
// anything, and the FullAWSAccess policy supplies the allow that every target needs.
type Statement struct {
	// Sid names the statement so that an access-denied message can be traced to it.
	Sid    string `json:"Sid,omitempty"`
	Effect string `json:"Effect"`
	// Action and NotAction are mutually exclusive; NotAction denies everything else.
	Action    Values `json:"Action,omitempty"`
	NotAction Values `json:"NotAction,omitempty"`
	// Resource and NotResource are mutually exclusive; the guardrails of this package
	// always write Resource. NotResource is here for SCPs read from JSON.
	Resource    Values `json:"Resource,omitempty"`
	NotResource Values `json:"NotResource,omitempty"`
	// Condition maps an operator ("ArnNotLike") to condition keys and their values.
	Condition Conditions `json:"Condition,omitempty"`
}

// Values is a list of strings that renders a single value as a plain string, as AWS's
// own examples write "Resource": "*".
type Values []string

// MarshalJSON writes one value as a string and several as an array.
func (v Values) MarshalJSON() ([]byte, error) {
	if len(v) == 1 {
		return marshal(v[0])
	}
	return marshal([]string(v))
}

// Conditions maps a condition operator to its keys and their values.
type Conditions map[string]map[string]Values

// JSON renders d as AWS Organizations stores it: minified, with the keys of the
// condition maps sorted, so that the same document always renders the same.
func (d Document) JSON() string {
	b, err := marshal(d)
	if err != nil {
		// Only strings, slices and maps of strings are marshalled: this cannot fail.
		panic("organization: rendering a policy document: " + err.Error())
	}
	return string(b)
}

// Size is the length of d in characters as AWS counts it against the SCP size limit.
func (d Document) Size() int { return utf8.RuneCountInString(d.JSON()) }

// content returns d as the JSON object that AWS::Organizations::Policy takes, an object
// rather than a string so that CloudFormation can detect drift.
func (d Document) content() map[string]any {
	var v map[string]any
	if err := json.Unmarshal([]byte(d.JSON()), &v); err != nil {
		panic("organization: re-reading a policy document: " + err.Error())
	}
	return v
}

// marshal is json.Marshal without HTML escaping, which would lengthen "<", ">" and "&"
// to six characters each and misstate the size.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
