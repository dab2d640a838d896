package landingzone

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/goccy/go-yaml/ast"
)

// strictCheck walks the document alongside the Go type it decodes into and reports
// every key the type does not have and every value of the wrong kind, where the YAML
// library would stop at the first. report receives the offending node, its path and
// the reason.
func strictCheck(node ast.Node, t reflect.Type, path string, report func(ast.Node, string, string)) {
	node = unwrap(node)
	if _, isNull := node.(*ast.NullNode); isNull {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		values, ok := mappingOf(node)
		if !ok {
			report(node, path, "want a mapping of keys to values, found "+describe(node))
			return
		}
		fields := jsonFields(t)
		for _, kv := range values {
			key := keyName(kv)
			f, known := fields[key]
			if key == "<<" {
				report(kv.Key, path, mergeKeyProblem+", which the configuration does not take: write the keys out")
				continue
			}
			if !known {
				report(kv.Key, join(path, key), "unknown field"+suggest(key, fields))
				continue
			}
			strictCheck(kv.Value, f.Type, join(path, key), report)
		}
	case reflect.Map:
		values, ok := mappingOf(node)
		if !ok {
			report(node, path, "want a mapping, found "+describe(node))
			return
		}
		for _, kv := range values {
			strictCheck(kv.Value, t.Elem(), join(path, keyName(kv)), report)
		}
	case reflect.Slice:
		seq, ok := node.(*ast.SequenceNode)
		if !ok {
			report(node, path, "want a list, found "+describe(node))
			return
		}
		for i, v := range seq.Values {
			strictCheck(v, t.Elem(), fmt.Sprintf("%s[%d]", path, i), report)
		}
	case reflect.String:
		switch n := node.(type) {
		case *ast.IntegerNode:
			// YAML reads an unquoted number with a leading zero as octal, so that
			// 012345670123 would become another account ID.
			if lit := n.GetToken().Value; len(lit) > 1 && lit[0] == '0' {
				report(node, path, fmt.Sprintf("an unquoted number with a leading zero, which YAML reads as octal; quote it: %q", lit))
			}
		case *ast.StringNode, *ast.LiteralNode, *ast.FloatNode:
			// Numbers are kept as written, so that an unquoted account ID stays intact.
		default:
			report(node, path, "want a string, found "+describe(node))
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		if _, ok := node.(*ast.IntegerNode); !ok {
			report(node, path, "want a whole number, found "+describe(node))
		}
	case reflect.Float64:
		switch node.(type) {
		case *ast.IntegerNode, *ast.FloatNode:
		default:
			report(node, path, "want a number, found "+describe(node))
		}
	case reflect.Bool:
		if _, ok := node.(*ast.BoolNode); !ok {
			report(node, path, "want true or false, found "+describe(node))
		}
	}
}

// mergeKeyProblem begins the message for a YAML merge key.
const mergeKeyProblem = "a YAML merge key (<<)"

// jsonFields maps the JSON names of t's exported fields to the fields.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	fields := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = f
	}
	return fields
}

// suggest proposes the known key closest to an unknown one, for typos and case slips.
func suggest(key string, fields map[string]reflect.StructField) string {
	best, bestDist := "", 3
	for name := range fields {
		d := check.EditDistance(strings.ToLower(key), strings.ToLower(name))
		if d < bestDist || (d == bestDist && name < best) {
			best, bestDist = name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// unwrap looks through anchors and tags to the value they decorate.
func unwrap(node ast.Node) ast.Node {
	for {
		switch n := node.(type) {
		case *ast.AnchorNode:
			node = n.Value
		case *ast.TagNode:
			node = n.Value
		case *ast.AliasNode:
			return n
		default:
			return node
		}
	}
}

// mappingOf returns the entries of a mapping node; a one-entry mapping is a bare
// MappingValueNode in the parser's tree.
func mappingOf(node ast.Node) ([]*ast.MappingValueNode, bool) {
	switch n := unwrap(node).(type) {
	case *ast.MappingNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, true
	}
	return nil, false
}

func mappingValues(node ast.Node) []*ast.MappingValueNode {
	values, _ := mappingOf(node)
	return values
}

func keyName(kv *ast.MappingValueNode) string {
	if tok := kv.Key.GetToken(); tok != nil {
		return tok.Value
	}
	return kv.Key.String()
}

// describe names a node's kind for messages, with its text when short.
func describe(node ast.Node) string {
	kind := map[ast.NodeType]string{
		ast.StringType: "a string", ast.IntegerType: "a number", ast.FloatType: "a number", ast.BoolType: "true/false",
		ast.MappingType: "a mapping", ast.MappingValueType: "a mapping", ast.SequenceType: "a list", ast.AliasType: "an alias",
		ast.LiteralType: "a string",
	}[node.Type()]
	if kind == "" {
		kind = strings.ToLower(node.Type().String())
	}
	if text := node.String(); len(text) <= 40 && !strings.Contains(text, "\n") && node.Type() != ast.MappingType && node.Type() != ast.MappingValueType && node.Type() != ast.SequenceType {
		return fmt.Sprintf("%s %s", kind, text)
	}
	return kind
}
