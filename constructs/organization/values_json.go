package organization

import "encoding/json"

// UnmarshalJSON reads a value as AWS writes it, a single string or an array of
// strings, so that a policy stored in AWS Organizations (or a file of the team's own
// SCPs) reads into a Document.
func (v *Values) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*v = Values{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*v = many
	return nil
}
