package landingzone

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/go-landingzone/landingzone/internal/check"
)

// LoadConfig reads the configuration file at path, YAML or JSON, and validates it.
// Reading is strict: a syntax error, an unknown key or a value of the wrong type is an
// error. Validation then runs in full. Either way every problem found is reported at
// once, each as "file:line:column: path value: reason" (a *ConfigError).
func LoadConfig(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, err
	}
	return ParseConfig(path, data)
}

// ParseConfig is LoadConfig for a configuration already in memory; name is the file
// name used in messages.
func ParseConfig(name string, data []byte) (Config, error) {
	var cfg Config
	// A byte-order mark, which some Windows editors write, would become part of the
	// first key.
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if problems := tabIndents(name, data); len(problems) > 0 {
		return cfg, &ConfigError{Problems: problems}
	}
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		return cfg, &ConfigError{Problems: []ConfigProblem{syntaxProblem(name, err)}}
	}
	if len(file.Docs) != 1 || file.Docs[0].Body == nil {
		return cfg, &ConfigError{Problems: []ConfigProblem{{File: name, Line: 1, Column: 1, Msg: "want exactly one YAML document holding the configuration"}}}
	}
	body := file.Docs[0].Body
	var problems []ConfigProblem
	// bad are the paths strictCheck reports, left out of validation; quiet are those
	// whose validation problems would only repeat them.
	var bad, quiet []string
	strictCheck(body, reflect.TypeOf(cfg), "", func(node ast.Node, path, msg string) {
		problems = append(problems, at(name, node, path, msg))
		quiet = append(quiet, path) // a merge key's mapping misses the merged keys
		if strings.HasPrefix(msg, mergeKeyProblem) {
			path = join(path, "<<")
		}
		bad = append(bad, path)
		if m := didYouMean.FindStringSubmatch(msg); m != nil {
			// A misspelt key: the key it stands for is missing for the same reason.
			parent := path[:max(strings.LastIndex(path, "."), 0)]
			quiet = append(quiet, join(parent, m[1]))
		}
	})
	if len(problems) > 0 {
		// An unknown key or a value of the wrong type must not hide the rest: validate
		// the document without them, and report what validation finds elsewhere.
		if rest, ok := withoutPaths(body, bad); ok {
			if err := locate(name, body, rest.Validate()); err != nil {
				var ce *ConfigError
				if errors.As(err, &ce) {
					for _, p := range ce.Problems {
						if !under(p.Path, quiet) {
							problems = append(problems, p)
						}
					}
				}
			}
		}
		return cfg, newConfigError(problems)
	}
	if err := yaml.NodeToValue(body, &cfg); err != nil {
		// strictCheck admits only what decodes; report the library's word if not.
		return cfg, &ConfigError{Problems: []ConfigProblem{syntaxProblem(name, err)}}
	}
	if err := cfg.Validate(); err != nil {
		return cfg, locate(name, body, err)
	}
	return cfg, nil
}

// didYouMean finds the key that strictCheck suggests for an unknown one.
var didYouMean = regexp.MustCompile(`did you mean "([^"]+)"\?`)

// withoutPaths decodes the document leniently after removing the values at paths (the
// key of a mapping, or an element of a list, which becomes null so that the indices of
// the others stay those of the file). It reports false when the rest still does not
// decode.
func withoutPaths(body ast.Node, paths []string) (Config, bool) {
	var doc any
	if err := yaml.NodeToValue(body, &doc); err != nil {
		return Config{}, false
	}
	for _, p := range paths {
		doc = removePath(doc, splitPath(p))
	}
	out, err := yaml.Marshal(doc)
	var cfg Config
	if err != nil || yaml.Unmarshal(out, &cfg) != nil {
		return Config{}, false
	}
	return cfg, true
}

// removePath removes the value at segs from v and returns v.
func removePath(v any, segs []string) any {
	if len(segs) == 0 {
		return nil
	}
	seg := segs[0]
	switch x := v.(type) {
	case map[string]any:
		if len(segs) == 1 {
			delete(x, seg)
		} else if child, ok := x[seg]; ok {
			x[seg] = removePath(child, segs[1:])
		}
	case []any:
		if i, err := strconv.Atoi(strings.Trim(seg, "[]")); err == nil && strings.HasPrefix(seg, "[") && i < len(x) {
			x[i] = removePath(x[i], segs[1:])
		}
	}
	return v
}

// under reports whether path is one of paths or lies below one.
func under(path string, paths []string) bool {
	for _, p := range paths {
		if path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(path, p+"[") {
			return true
		}
	}
	return false
}

// tabIndents reports every line indented with a tab, which YAML forbids and its parser
// reports only as "cannot start any token".
func tabIndents(name string, data []byte) []ConfigProblem {
	var problems []ConfigProblem
	for i, line := range bytes.Split(data, []byte("\n")) {
		indent := line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
		if j := bytes.IndexByte(indent, '\t'); j >= 0 {
			problems = append(problems, ConfigProblem{File: name, Line: i + 1, Column: j + 1,
				Msg: "a tab in the indentation: YAML indents with spaces only"})
		}
	}
	return problems
}

// ConfigError lists every problem of a configuration file.
type ConfigError struct {
	Problems []ConfigProblem
}

// ConfigProblem is one mistake in a configuration file. Line and Column count from 1;
// for a missing field they point at the key of the mapping that should hold it.
type ConfigProblem struct {
	File         string
	Line, Column int
	// Path is the field's path in the file, such as "workloads[3].vpc.cidr"; empty
	// for a syntax error.
	Path string
	// Value is the offending value as messages print it; empty when there is none.
	Value string
	Msg   string
}

func (p ConfigProblem) String() string {
	s := fmt.Sprintf("%s:%d:%d: ", p.File, p.Line, p.Column)
	if p.Path != "" {
		s += p.Path
		if p.Value != "" {
			s += " " + p.Value
		}
		s += ": "
	}
	return s + p.Msg
}

// Error prints one problem per line.
func (e *ConfigError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Is makes configuration errors match ErrInvalidConfig.
func (e *ConfigError) Is(target error) bool { return target == ErrInvalidConfig }

func syntaxProblem(name string, err error) ConfigProblem {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		pos := ye.GetToken().Position
		return ConfigProblem{File: name, Line: pos.Line, Column: pos.Column, Msg: ye.GetMessage()}
	}
	return ConfigProblem{File: name, Line: 1, Column: 1, Msg: err.Error()}
}

// newConfigError sorts problems into file order and drops repeats: several checks, or
// several constructs built from one field (the seven guardrails from one exempt
// role), may find the same problem.
func newConfigError(problems []ConfigProblem) *ConfigError {
	sort.SliceStable(problems, func(i, j int) bool {
		if problems[i].Line != problems[j].Line {
			return problems[i].Line < problems[j].Line
		}
		return problems[i].Column < problems[j].Column
	})
	out := problems[:0]
	seen := map[ConfigProblem]bool{}
	for _, p := range problems {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return &ConfigError{Problems: out}
}

func at(name string, node ast.Node, path, msg string) ConfigProblem {
	p := ConfigProblem{File: name, Line: 1, Column: 1, Path: path, Msg: msg}
	if node == nil {
		return p
	}
	// A mapping is best shown by its first key, not by its first ':' or '{'.
	if values, ok := mappingOf(node); ok && len(values) > 0 {
		node = values[0].Key
	}
	if tok := node.GetToken(); tok != nil {
		p.Line, p.Column = tok.Position.Line, tok.Position.Column
	}
	return p
}

// locate turns validation problems into file positions: each path is followed through
// the document as far as it exists.
func locate(name string, body ast.Node, err error) error {
	var ve *check.Error
	if !errors.As(err, &ve) {
		return err
	}
	var problems []ConfigProblem
	for _, p := range ve.Problems {
		cp := at(name, nodeAt(body, p.Field), p.Field, p.Msg)
		if p.Value != nil {
			cp.Value = check.FormatValue(p.Value)
		}
		problems = append(problems, cp)
	}
	return newConfigError(problems)
}

// nodeAt follows path ("workloads[3].vpc.cidr") from root and returns its node or,
// when the path ends early, the key under which the missing part belongs (nil for the
// document itself).
func nodeAt(root ast.Node, path string) ast.Node {
	node, holder := root, ast.Node(nil)
	for _, seg := range splitPath(path) {
		next, key := child(node, seg)
		if next == nil {
			if holder == nil {
				return node
			}
			return holder
		}
		node, holder = next, key
	}
	return node
}

// splitPath splits "a.b[2].c" into "a", "b", "[2]", "c".
func splitPath(path string) []string {
	var segs []string
	for _, part := range strings.Split(path, ".") {
		for part != "" {
			i := strings.IndexByte(part[1:], '[')
			if i < 0 {
				segs = append(segs, part)
				break
			}
			segs = append(segs, part[:i+1])
			part = part[i+1:]
		}
	}
	return segs
}

// child returns the value under key seg of a mapping with its key node, or element
// [i] of a sequence (with the element as its own key).
func child(node ast.Node, seg string) (value, key ast.Node) {
	if strings.HasPrefix(seg, "[") {
		i, err := strconv.Atoi(strings.Trim(seg, "[]"))
		if seq, ok := unwrap(node).(*ast.SequenceNode); ok && err == nil && i < len(seq.Values) {
			return seq.Values[i], seq.Values[i]
		}
		return nil, nil
	}
	for _, kv := range mappingValues(node) {
		if keyName(kv) == seg {
			return kv.Value, kv.Key
		}
	}
	return nil, nil
}
