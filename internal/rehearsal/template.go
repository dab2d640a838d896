// Package rehearsal walks the stacks of a landing zone in their deploy order, as a
// first deploy would, and checks that every template refers only to what exists by
// then: a resource that an earlier stack created under its deterministic name, a
// value the configuration recorded after the stack that outputs it deployed, or a
// value the configuration holds from the start. It reads synthesized templates only,
// so it knows nothing of AWS but the naming rules of the ARNs below; what it cannot
// model (an API that accepts a reference to something that does not exist yet, or
// one that fails although it exists) is for a live deploy to show.
package rehearsal

import (
	"fmt"
	"sort"
	"strings"
)

// Stack is one stack to deploy: its name, where it deploys and its template.
type Stack struct {
	Name, Account, Region string
	// Partition is the ARN partition; empty means "aws".
	Partition string
	// Template is the CloudFormation template as decoded JSON.
	Template map[string]any
}

func (s Stack) partition() string {
	if s.Partition == "" {
		return "aws"
	}
	return s.Partition
}

// local stands for a value that only the stack itself resolves (a Ref or GetAtt of
// one of its resources, a parameter without a default): it never equals a name.
const local = "\x00local\x00"

// Resolve renders v, a template value such as an export's name, as CloudFormation
// would in stack s: literals, pseudo parameters, Fn::Join, Fn::Sub and Fn::FindInMap.
// ok is false when any part is left to deploy time (a Ref or GetAtt of a resource of
// the stack, a parameter without a default) or v is not a string value.
func (s Stack) Resolve(v any) (value string, ok bool) {
	value, ok = s.resolve(v)
	if !ok || strings.Contains(value, local) {
		return "", false
	}
	return value, true
}

// resolve renders v, a template value, as the string CloudFormation would make of it
// in stack s, with local standing for whatever the stack alone decides; ok is false
// for a value that is not a string (a list, an object of properties).
func (s Stack) resolve(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case map[string]any:
		if len(x) != 1 {
			return "", false
		}
		for fn, arg := range x {
			switch fn {
			case "Ref":
				name, _ := arg.(string)
				return s.ref(name), true
			case "Fn::GetAtt":
				return local, true
			case "Fn::Join":
				parts, _ := arg.([]any)
				if len(parts) != 2 {
					return "", false
				}
				sep, _ := parts[0].(string)
				list, _ := parts[1].([]any)
				var out []string
				for _, p := range list {
					r, ok := s.resolve(p)
					if !ok {
						return "", false
					}
					out = append(out, r)
				}
				return strings.Join(out, sep), true
			case "Fn::Sub":
				text, ok := arg.(string)
				if !ok {
					list, _ := arg.([]any)
					if len(list) == 0 {
						return "", false
					}
					text, _ = list[0].(string)
				}
				return s.sub(text), true
			case "Fn::FindInMap":
				return s.findInMap(arg)
			case "Fn::Select", "Fn::If", "Fn::ImportValue", "Fn::GetAZs", "Fn::Split", "Fn::Base64", "Fn::Cidr":
				return local, true
			}
		}
	}
	return "", false
}

// ref resolves a Ref: pseudo parameters to the stack's values, parameters to their
// default, resources to local.
func (s Stack) ref(name string) string {
	switch name {
	case "AWS::Partition":
		return s.partition()
	case "AWS::Region":
		return s.Region
	case "AWS::AccountId":
		return s.Account
	case "AWS::URLSuffix":
		return "amazonaws.com"
	case "AWS::StackName":
		return s.Name
	}
	return local
}

// sub resolves the ${...} of an Fn::Sub text.
func (s Stack) sub(text string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, "${")
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		j := strings.Index(text[i:], "}")
		if j < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		b.WriteString(s.ref(text[i+2 : i+j]))
		text = text[i+j+1:]
	}
}

// findInMap resolves an Fn::FindInMap from the template's mappings.
func (s Stack) findInMap(arg any) (string, bool) {
	keys, _ := arg.([]any)
	if len(keys) != 3 {
		return "", false
	}
	var path [3]string
	for i, k := range keys {
		r, ok := s.resolve(k)
		if !ok || strings.Contains(r, local) {
			return local, true
		}
		path[i] = r
	}
	mappings, _ := s.Template["Mappings"].(map[string]any)
	top, _ := mappings[path[0]].(map[string]any)
	second, _ := top[path[1]].(map[string]any)
	v, ok := second[path[2]].(string)
	if !ok {
		return "", false
	}
	return v, true
}

// resources returns the template's resources by logical ID, in logical-ID order.
func (s Stack) resources() ([]string, map[string]map[string]any) {
	all, _ := s.Template["Resources"].(map[string]any)
	ids := make([]string, 0, len(all))
	out := map[string]map[string]any{}
	for id, r := range all {
		if m, ok := r.(map[string]any); ok {
			ids = append(ids, id)
			out[id] = m
		}
	}
	sort.Strings(ids)
	return ids, out
}

// Named is a resource that a stack creates under a name of its own choosing, by which
// other stacks find it.
type Named struct {
	Stack, LogicalID, Type string
	// Keys are the strings other templates refer to it by: its ARN, and for the types
	// referred to by name (SSM parameters) the name.
	Keys []string
}

// namedKeys gives, for each resource type whose name other stacks use, the keys of
// a resource named name in stack s. The ARN formats are those of the Service
// Authorization Reference's resource types.
var namedKeys = map[string]struct {
	property string
	keys     func(s Stack, name string) []string
}{
	"AWS::S3::Bucket": {"BucketName", func(s Stack, n string) []string { return []string{"arn:" + s.partition() + ":s3:::" + n, n} }},
	"AWS::KMS::Alias": {"AliasName", func(s Stack, n string) []string { return []string{s.arn("kms", n)} }},
	"AWS::Logs::Destination": {"DestinationName", func(s Stack, n string) []string {
		return []string{s.arn("logs", "destination:"+n)}
	}},
	"AWS::Logs::LogGroup": {"LogGroupName", func(s Stack, n string) []string { return []string{s.arn("logs", "log-group:"+n)} }},
	"AWS::SNS::Topic":     {"TopicName", func(s Stack, n string) []string { return []string{s.arn("sns", n)} }},
	"AWS::IAM::Role": {"RoleName", func(s Stack, n string) []string {
		return []string{"arn:" + s.partition() + ":iam::" + s.Account + ":role/" + n}
	}},
	"AWS::Events::EventBus": {"Name", func(s Stack, n string) []string { return []string{s.arn("events", "event-bus/"+n)} }},
	"AWS::KinesisFirehose::DeliveryStream": {"DeliveryStreamName", func(s Stack, n string) []string {
		return []string{s.arn("firehose", "deliverystream/"+n)}
	}},
	"AWS::CloudTrail::Trail": {"TrailName", func(s Stack, n string) []string { return []string{s.arn("cloudtrail", "trail/"+n)} }},
	"AWS::SSM::Parameter": {"Name", func(s Stack, n string) []string {
		return []string{n, s.arn("ssm", "parameter/"+strings.TrimPrefix(n, "/"))}
	}},
	"AWS::CloudFormation::StackSet": {"StackSetName", func(s Stack, n string) []string { return []string{s.arn("cloudformation", "stackset/"+n)} }},
}

// arn is the ARN of resource of service in the stack's account and region.
func (s Stack) arn(service, resource string) string {
	return "arn:" + s.partition() + ":" + service + ":" + s.Region + ":" + s.Account + ":" + resource
}

// NamedResources lists what s creates under names of its own choosing.
func NamedResources(s Stack) []Named {
	ids, resources := s.resources()
	var out []Named
	for _, id := range ids {
		r := resources[id]
		typ, _ := r["Type"].(string)
		spec, ok := namedKeys[typ]
		if !ok {
			continue
		}
		props, _ := r["Properties"].(map[string]any)
		name, ok := s.resolve(props[spec.property])
		if !ok || name == "" || strings.Contains(name, local) {
			continue
		}
		if typ == "AWS::IAM::Role" {
			if path, ok := props["Path"].(string); ok {
				name = strings.TrimPrefix(path, "/") + name
			}
		}
		out = append(out, Named{Stack: s.Name, LogicalID: id, Type: typ, Keys: spec.keys(s, name)})
	}
	return out
}

// OutputKey is the key by which the ledger knows the output name of stack, which
// another stack reads with Fn::GetStackOutput (the CDK's weak cross-stack references,
// which unlike exports do not lock the output).
func OutputKey(stack, name string) string { return "output:" + stack + "/" + name }

// outputKeys lists the keys of s's outputs.
func (s Stack) outputKeys() []string {
	outputs, _ := s.Template["Outputs"].(map[string]any)
	keys := make([]string, 0, len(outputs))
	for name := range outputs {
		keys = append(keys, OutputKey(s.Name, name))
	}
	sort.Strings(keys)
	return keys
}

// Ref is a string of a template that may name something outside the stack.
type Ref struct {
	// LogicalID and Path say where: the resource (or "Parameters") and the property.
	LogicalID, Path string
	// Value is the string, with local standing for what the stack resolves itself.
	Value string
	// Policy says where in an IAM policy document the string is: "Principal",
	// "Resource", "Condition", or "" outside one. Only a principal must exist when
	// the policy is written; a resource or condition may name what comes later.
	Policy string
}

// String describes where r is.
func (r Ref) String() string {
	return fmt.Sprintf("%s %s %q", r.LogicalID, r.Path, strings.ReplaceAll(r.Value, local, "<local>"))
}

// References lists the strings of s's resource properties and parameter defaults
// that may refer to something outside the stack.
func References(s Stack) []Ref {
	var out []Ref
	ids, resources := s.resources()
	for _, id := range ids {
		r := resources[id]
		if typ, _ := r["Type"].(string); typ == "AWS::Organizations::Policy" {
			// An SCP names what it protects wherever it is; it needs nothing to exist.
			continue
		}
		s.walk(r["Properties"], id, "Properties", "", &out)
	}
	params, _ := s.Template["Parameters"].(map[string]any)
	names := make([]string, 0, len(params))
	for name := range params {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p, _ := params[name].(map[string]any)
		if typ, _ := p["Type"].(string); strings.HasPrefix(typ, "AWS::SSM::Parameter::Value<") {
			if d, ok := p["Default"].(string); ok && !strings.HasPrefix(d, "/cdk-bootstrap/") {
				out = append(out, Ref{LogicalID: "Parameters", Path: name, Value: d})
			}
		}
	}
	return out
}

// walk collects the strings of v at path of resource id; policy says which part of a
// policy document v is in.
func (s Stack) walk(v any, id, path, policy string, out *[]Ref) {
	if m, ok := v.(map[string]any); ok && len(m) == 1 {
		if o, ok := m["Fn::GetStackOutput"].(map[string]any); ok {
			stack, _ := s.resolve(o["StackName"])
			name, _ := s.resolve(o["OutputName"])
			*out = append(*out, Ref{LogicalID: id, Path: path, Value: OutputKey(stack, name)})
			return
		}
	}
	if str, ok := s.resolve(v); ok {
		if str != local {
			*out = append(*out, Ref{LogicalID: id, Path: path, Value: str, Policy: policy})
		}
		return
	}
	switch x := v.(type) {
	case []any:
		for i, e := range x {
			s.walk(e, id, fmt.Sprintf("%s[%d]", path, i), policy, out)
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := policy
			if _, isStatement := x["Effect"]; isStatement {
				switch k {
				case "Principal", "NotPrincipal":
					p = "Principal"
				case "Resource", "NotResource":
					p = "Resource"
				case "Condition":
					p = "Condition"
				case "Action", "NotAction", "Sid", "Effect":
					continue
				}
			}
			s.walk(x[k], id, path+"."+k, p, out)
		}
	}
}
