package check

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// JSONName turns a Go field path into the lowerCamelCase path a configuration file
// uses: "Proxy.AllowedDomains[1]" becomes "proxy.allowedDomains[1]", "AZCount"
// becomes "azCount" and "GroupID" becomes "groupId". Struct tags of configuration types
// follow the same rule.
func JSONName(goPath string) string {
	parts := strings.Split(goPath, ".")
	for i, p := range parts {
		parts[i] = idWord.ReplaceAllString(lowerFirstWord(p), "${1}Id${2}")
	}
	return strings.Join(parts, ".")
}

// idWord finds "ID" as the last word of a name (before an optional plural "s" or an
// index), which JSON spells "Id".
var idWord = regexp.MustCompile(`([a-z0-9])ID(s?(\[|$))`)

// lowerFirstWord lowers the leading run of capitals; when a lower-case letter follows
// the run, its last capital starts the next word and stays.
func lowerFirstWord(s string) string {
	r := []rune(s)
	n := 0
	for n < len(r) && unicode.IsUpper(r[n]) {
		n++
	}
	if n > 1 && n < len(r) && unicode.IsLower(r[n]) {
		n--
	}
	for i := 0; i < n; i++ {
		r[i] = unicode.ToLower(r[i])
	}
	return string(r)
}

// MergeAs appends the problems of err to l with their fields renamed for a
// configuration file: the Go prefix strip ("VpcProps.") is replaced by path
// ("workloads[2].vpc.") and the rest turned into JSON names. A problem whose field does
// not start with strip keeps its name under path.
func (l *List) MergeAs(path, strip string, err error) {
	l.MergeRenamed(path, strip, err, nil)
}

// MergeAsExcept is MergeAs for the problems whose field, after strip, starts with none
// of skip: a configuration that validates a shared field once leaves it out of each
// item.
func (l *List) MergeAsExcept(path, strip string, err error, skip ...string) {
	l.MergeRenamed(path, strip, err, nil, skip...)
}

// MergeRenamed is MergeAsExcept for a configuration that names some fields other than
// JSONName would: renames maps a Go field, after strip, to its name in the file
// ("ApprovedAMIIDs" to "approvedAmiIds"), including the fields below it.
func (l *List) MergeRenamed(path, strip string, err error, renames map[string]string, skip ...string) {
	l.MergeFunc(strings.TrimSuffix(path, "."), err, func(field string) (string, bool) {
		field = strings.TrimPrefix(field, strip)
		if slices.ContainsFunc(skip, func(prefix string) bool { return strings.HasPrefix(field, prefix) }) {
			return "", false
		}
		return path + rename(field, renames), true
	})
}

// MergeFunc appends the problems of err to l with their fields renamed by name, which
// reports false for a problem to leave out; messages name fields in JSON form. An
// error that lists no problems is recorded whole under field.
func (l *List) MergeFunc(field string, err error, name func(field string) (string, bool)) {
	var e *Error
	if err == nil {
		return
	}
	if !errors.As(err, &e) {
		l.problems = append(l.problems, Problem{Field: field, Msg: err.Error()})
		return
	}
	for _, p := range e.Problems {
		var keep bool
		if p.Field, keep = name(p.Field); keep {
			p.Msg = renameFieldsIn(p.Msg)
			l.problems = append(l.problems, p)
		}
	}
}

// rename turns a Go field path into the file's: by renames when one matches its start,
// by JSONName otherwise.
func rename(field string, renames map[string]string) string {
	for from, to := range renames {
		if rest, ok := strings.CutPrefix(field, from); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
			return to + JSONName(rest)
		}
	}
	return JSONName(field)
}

// fieldRef is how a message names another field: in backquotes, "set
// `AllowShortFlowLogRetention`".
var fieldRef = regexp.MustCompile("`[A-Za-z][A-Za-z0-9.]*`")

// renameFieldsIn rewrites the fields a message names in JSON form, so that its advice
// matches the configuration file.
func renameFieldsIn(msg string) string {
	return fieldRef.ReplaceAllStringFunc(msg, func(ref string) string {
		return "`" + JSONName(strings.Trim(ref, "`")) + "`"
	})
}
