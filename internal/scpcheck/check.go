package scpcheck

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-landingzone/landingzone/constructs/organization/scpsim"
)

// Stack is one stack as deployed: its template, where it goes and who deploys it.
type Stack struct {
	Name, Account, Region string
	Template              map[string]any
	// DeployRole is the ARN of the role CloudFormation deploys the stack as, such as
	// the CDK bootstrap's execution role. Empty leaves the deploy role unchecked.
	DeployRole string
}

// Finding is an action of a landing-zone principal that the guardrails deny.
type Finding struct {
	Stack string
	// Role is the logical ID of the role in the stack, or "deploy role".
	Role      string
	Principal string
	Action    string
	Resource  string
	Decision  scpsim.Decision
}

func (f Finding) String() string {
	return fmt.Sprintf("%s: %s (%s) may not %s on %s: %s", f.Stack, f.Role, f.Principal, f.Action, f.Resource, f.Decision)
}

// Report is what Check found and how much it looked at.
type Report struct {
	// Roles counts the IAM roles checked, deploy roles included.
	Roles int
	// Requests counts the requests evaluated.
	Requests int
	// ManagedPolicies counts the attachments of AWS managed policies, not read.
	ManagedPolicies int
	Findings        []Finding
}

// Check evaluates every stack's principals against levels. It returns an error when a
// policy of a role or a guardrail cannot be evaluated.
func Check(stacks []Stack, levels scpsim.Levels) (Report, error) {
	var rep Report
	for _, s := range stacks {
		lv, err := levels(s.Account)
		if err != nil {
			return rep, fmt.Errorf("%s: %w", s.Name, err)
		}
		if len(lv) == 0 {
			continue // the management account: no SCP applies
		}
		r := newResolver(s)
		for _, p := range principals(r, &rep) {
			rep.Roles++
			for _, q := range p.requests {
				q.Principal, q.Region = p.arn, s.Region
				rep.Requests++
				d, err := scpsim.Evaluate(lv, q)
				if err != nil {
					return rep, fmt.Errorf("%s: %s: %w", s.Name, p.id, err)
				}
				if !d.Allowed {
					rep.Findings = append(rep.Findings, Finding{Stack: s.Name, Role: p.id, Principal: p.arn, Action: q.Action, Resource: q.Resource, Decision: d})
				}
			}
		}
	}
	return rep, nil
}

type principal struct {
	id, arn  string
	requests []scpsim.Request
}

// principals lists the stack's deploy role and IAM roles with the requests each makes.
func principals(r resolver, rep *Report) []principal {
	ids := make([]string, 0, len(r.resources))
	for id := range r.resources {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	aliases := keyAliases(r)
	var out []principal
	if r.stack.DeployRole != "" {
		d := principal{id: "deploy role", arn: r.stack.DeployRole}
		for _, id := range ids {
			if svc := service(r.typeOf(id)); svc != "" {
				for _, res := range deployResources(r, id) {
					d.requests = append(d.requests, withAliases(scpsim.Request{Action: svc + ":*", Resource: res}, aliases))
				}
			}
		}
		out = append(out, d)
	}
	for _, id := range ids {
		if r.typeOf(id) != "AWS::IAM::Role" {
			continue
		}
		name, known := "", false
		if v, ok := r.props(id)["RoleName"]; ok {
			name, known = r.str(v)
		}
		if !known {
			name = generatedRoleName(r.stack.Name, id)
		}
		p := principal{id: id, arn: roleARN(r.stack.Account, r.path(id), name)}
		for _, doc := range roleDocuments(r, id, rep) {
			for _, st := range statements(doc) {
				if st["Effect"] != "Allow" {
					continue
				}
				for _, a := range strs(st["Action"]) {
					for _, res := range resourcesOf(r, st["Resource"]) {
						p.requests = append(p.requests, withAliases(scpsim.Request{Action: a, Resource: res}, aliases))
					}
				}
				// NotAction grants everything but its list: checked as every action.
				if st["NotAction"] != nil {
					for _, res := range resourcesOf(r, st["Resource"]) {
						p.requests = append(p.requests, scpsim.Request{Action: "*", Resource: res})
					}
				}
			}
		}
		out = append(out, p)
	}
	return out
}

// roleDocuments are the policy documents that grant the role id its permissions.
func roleDocuments(r resolver, id string, rep *Report) []any {
	var docs []any
	pol, _ := r.props(id)["Policies"].([]any)
	for _, p := range pol {
		if m, ok := p.(map[string]any); ok {
			docs = append(docs, m["PolicyDocument"])
		}
	}
	managed, _ := r.props(id)["ManagedPolicyArns"].([]any)
	for _, m := range managed {
		if mm, ok := m.(map[string]any); ok && r.typeOf(fmt.Sprint(mm["Ref"])) == "AWS::IAM::ManagedPolicy" {
			continue // read below, where it names its roles
		}
		rep.ManagedPolicies++
	}
	for other := range r.resources {
		if t := r.typeOf(other); t != "AWS::IAM::Policy" && t != "AWS::IAM::ManagedPolicy" {
			continue
		}
		roles, _ := r.props(other)["Roles"].([]any)
		for _, ro := range roles {
			if ref, ok := ro.(map[string]any); ok && ref["Ref"] == id {
				docs = append(docs, r.props(other)["PolicyDocument"])
			}
		}
	}
	return docs
}

func statements(doc any) []map[string]any {
	m, _ := doc.(map[string]any)
	switch s := m["Statement"].(type) {
	case []any:
		var out []map[string]any
		for _, x := range s {
			if st, ok := x.(map[string]any); ok {
				out = append(out, st)
			}
		}
		return out
	case map[string]any:
		return []map[string]any{s}
	}
	return nil
}

func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// resourcesOf resolves a statement's Resource, * where it is unknown.
func resourcesOf(r resolver, v any) []string {
	list, ok := v.([]any)
	if !ok {
		list = []any{v}
	}
	var out []string
	for _, e := range list {
		s, _ := r.str(e)
		out = append(out, s)
	}
	return out
}

// generatedKeyID stands for the ID AWS KMS gives a new key.
const generatedKeyID = "00000000-0000-0000-0000-generated0123"

// deployResources are the ARNs the deploy role acts on to create the resource id: a
// bucket's, a role's or an alias's own ARN, a new key's ARN in the stack's account and
// region, the roles an inline policy is put on, and * for any other resource or a name
// left to deploy time.
func deployResources(r resolver, id string) []string {
	switch r.typeOf(id) {
	case "AWS::S3::Bucket", "AWS::IAM::Role":
		if arn, _ := r.getAtt(id, "Arn"); arn != "" {
			return []string{arn}
		}
	case "AWS::KMS::Key":
		// A new key's ID, a UUID, is known only once it exists; a placeholder stands for
		// it as for generated names (key/* would also cover "key/x:alias/y", which a
		// deny on an alias ARN pattern matches).
		return []string{"arn:aws:kms:" + r.stack.Region + ":" + r.stack.Account + ":key/" + generatedKeyID}
	case "AWS::KMS::Alias":
		if name, known := r.str(r.props(id)["AliasName"]); known {
			return []string{"arn:aws:kms:" + r.stack.Region + ":" + r.stack.Account + ":" + name}
		}
	case "AWS::IAM::Policy":
		// iam:PutRolePolicy acts on each role of Roles, which a stack names by Ref.
		roles, _ := r.props(id)["Roles"].([]any)
		var arns []string
		for _, role := range roles {
			ref, _ := role.(map[string]any)["Ref"].(string)
			arn, known := r.getAtt(ref, "Arn")
			if !known || r.typeOf(ref) != "AWS::IAM::Role" {
				return []string{"*"}
			}
			arns = append(arns, arn)
		}
		if len(arns) > 0 {
			return arns
		}
	}
	return []string{"*"}
}

// keyAliases lists the aliases the stack creates. Which key a policy's resource is
// often shows only at deploy time, so every KMS request of the stack carries them all.
func keyAliases(r resolver) []string {
	var out []string
	for id := range r.resources {
		if r.typeOf(id) != "AWS::KMS::Alias" {
			continue
		}
		if name, ok := r.str(r.props(id)["AliasName"]); ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// withAliases adds the stack's key aliases to a KMS request: a key the stack creates
// may carry them, and a guardrail may protect a key by alias.
func withAliases(q scpsim.Request, aliases []string) scpsim.Request {
	if len(aliases) > 0 && (strings.HasPrefix(strings.ToLower(q.Action), "kms:") || q.Action == "*") {
		q.Context = map[string][]string{"kms:ResourceAliases": aliases}
	}
	return q
}

// service is the IAM service prefix of a resource type, or "" for the types whose
// deploy needs no call of the deploy role's own (metadata, wait handles, custom
// resources).
func service(typ string) string {
	parts := strings.Split(typ, "::")
	if len(parts) != 3 || parts[0] != "AWS" {
		return ""
	}
	switch typ {
	case "AWS::CDK::Metadata", "AWS::CloudFormation::WaitConditionHandle", "AWS::CloudFormation::CustomResource":
		return ""
	}
	if s, ok := servicePrefixes[parts[1]]; ok {
		return s
	}
	return strings.ToLower(parts[1])
}

// servicePrefixes are the IAM service prefixes that are not the lower-cased service
// name of the resource type, from the Service Authorization Reference.
var servicePrefixes = map[string]string{
	"KinesisFirehose":        "firehose",
	"ElasticLoadBalancingV2": "elasticloadbalancing",
	"AccessAnalyzer":         "access-analyzer",
	"ApplicationAutoScaling": "application-autoscaling",
	"NetworkFirewall":        "network-firewall",
	"CodeStarNotifications":  "codestar-notifications",
	"CodeStarConnections":    "codestar-connections",
	"Route53Resolver":        "route53resolver",
	"CloudWatch":             "cloudwatch",
	"StepFunctions":          "states",
	"ResourceGroups":         "resource-groups",
}

// BootstrapExecutionRole is the ARN of the CloudFormation execution role that `cdk
// bootstrap --qualifier qualifier` creates in account and region, which deploys every
// stack of a CDK app there (the bootstrap template names it
// cdk-${Qualifier}-cfn-exec-role-${AWS::AccountId}-${AWS::Region}).
func BootstrapExecutionRole(qualifier, account, region string) string {
	return fmt.Sprintf("arn:aws:iam::%s:role/cdk-%s-cfn-exec-role-%s-%s", account, qualifier, account, region)
}
