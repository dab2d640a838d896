package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/go-landingzone/landingzone/internal/rehearsal"
)

// ruleImport is the rule of an imports finding.
const ruleImport = "cross-environment-import"

// importValue is the intrinsic function that reads another stack's export.
const importValue = "Fn::ImportValue"

// exporter is a stack that exports a name.
type exporter struct{ stack, account, region string }

// importFindings reports every Fn::ImportValue of an export that a stack of the
// assembly makes in another account or region. CloudFormation resolves an import
// only among the exports of the importing stack's own account and region
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-importvalue.html),
// so such a stack fails to deploy. An import of a name no stack of the assembly
// exports (another app's) and a stack whose account or region is left to deploy time
// cannot be judged from the assembly, and are not reported.
func importFindings(stacks []stack) []Finding {
	exports := map[string][]exporter{}
	for _, s := range stacks {
		outputs, _ := s.Template["Outputs"].(map[string]any)
		for _, o := range outputs {
			o, _ := o.(map[string]any)
			export, _ := o["Export"].(map[string]any)
			if name, ok := resolveName(s, export["Name"]); ok {
				exports[name] = append(exports[name], exporter{s.ID, s.Account, s.Region})
			}
		}
	}
	var out []Finding
	for _, s := range stacks {
		if s.Account == "" || s.Region == "" {
			continue
		}
		for _, imp := range imports(s.Template) {
			name, ok := resolveName(s, imp.arg)
			if !ok {
				continue
			}
			var elsewhere []string
			shared := false
			for _, e := range exports[name] {
				switch {
				case e.account == "" || e.region == "":
					shared = true // it may deploy next to the importer
				case e.account == s.Account && e.region == s.Region:
					shared = true
				default:
					elsewhere = append(elsewhere, fmt.Sprintf("%s (aws://%s/%s)", e.stack, e.account, e.region))
				}
			}
			if shared || len(elsewhere) == 0 {
				continue
			}
			out = append(out, Finding{Gate: gateImports, Stack: s.ID, Template: s.Path, Resource: imp.logicalID, Rule: ruleImport,
				Message: fmt.Sprintf("imports the export %q of %s, but deploys to aws://%s/%s: an export is visible only in its own account and region; pass the value by a deterministic name, an SSM parameter or Fn::GetStackOutput instead",
					name, strings.Join(elsewhere, ", "), s.Account, s.Region)})
		}
	}
	return out
}

// importRef is an Fn::ImportValue of a template: where it is and its argument.
type importRef struct {
	logicalID string
	arg       any
}

// imports lists the Fn::ImportValue of a template's resources and outputs, the
// sections where CloudFormation allows it, by logical ID.
func imports(tpl map[string]any) []importRef {
	var out []importRef
	for _, section := range []string{"Resources", "Outputs"} {
		entries, _ := tpl[section].(map[string]any)
		ids := slices.Sorted(maps.Keys(entries))
		for _, id := range ids {
			walkImports(entries[id], func(arg any) { out = append(out, importRef{id, arg}) })
		}
	}
	return out
}

// walkImports calls fn with the argument of every Fn::ImportValue in v.
func walkImports(v any, fn func(arg any)) {
	switch x := v.(type) {
	case map[string]any:
		if arg, ok := x[importValue]; ok && len(x) == 1 {
			fn(arg)
			return
		}
		keys := slices.Sorted(maps.Keys(x))
		for _, k := range keys {
			walkImports(x[k], fn)
		}
	case []any:
		for _, e := range x {
			walkImports(e, fn)
		}
	}
}

// resolveName renders an export's or import's name, a template value, as
// CloudFormation would in stack s. The CDK writes a literal; a hand-written template
// may build the name with Fn::Sub or Fn::Join of pseudo parameters, which package
// rehearsal resolves as it does a resource property. A name that only deploy time
// decides (a parameter's value) is not resolved: ok is false.
func resolveName(s stack, v any) (name string, ok bool) {
	if lit, isString := v.(string); isString {
		return lit, lit != ""
	}
	if v == nil {
		return "", false
	}
	return rehearsal.Stack{Name: s.Name, Account: s.Account, Region: s.Region, Template: s.Template}.Resolve(v)
}
