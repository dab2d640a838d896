package scpcheck

import (
	"fmt"
	"strings"
)

// resolver turns the intrinsic functions of one stack's template into strings, with *
// for what is only known at deploy time.
type resolver struct {
	stack     Stack
	resources map[string]map[string]any
}

func newResolver(s Stack) resolver {
	r := resolver{stack: s, resources: map[string]map[string]any{}}
	res, _ := s.Template["Resources"].(map[string]any)
	for id, v := range res {
		if m, ok := v.(map[string]any); ok {
			r.resources[id] = m
		}
	}
	return r
}

func (r resolver) props(id string) map[string]any {
	p, _ := r.resources[id]["Properties"].(map[string]any)
	return p
}

func (r resolver) typeOf(id string) string {
	t, _ := r.resources[id]["Type"].(string)
	return t
}

// str resolves v to a string; known is false when some part became *.
func (r resolver) str(v any) (s string, known bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case map[string]any:
		if ref, ok := x["Ref"].(string); ok {
			return r.ref(ref)
		}
		if args, ok := x["Fn::Join"].([]any); ok && len(args) == 2 {
			sep, _ := args[0].(string)
			parts, _ := args[1].([]any)
			out := make([]string, len(parts))
			known = true
			for i, p := range parts {
				var k bool
				out[i], k = r.str(p)
				known = known && k
			}
			return strings.Join(out, sep), known
		}
		if sub, ok := x["Fn::Sub"].(string); ok {
			return r.sub(sub)
		}
		if args, ok := x["Fn::GetAtt"].([]any); ok && len(args) == 2 {
			id, _ := args[0].(string)
			attr, _ := args[1].(string)
			return r.getAtt(id, attr)
		}
	}
	return "*", false
}

// ref resolves a Ref: the pseudo parameters of the stack's environment, and the
// physical name of a resource whose template names it.
func (r resolver) ref(name string) (string, bool) {
	switch name {
	case "AWS::AccountId":
		return r.stack.Account, true
	case "AWS::Region":
		return r.stack.Region, true
	case "AWS::Partition":
		return "aws", true
	case "AWS::URLSuffix":
		return "amazonaws.com", true
	case "AWS::StackName":
		return r.stack.Name, true
	}
	if nameProp := physicalNames[r.typeOf(name)]; nameProp != "" {
		if v, ok := r.props(name)[nameProp]; ok {
			return r.str(v)
		}
	}
	switch r.typeOf(name) {
	case "AWS::S3::Bucket":
		// CloudFormation names a bucket the template leaves unnamed after the stack and
		// the logical ID, in lower case, with a random suffix: never a name of the log
		// archive's, which the landing zone always names.
		return generatedBucketName(r.stack.Name, name), true
	case "AWS::IAM::Role":
		// A role likewise: "<stack>-<logical ID>-<random>".
		return generatedRoleName(r.stack.Name, name), true
	}
	return "*", false
}

// physicalNames are the properties that name a resource, where its Ref is that name.
var physicalNames = map[string]string{
	"AWS::S3::Bucket":       "BucketName",
	"AWS::IAM::Role":        "RoleName",
	"AWS::Logs::LogGroup":   "LogGroupName",
	"AWS::Lambda::Function": "FunctionName",
}

// getAtt resolves the ARN of a bucket or role whose template names it.
func (r resolver) getAtt(id, attr string) (string, bool) {
	if attr != "Arn" {
		return "*", false
	}
	name, known := r.ref(id)
	switch r.typeOf(id) {
	case "AWS::S3::Bucket":
		return "arn:aws:s3:::" + name, known
	case "AWS::IAM::Role":
		return roleARN(r.stack.Account, r.path(id), name), known
	}
	return "*", false
}

// sub resolves the ${...} of an Fn::Sub string without a variable map.
func (r resolver) sub(s string) (string, bool) {
	var b strings.Builder
	known := true
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String(), known
		}
		j := strings.Index(s[i:], "}")
		if j < 0 {
			return "*", false
		}
		b.WriteString(s[:i])
		name := s[i+2 : i+j]
		var v string
		var k bool
		if id, attr, ok := strings.Cut(name, "."); ok {
			v, k = r.getAtt(id, attr)
		} else {
			v, k = r.ref(name)
		}
		b.WriteString(v)
		known = known && k
		s = s[i+j+1:]
	}
}

// path is the path of the role id, "/" when the template sets none.
func (r resolver) path(id string) string {
	if p, ok := r.props(id)["Path"].(string); ok {
		return p
	}
	return "/"
}

// generatedBucketName is the name CloudFormation gives a bucket whose template names
// none, within S3's 63 characters.
func generatedBucketName(stack, logicalID string) string {
	name := strings.ToLower(stack + "-" + logicalID)
	const suffix = "-generated0123"
	if len(name) > 63-len(suffix) {
		name = name[:63-len(suffix)]
	}
	return name + suffix
}

func roleARN(account, path, name string) string {
	return fmt.Sprintf("arn:aws:iam::%s:role%s%s", account, path, name)
}

// generatedRoleName is the name CloudFormation gives a role whose template names none:
// the stack's name, the logical ID and a random suffix, within IAM's 64 characters.
func generatedRoleName(stack, logicalID string) string {
	name := stack + "-" + logicalID
	const suffix = "-GENERATED0123"
	if len(name) > 64-len(suffix) {
		name = name[:64-len(suffix)]
	}
	return name + suffix
}
