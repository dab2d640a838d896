package rehearsal

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Ledger is what exists at a point of the rehearsal: the resources the stacks deployed
// so far created, and the values recorded in the configuration from their outputs.
type Ledger struct {
	// universe maps every key of every stack's named resources to the stack that
	// creates it, deployed or not.
	universe map[string]string
	// created maps the keys of deployed stacks' named resources to their stack.
	created map[string]string
	// values maps the values recorded so far to their field and producing stack.
	values map[string]recorded
	// pending maps values the configuration will record (but has not) to their field.
	pending map[string]string
	// inputs maps the values the configuration holds from the start to their path.
	inputs map[string]string
	// accounts are the landing zone's accounts: a reference into one of them must
	// resolve; references into others (AWS's own, a third party's) are not checked.
	accounts map[string]bool
	// deployed lists the stacks deployed so far, in order.
	deployed []string
}

type recorded struct{ field, stack string }

// NewLedger returns the ledger of an organization where nothing is deployed yet.
// stacks are every stack the landing zone has (what any of them creates is known by
// name); inputs are the values the configuration holds without a deploy, by their
// path; accounts are the landing zone's account IDs.
func NewLedger(stacks []Stack, inputs map[string]string, accounts []string) *Ledger {
	l := &Ledger{universe: map[string]string{}, created: map[string]string{}, values: map[string]recorded{},
		pending: map[string]string{}, inputs: inputs, accounts: map[string]bool{}}
	for _, a := range accounts {
		l.accounts[a] = true
	}
	for _, s := range stacks {
		for _, n := range NamedResources(s) {
			for _, k := range n.Keys {
				l.universe[k] = s.Name
			}
		}
		for _, k := range s.outputKeys() {
			l.universe[k] = s.Name
		}
	}
	return l
}

// Exists says that key exists before any stack deploys, for the reason why: an
// account's root principal or default event bus, a role of the CDK bootstrap.
func (l *Ledger) Exists(key, why string) { l.created[key] = "(" + why + ")" }

// Awaits says that the configuration will record value as field, once it is output:
// a reference to it before Record is an error that names the field.
func (l *Ledger) Awaits(field, value string) { l.pending[value] = field }

// Record records value as field, output by stack, which must have deployed.
func (l *Ledger) Record(field, value, stack string) error {
	if !l.isDeployed(stack) {
		return fmt.Errorf("%s recorded from %s, which has not deployed", field, stack)
	}
	delete(l.pending, value)
	l.values[value] = recorded{field, stack}
	return nil
}

func (l *Ledger) isDeployed(stack string) bool {
	for _, d := range l.deployed {
		if d == stack {
			return true
		}
	}
	return false
}

// Deploy checks every reference of s against what exists now, then adds what s
// creates. It returns one problem per reference that does not resolve, each naming
// the stack, the resource, the property and what it refers to.
func (l *Ledger) Deploy(s Stack) []string {
	// Outputs a stack had before this deploy no longer exist if it drops them; those of
	// this deploy exist once it is done.
	for k, creator := range l.created {
		if creator == s.Name && strings.HasPrefix(k, "output:") {
			delete(l.created, k)
		}
	}
	own := map[string]bool{}
	for _, n := range NamedResources(s) {
		for _, k := range n.Keys {
			own[k] = true
		}
	}
	var problems []string
	if hasKey(s.Template, "Fn::ImportValue") {
		// An export cannot cross accounts and locks its stack while imported.
		problems = append(problems, s.Name+": imports a CloudFormation export (Fn::ImportValue); the landing zone uses none")
	}
	for _, r := range References(s) {
		if msg := l.check(s, r, own); msg != "" {
			problems = append(problems, fmt.Sprintf("%s: %s: %s", s.Name, r, msg))
		}
	}
	for k := range own {
		l.created[k] = s.Name
	}
	for _, k := range s.outputKeys() {
		l.created[k] = s.Name
	}
	l.deployed = append(l.deployed, s.Name)
	return problems
}

// check returns why r, a reference of s, does not resolve, or "".
func (l *Ledger) check(s Stack, r Ref, own map[string]bool) string {
	v := r.Value
	if _, exists := l.match(l.created, v); exists != "" {
		return ""
	}
	if key, creator := l.match(l.universe, v); creator != "" {
		switch {
		case own[key]:
			return ""
		case r.Policy == "Resource" || r.Policy == "Condition":
			// A policy may name what does not exist yet; only its principals must.
			return ""
		case creator == s.Name:
			return ""
		}
		if strings.HasPrefix(key, "output:") {
			return fmt.Sprintf("reads %s, which %s outputs only in a later deploy", key, creator)
		}
		return fmt.Sprintf("refers to %s, which %s creates, but %s has not deployed yet", key, creator, creator)
	}
	for value, field := range l.pending {
		if strings.Contains(v, value) {
			return fmt.Sprintf("uses %s (%s), which is not recorded yet", field, value)
		}
	}
	for value := range l.values {
		if strings.Contains(v, value) {
			return ""
		}
	}
	if account := arnAccount(v); account != "" && l.accounts[account] && !strings.ContainsAny(v, "*?") && !strings.Contains(v, local) {
		if _, ok := l.inputs[v]; ok {
			return ""
		}
		// An ARN built around an ID the configuration holds ("...:transit-gateway-
		// attachment/tgw-attach-...") names what the configuration names.
		if i := strings.LastIndexAny(v, "/:"); i >= 0 {
			if _, ok := l.inputs[v[i+1:]]; ok {
				return ""
			}
		}
		return fmt.Sprintf("refers to %s in account %s, which no stack creates and the configuration does not hold", v, account)
	}
	return ""
}

// match returns the key of keys that v is, or that v names a part of (an object of a
// bucket, a stream of a log group), and its stack.
func (l *Ledger) match(keys map[string]string, v string) (string, string) {
	if stack, ok := keys[v]; ok {
		return v, stack
	}
	// An SSM parameter path names the hierarchy of the parameters under it, as
	// GetParametersByPath reads them.
	if strings.Contains(v, ":parameter/") {
		for k, stack := range keys {
			if strings.HasPrefix(k, v+"/") {
				return k, stack
			}
		}
	}
	for _, sep := range []string{"/", ":"} {
		for i := len(v) - 1; i > 0; i-- {
			if v[i] != sep[0] {
				continue
			}
			if stack, ok := keys[v[:i]]; ok && strings.HasPrefix(v, "arn:") {
				return v[:i], stack
			}
		}
	}
	return "", ""
}

// arnAccount returns the account of an ARN, or "".
func arnAccount(v string) string {
	parts := strings.SplitN(v, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return ""
	}
	return parts[4]
}

// Deployed lists the stacks deployed so far, in order.
func (l *Ledger) Deployed() []string { return append([]string(nil), l.deployed...) }

// Created lists the keys of the named resources deployed so far, sorted.
func (l *Ledger) Created() []string {
	out := make([]string, 0, len(l.created))
	for k := range l.created {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Environment is what exists before the landing zone's first stack deploys.
type Environment struct {
	// ManagementAccount and OrganizationID name the organization.
	ManagementAccount, OrganizationID string
	// Qualifier is the CDK bootstrap's qualifier in every account and region.
	Qualifier string
	// Accounts and Regions are the landing zone's accounts and governed regions.
	Accounts, Regions []string
}

// Awaited is a value the configuration records as Field once a stack has output it.
type Awaited struct{ Field, Value string }

// New returns the ledger of a landing zone before its first deploy: stacks are all
// its stacks (what they create is known by name), env what exists already, config
// its configuration (whose values, those of awaited excepted, exist from the start),
// awaited the values it records after a deploy.
func New(stacks []Stack, env Environment, config any, awaited []Awaited) *Ledger {
	skip := map[string]bool{}
	for _, a := range awaited {
		skip[a.Value] = true
	}
	l := NewLedger(stacks, Inputs(config, skip), env.Accounts)
	l.Bootstrap(env)
	for _, a := range awaited {
		l.Awaits(a.Field, a.Value)
	}
	return l
}

// Bootstrap records what exists in e before the first stack deploys: the
// organization; each account, by its root principal, and, in each region, its default
// event bus, which AWS creates with the account; and the roles of the CDK bootstrap,
// which the first deploy starts by creating in every account and region.
func (l *Ledger) Bootstrap(e Environment) {
	l.Exists("arn:aws:organizations::"+e.ManagementAccount+":organization/"+e.OrganizationID, "the organization")
	for _, a := range e.Accounts {
		l.Exists("arn:aws:iam::"+a+":root", "every account has its root principal")
		for _, r := range e.Regions {
			l.Exists("arn:aws:events:"+r+":"+a+":event-bus/default", "every account has a default event bus in every region")
			for _, role := range []string{"cfn-exec-role", "deploy-role", "file-publishing-role", "image-publishing-role", "lookup-role"} {
				l.Exists("arn:aws:iam::"+a+":role/cdk-"+e.Qualifier+"-"+role+"-"+a+"-"+r, "the CDK bootstrap")
			}
		}
	}
}

// Inputs maps every string of v, a configuration that encodes to JSON, to its path,
// except those in skip: the values a configuration holds without any deploy.
func Inputs(v any, skip map[string]bool) map[string]string {
	raw, _ := json.Marshal(v)
	var tree any
	_ = json.Unmarshal(raw, &tree)
	out := map[string]string{}
	var walk func(v any, p string)
	walk = func(v any, p string) {
		switch x := v.(type) {
		case string:
			if !skip[x] {
				out[x] = p
			}
		case []any:
			for i, e := range x {
				walk(e, fmt.Sprintf("%s[%d]", p, i))
			}
		case map[string]any:
			for k, e := range x {
				walk(e, strings.TrimPrefix(p+"."+k, "."))
			}
		}
	}
	walk(tree, "")
	return out
}

// hasKey reports whether key is a key of a map anywhere in v.
func hasKey(v any, key string) bool {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if k == key || hasKey(e, key) {
				return true
			}
		}
	case []any:
		for _, e := range x {
			if hasKey(e, key) {
				return true
			}
		}
	}
	return false
}
