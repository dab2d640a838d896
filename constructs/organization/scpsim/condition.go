package scpsim

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-landingzone/landingzone/constructs/organization"
)

// The condition operators Evaluate knows, by name without the ForAnyValue: or
// ForAllValues: qualifier and the IfExists suffix. Each compares one value of the
// request context with one value of the policy; negated operators are the negation of
// their positive form over all the policy's values. Every other operator (IpAddress,
// BinaryEquals...) is refused with ErrUnsupported rather than guessed at.
//
// Semantics from the IAM User Guide, "IAM JSON policy elements: Condition operators"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// a key absent from the request context makes a condition false, except that a
// negated operator (StringNotLike, ArnNotLike...) is then true; ...IfExists is true
// when the key is absent; Null tests presence alone. ARN operators match each of the
// six colon-separated parts of the ARN separately, with * and ? in each.
var operators = map[string]struct {
	negated bool
	match   func(ctx, policy string) (bool, error)
}{
	"StringEquals":              {false, func(c, p string) (bool, error) { return c == p, nil }},
	"StringNotEquals":           {true, func(c, p string) (bool, error) { return c == p, nil }},
	"StringEqualsIgnoreCase":    {false, func(c, p string) (bool, error) { return strings.EqualFold(c, p), nil }},
	"StringNotEqualsIgnoreCase": {true, func(c, p string) (bool, error) { return strings.EqualFold(c, p), nil }},
	"StringLike":                {false, func(c, p string) (bool, error) { return match(p, c), nil }},
	"StringNotLike":             {true, func(c, p string) (bool, error) { return match(p, c), nil }},
	"ArnEquals":                 {false, arnMatch},
	"ArnLike":                   {false, arnMatch},
	"ArnNotEquals":              {true, arnMatch},
	"ArnNotLike":                {true, arnMatch},
	"Bool":                      {false, func(c, p string) (bool, error) { return strings.EqualFold(c, p), nil }},
	"DateEquals":                {false, dateCompare(func(c int) bool { return c == 0 })},
	"DateNotEquals":             {true, dateCompare(func(c int) bool { return c == 0 })},
	"DateLessThan":              {false, dateCompare(func(c int) bool { return c < 0 })},
	"DateLessThanEquals":        {false, dateCompare(func(c int) bool { return c <= 0 })},
	"DateGreaterThan":           {false, dateCompare(func(c int) bool { return c > 0 })},
	"DateGreaterThanEquals":     {false, dateCompare(func(c int) bool { return c >= 0 })},
	"NumericEquals":             {false, numericCompare(func(c int) bool { return c == 0 })},
	"NumericNotEquals":          {true, numericCompare(func(c int) bool { return c == 0 })},
	"NumericLessThan":           {false, numericCompare(func(c int) bool { return c < 0 })},
	"NumericLessThanEquals":     {false, numericCompare(func(c int) bool { return c <= 0 })},
	"NumericGreaterThan":        {false, numericCompare(func(c int) bool { return c > 0 })},
	"NumericGreaterThanEquals":  {false, numericCompare(func(c int) bool { return c >= 0 })},
}

// conditionHolds reports whether every operator of cond holds for every key it names:
// the operators of a Condition, and the keys under each, are joined by AND, the values
// of one key by OR.
func conditionHolds(cond organization.Conditions, ctx map[string][]string) (bool, error) {
	// Sorted, so that the error for a policy with two faults is always the same.
	ops := make([]string, 0, len(cond))
	for op := range cond {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	holds := true
	for _, op := range ops {
		for key, values := range cond[op] {
			ok, err := operatorHolds(op, ctx[strings.ToLower(key)], values)
			if err != nil {
				return false, fmt.Errorf("condition %s on %s: %w", op, key, err)
			}
			holds = holds && ok
		}
	}
	return holds, nil
}

// operatorHolds evaluates one operator, with its qualifier and suffix, on the context
// values of one key (none when the key is absent).
func operatorHolds(op string, ctx []string, policy organization.Values) (bool, error) {
	name, set := op, ""
	if q, rest, ok := strings.Cut(op, ":"); ok {
		if q != "ForAnyValue" && q != "ForAllValues" {
			return false, fmt.Errorf("%w: set operator %q (ForAnyValue and ForAllValues are known)", ErrUnsupported, q)
		}
		set, name = q, rest
	}
	ifExists := strings.HasSuffix(name, "IfExists")
	name = strings.TrimSuffix(name, "IfExists")
	if name == "Null" {
		if set != "" || ifExists {
			return false, fmt.Errorf("%w: %s", ErrUnsupported, op)
		}
		return nullHolds(ctx, policy)
	}
	o, known := operators[name]
	if !known {
		return false, fmt.Errorf("%w: condition operator %q", ErrUnsupported, op)
	}
	if len(ctx) == 0 {
		switch {
		case ifExists:
			return true, nil
		case set == "ForAllValues":
			// Every one of no values matches: documented as true for a missing key.
			return true, nil
		case set == "ForAnyValue":
			return false, nil
		}
		return o.negated, nil
	}
	// one decides a single context value: for a positive operator, whether it matches
	// some policy value; for a negated one, whether it matches none.
	one := func(c string) (bool, error) {
		for _, p := range policy {
			m, err := o.match(c, p)
			if err != nil {
				return false, err
			}
			if m {
				return !o.negated, nil
			}
		}
		return o.negated, nil
	}
	all, some := true, false
	for _, c := range ctx {
		ok, err := one(c)
		if err != nil {
			return false, err
		}
		all, some = all && ok, some || ok
	}
	if set == "ForAllValues" {
		return all, nil
	}
	// ForAnyValue, and a plain operator over a key with one value.
	return some, nil
}

// nullHolds is the Null operator: "true" holds when the key is absent, "false" when it
// is present.
func nullHolds(ctx []string, policy organization.Values) (bool, error) {
	for _, p := range policy {
		want, err := strconv.ParseBool(p)
		if err != nil {
			return false, fmt.Errorf("the Null operator takes true or false, not %q", p)
		}
		if want == (len(ctx) == 0) {
			return true, nil
		}
	}
	return false, nil
}

// arnMatch compares an ARN with a pattern part by part, as ArnLike does.
func arnMatch(c, p string) (bool, error) {
	cp, pp := strings.SplitN(c, ":", 6), strings.SplitN(p, ":", 6)
	if len(pp) != 6 {
		// Not an ARN pattern: "*" matches every ARN, anything else the same string.
		return match(p, c), nil
	}
	if len(cp) != 6 {
		return false, nil
	}
	for i := range pp {
		if !match(pp[i], cp[i]) {
			return false, nil
		}
	}
	return true, nil
}

// dateCompare compares two dates, each RFC 3339 or seconds since the epoch, with want
// deciding on the sign of context minus policy.
func dateCompare(want func(int) bool) func(c, p string) (bool, error) {
	return func(c, p string) (bool, error) {
		ct, err := parseDate(c)
		if err != nil {
			return false, err
		}
		pt, err := parseDate(p)
		if err != nil {
			return false, err
		}
		return want(ct.Compare(pt)), nil
	}
}

func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(n, 0), nil
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

// numericCompare compares two numbers, with want deciding on the sign of context minus
// policy.
func numericCompare(want func(int) bool) func(c, p string) (bool, error) {
	return func(c, p string) (bool, error) {
		cn, err := strconv.ParseFloat(c, 64)
		if err != nil {
			return false, fmt.Errorf("not a number: %q", c)
		}
		pn, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return false, fmt.Errorf("not a number: %q", p)
		}
		switch {
		case cn < pn:
			return want(-1), nil
		case cn > pn:
			return want(1), nil
		}
		return want(0), nil
	}
}
