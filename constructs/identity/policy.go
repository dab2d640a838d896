package identity

// statement is one Allow statement of an identity policy, kept as plain Go so that
// permission sets (whose inline policy is JSON) and IAM roles share it.
type statement struct {
	sid        string
	actions    []string
	resources  []string
	conditions map[string]map[string]any
}

// json is the statement as IAM reads it.
func (s statement) json() map[string]any {
	out := map[string]any{"Sid": s.sid, "Effect": "Allow", "Action": s.actions, "Resource": s.resources}
	if len(s.conditions) > 0 {
		out["Condition"] = s.conditions
	}
	return out
}

// policyDocument is an IAM policy document of statements, or nil for none.
func policyDocument(statements []statement) map[string]any {
	if len(statements) == 0 {
		return nil
	}
	list := make([]any, len(statements))
	for i, s := range statements {
		list[i] = s.json()
	}
	return map[string]any{"Version": "2012-10-17", "Statement": list}
}

// ownAccount limits a statement to resources of the account whose principal calls:
// the same permission set is provisioned into many accounts, and a tag or a wildcard
// ARN alone would also match resources of other accounts that trust this one.
const ownAccount = "${aws:PrincipalAccount}"
