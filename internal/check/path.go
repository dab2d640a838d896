package check

import (
	"errors"
	"regexp"
	"strings"
	"unicode"
)

// JSONName turns a Go field path into the lowerCamelCase path a configuration file
// uses: "Proxy.AllowedDomains[1]" becomes "proxy.allowedDomains[1]" and "AZCount"
// becomes "azCount". Struct tags of configuration types follow the same rule.
func JSONName(goPath string) string {
	parts := strings.Split(goPath, ".")
	for i, p := range parts {
		parts[i] = lowerFirstWord(p)
	}
	return strings.Join(parts, ".")
}

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
	var e *Error
	if err == nil {
		return
	}
	if !errors.As(err, &e) {
		l.problems = append(l.problems, Problem{Field: strings.TrimSuffix(path, "."), Msg: err.Error()})
		return
	}
	for _, p := range e.Problems {
		p.Field = path + JSONName(strings.TrimPrefix(p.Field, strip))
		p.Msg = renameFieldsIn(p.Msg)
		l.problems = append(l.problems, p)
	}
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
