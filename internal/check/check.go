// Package check collects validation problems so that a constructor can report every
// mistake in its props at once, each naming the field and the value it received.
//
// The messages follow one shape, `Props.Field value: what is wrong`, for example
//
//	network: VpcProps.Cidr "10.0.0.0/33": not a valid IPv4 CIDR
//
// and every error built here matches ErrInvalidProps under errors.Is.
package check

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrInvalidProps is matched, under errors.Is, by every validation error that a
// landingzone constructor returns. The construct packages re-export it.
var ErrInvalidProps = errors.New("invalid props")

// Problem is one validation failure: the field as the caller wrote it, the value it held
// and what is wrong with it.
type Problem struct {
	Field string
	Value any
	Msg   string
}

func (p Problem) Error() string {
	if p.Value == nil {
		return p.Field + ": " + p.Msg
	}
	return p.Field + " " + FormatValue(p.Value) + ": " + p.Msg
}

// FormatValue prints a problem's value as messages show it: strings quoted, so that
// empty and blank values stay visible, lists of strings as ["a" "b"].
func FormatValue(v any) string {
	switch x := v.(type) {
	case string:
		return quoteCut(x)
	case []string:
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = quoteCut(s)
		}
		return "[" + strings.Join(q, " ") + "]"
	default:
		return fmt.Sprint(v)
	}
}

// A message repeats a string value whole up to maxShownValue characters and
// maxQuotedValue bytes once quoted (binary input quotes four bytes to a byte); a longer
// one (a file pasted into a field, say) is cut, with its length.
const (
	maxShownValue  = 200
	maxQuotedValue = 400
)

// quoteCut quotes s, cut when it is longer than the limits above.
func quoteCut(s string) string {
	q := strconv.Quote(s)
	n := utf8.RuneCountInString(s)
	if n <= maxShownValue && len(q) <= maxQuotedValue {
		return q
	}
	runes := []rune(s)[:min(n, maxShownValue)]
	for len(runes) > 0 && len(strconv.Quote(string(runes))) > maxQuotedValue {
		runes = runes[:len(runes)*3/4]
	}
	return strconv.Quote(string(runes)) + fmt.Sprintf("… (%d characters)", n)
}

// List gathers problems. The zero value is an empty list ready to use.
type List struct {
	problems []Problem
}

// Addf records that field, holding value, is wrong for the reason given by format and
// args. Pass a nil value for a problem that concerns a field's absence.
func (l *List) Addf(field string, value any, format string, args ...any) {
	l.problems = append(l.problems, Problem{Field: field, Value: value, Msg: fmt.Sprintf(format, args...)})
}

// Merge appends every problem of err to l, prefixing their fields with prefix (for
// nested props, such as "VpcProps.Proxy."). It accepts errors built by Err or nil.
func (l *List) Merge(prefix string, err error) {
	var e *Error
	if err == nil {
		return
	}
	if !errors.As(err, &e) {
		l.problems = append(l.problems, Problem{Field: strings.TrimSuffix(prefix, "."), Msg: err.Error()})
		return
	}
	for _, p := range e.Problems {
		p.Field = prefix + p.Field
		l.problems = append(l.problems, p)
	}
}

// Len reports how many problems were recorded.
func (l *List) Len() int { return len(l.problems) }

// Err returns nil when no problem was recorded, or an *Error naming pkg that lists all
// of them in the order they were found.
func (l *List) Err(pkg string) error {
	if len(l.problems) == 0 {
		return nil
	}
	return &Error{Package: pkg, Problems: append([]Problem(nil), l.problems...)}
}

// Error is the validation error of one constructor call: every problem found.
type Error struct {
	Package  string
	Problems []Problem
}

// Error prints one problem per line, each prefixed with the package name.
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Package)
		b.WriteString(": ")
		b.WriteString(p.Error())
	}
	return b.String()
}

// Is makes every validation error match ErrInvalidProps.
func (e *Error) Is(target error) bool { return target == ErrInvalidProps }

// Unwrap exposes the individual problems to errors.As.
func (e *Error) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}
