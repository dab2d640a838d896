package controls

import (
	"encoding/json"
	"fmt"
	"strings"
)

// MetadataKey is the key of a resource's template Metadata under which the controls it
// is exempt from are recorded, in the shape cdk-nag uses for its own rules:
//
//	"Metadata": {"control_tower": {"rules_to_suppress": [{"id": "CT.LAMBDA.PR.3", "reason": "..."}]}}
const MetadataKey = "control_tower"

// MinReasonLength is the shortest reason a suppression may give, as for cdk-nag.
const MinReasonLength = 10

// Suppression exempts one resource from one control, with the reason.
type Suppression struct {
	ID     string `json:"id"`
	Reason string `json:"reason"`
}

// Validate reports a suppression without a control ID or with a reason shorter than
// MinReasonLength.
func (s Suppression) Validate() error {
	if !strings.HasPrefix(s.ID, "CT.") {
		return fmt.Errorf("controls: suppression of %q: not a Control Tower control ID (CT.<SERVICE>.PR.<n>)", s.ID)
	}
	if len(strings.TrimSpace(s.Reason)) < MinReasonLength {
		return fmt.Errorf("controls: suppression of %s needs a reason of at least %d characters, got %q", s.ID, MinReasonLength, s.Reason)
	}
	return nil
}

// Entry is the value stored under MetadataKey.
type Entry struct {
	RulesToSuppress []Suppression `json:"rules_to_suppress"`
}

// Suppressed reads a resource's Metadata, as parsed from a template, and returns the
// reason it gives for control id, or an error when it suppresses id without a valid
// reason. It returns "" when the resource does not suppress id.
func Suppressed(metadata map[string]any, id string) (string, error) {
	raw, ok := metadata[MetadataKey]
	if !ok {
		return "", nil
	}
	b, err := json.Marshal(raw)
	if err != nil {
		return "", err
	}
	var e Entry
	if err := json.Unmarshal(b, &e); err != nil {
		return "", fmt.Errorf("controls: Metadata.%s: %v", MetadataKey, err)
	}
	for _, s := range e.RulesToSuppress {
		if s.ID == id {
			if err := s.Validate(); err != nil {
				return "", err
			}
			return s.Reason, nil
		}
	}
	return "", nil
}
