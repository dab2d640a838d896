package identity

import (
	"fmt"
	"regexp"
	"slices"
	"sort"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsssm"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssso"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
	"github.com/go-landingzone/landingzone/internal/shard"
)

// Budget of assignments per stack.
const (
	// DefaultMaxAssignmentsPerStack leaves a fifth of CloudFormation's 500 resources
	// free, so that a stack can take growth before the stack count must change.
	DefaultMaxAssignmentsPerStack = 400
	// MaxAssignmentsPerStackLimit is the highest budget accepted: it keeps room under
	// the 500-resource quota for the CDK's metadata resource and for resources that
	// aspects may add.
	MaxAssignmentsPerStackLimit = 490
)

// Construct IDs inside an assignment stack, and the start of those of the ARN
// parameters added to the permission sets' stacks, followed by the set's name.
const (
	idEmpty        = "Empty"
	idArnParameter = "ArnParameter"
)

// DefaultParameterPrefix starts the names of the SSM parameters that carry the
// permission sets' ARNs to the assignment stacks.
const DefaultParameterPrefix = "/landingzone/identity/permission-sets"

// parameterPrefixPattern is an SSM parameter path: segments of letters, digits and
// ._- each after a "/"; SSM allows 1,011 characters in a name, which a 32-character
// permission set name then completes.
var (
	parameterPrefixPattern = regexp.MustCompile(`^(/[A-Za-z0-9._-]+){1,14}$`)
	qualifierPattern       = regexp.MustCompile(`^[a-z0-9]{1,10}$`)
)

// bootstrapQualifierContext is the context key from which the CDK CLI and the stack
// synthesizers read the bootstrap qualifier.
const bootstrapQualifierContext = "@aws-cdk/core:bootstrapQualifier"

// maxParametersPerStack is CloudFormation's quota of 200 parameters per template, less
// the bootstrap version parameter each assignment stack has.
const maxParametersPerStack = 199

var ouNamePattern = regexp.MustCompile(`^[\w +=,.@/-]{1,128}$`)

// Assignment gives a group a permission set on accounts, directly or through OUs.
// Identity Center assignments go to groups only: people join and leave groups in the
// identity provider, and the landing zone does not change.
type Assignment struct {
	// GroupID is the Identity Store ID of the group, such as
	// "a1b2c3d4e5-0123abcd-4567-89ab-cdef-0123456789ab". Required.
	GroupID string
	// PermissionSet is the name of a permission set of
	// AssignmentStacksProps.PermissionSets or ExternalPermissionSets. Required.
	PermissionSet string
	// Accounts lists 12-digit account IDs.
	Accounts []string
	// OrganizationalUnits names OUs of AssignmentStacksProps.OrganizationalUnits, each
	// standing for its accounts. At least one account or OU in all.
	OrganizationalUnits []string
}

// PermissionSetRef is a permission set made in the same app, such as *PermissionSet or
// *TimeBoxedPermissionSet.
type PermissionSetRef interface {
	constructs.IConstruct
	PermissionSetName() string
	PermissionSetArn() *string
}

// AssignmentStacksProps configures NewAssignmentStacks. Account, Region and InstanceArn
// are required.
type AssignmentStacksProps struct {
	// Account and Region are where Identity Center is administered: the management
	// account (or the delegated administrator) in the Identity Center home region.
	// Required; the permission sets must be in stacks of the same environment.
	Account string
	Region  string
	// InstanceArn is the IAM Identity Center instance. Required.
	InstanceArn string
	// PermissionSets are the permission sets made in this app that assignments name.
	// Each one's ARN reaches the assignment stacks through an SSM parameter that
	// NewAssignmentStacks adds to its stack (same account and region),
	// named ParameterPrefix + "/" + its name; the assignment stacks read it at deploy
	// time. Unlike a CloudFormation export, the parameter does not lock the permission
	// set: replacing one updates the parameter, and the next deploy of the assignment
	// stacks moves the assignments to the new one.
	PermissionSets []PermissionSetRef
	// ParameterPrefix starts the names of the SSM parameters that carry the ARNs of
	// PermissionSets: a path of letters, digits and ._- segments, each after a "/".
	// Empty means DefaultParameterPrefix.
	ParameterPrefix string
	// BootstrapQualifier is the qualifier of the CDK bootstrap the assignment stacks
	// deploy through, 1-10 lower-case letters and digits. Empty means the app's
	// context @aws-cdk/core:bootstrapQualifier, or the CDK's default without it.
	BootstrapQualifier string
	// ExternalPermissionSets maps the names of permission sets made elsewhere to their
	// ARNs, which must belong to InstanceArn. Empty means none.
	ExternalPermissionSets map[string]string
	// OrganizationalUnits maps OU names, as assignments use them, to the 12-digit IDs of
	// their accounts. Empty means none.
	OrganizationalUnits map[string][]string
	// Assignments lists who gets which permission set where.
	Assignments []Assignment
	// MaxAssignmentsPerStack is the most assignments one stack holds, 1 to
	// MaxAssignmentsPerStackLimit. Zero means DefaultMaxAssignmentsPerStack.
	MaxAssignmentsPerStack int
	// StackCount is the number of assignment stacks. Zero means the fewest that keep
	// each within MaxAssignmentsPerStack, which changes as assignments come and go.
	// Pin it in a long-lived landing zone: then adding assignments never moves an
	// account between stacks, and outgrowing the count is a validation error that
	// names the count needed instead.
	StackCount int
}

// resolvedAssignments is what validation makes of AssignmentStacksProps.
type resolvedAssignments struct {
	budget int
	shards []Shard
}

// Validate reports every problem in p, with fields named as in AssignmentStacksProps.
// NewAssignmentStacks also checks that the permission sets' stacks share the
// environment.
func (p AssignmentStacksProps) Validate() error {
	_, err := p.resolve()
	return err
}

// Plan validates p and returns the stacks NewAssignmentStacks would create, one Shard
// each, in order. It needs no CDK app, so a pipeline can show where each account's
// assignments go before synthesis.
func (p AssignmentStacksProps) Plan() ([]Shard, error) {
	r, err := p.resolve()
	return r.shards, err
}

func (p AssignmentStacksProps) resolve() (resolvedAssignments, error) {
	var l check.List
	check.AccountID(&l, "AssignmentStacksProps.Account", p.Account)
	check.Region(&l, "AssignmentStacksProps.Region", p.Region)
	instanceArn(&l, "AssignmentStacksProps.InstanceArn", p.InstanceArn)
	if p.ParameterPrefix != "" && (!parameterPrefixPattern.MatchString(p.ParameterPrefix) || len(p.ParameterPrefix) > 900) {
		l.Addf("AssignmentStacksProps.ParameterPrefix", p.ParameterPrefix, "not an SSM parameter path such as %q", DefaultParameterPrefix)
	}
	if p.BootstrapQualifier != "" && !qualifierPattern.MatchString(p.BootstrapQualifier) {
		l.Addf("AssignmentStacksProps.BootstrapQualifier", p.BootstrapQualifier, "not a bootstrap qualifier: 1-10 lower-case letters and digits")
	}
	known := p.validatePermissionSets(&l)
	p.validateOUs(&l)
	p.validateAssignments(&l, known)

	r := resolvedAssignments{budget: p.MaxAssignmentsPerStack}
	if r.budget == 0 {
		r.budget = DefaultMaxAssignmentsPerStack
	}
	if r.budget < 1 || r.budget > MaxAssignmentsPerStackLimit {
		l.Addf("AssignmentStacksProps.MaxAssignmentsPerStack", p.MaxAssignmentsPerStack, "out of range; allowed 1-%d, zero means %d", MaxAssignmentsPerStackLimit, DefaultMaxAssignmentsPerStack)
	}
	if p.StackCount < 0 || p.StackCount > maxStackCount {
		l.Addf("AssignmentStacksProps.StackCount", p.StackCount, "out of range; allowed 1-%d, zero means the fewest that fit", maxStackCount)
	}
	if l.Len() == 0 {
		r.shards = p.layout(&l, r.budget)
		p.checkParameters(&l, r.shards)
	}
	return r, l.Err("identity")
}

// checkParameters records the shards that would read more permission-set ARNs than
// a template has parameters for.
func (p AssignmentStacksProps) checkParameters(l *check.List, shards []Shard) {
	local := map[string]bool{}
	for _, ps := range p.PermissionSets {
		local[ps.PermissionSetName()] = true
	}
	for i, s := range shards {
		used := map[string]bool{}
		for _, a := range s.Assignments {
			if local[a.PermissionSet] {
				used[a.PermissionSet] = true
			}
		}
		if len(used) > maxParametersPerStack {
			l.Addf("AssignmentStacksProps.PermissionSets", nil, "stack %d would read the ARNs of %d permission sets, one template parameter each, over CloudFormation's %d parameters per template; set `StackCount` higher", i+1, len(used), maxParametersPerStack+1)
		}
	}
}

// layout expands valid props into shards of at most budget assignments, or records
// why they do not fit.
func (p AssignmentStacksProps) layout(l *check.List, budget int) []Shard {
	all := expand(p.Assignments, p.OrganizationalUnits)
	counts := perAccount(all)
	for _, account := range sortedKeys(counts) {
		if counts[account] > budget {
			l.Addf("AssignmentStacksProps.Assignments", nil, "account %s has %d assignments, over the %d one stack holds; raise `MaxAssignmentsPerStack`", account, counts[account], budget)
		}
	}
	if l.Len() > 0 {
		return nil
	}
	n := p.StackCount
	if n == 0 {
		n = shard.Fewest(counts, 1, maxStackCount, budget)
	}
	switch need := shard.Fewest(counts, max(n, 1), maxStackCount, budget); {
	case need == 0:
		l.Addf("AssignmentStacksProps.Assignments", nil, "%d assignments do not fit %d stacks of at most %d", len(all), maxStackCount, budget)
	case need != n:
		l.Addf("AssignmentStacksProps.StackCount", p.StackCount, "%d assignments do not fit %d stacks of at most %d; %d stacks do", len(all), n, budget, need)
	default:
		return distribute(all, n)
	}
	return nil
}

// validatePermissionSets checks the permission sets and returns their names.
func (p AssignmentStacksProps) validatePermissionSets(l *check.List) map[string]bool {
	known := map[string]bool{}
	for i, ps := range p.PermissionSets {
		field := check.Index("AssignmentStacksProps.PermissionSets", i)
		if ps == nil {
			l.Addf(field, nil, "nil permission set")
			continue
		}
		name := ps.PermissionSetName()
		if known[name] {
			l.Addf(field, name, "a second permission set of this name")
		}
		known[name] = true
	}
	instance := instanceArnPattern.FindStringSubmatch(p.InstanceArn)
	for _, name := range sortedKeys(p.ExternalPermissionSets) {
		arn := p.ExternalPermissionSets[name]
		field := fmt.Sprintf("AssignmentStacksProps.ExternalPermissionSets[%q]", name)
		permissionSetName(l, field, name)
		m := permissionSetArnPattern.FindStringSubmatch(arn)
		switch {
		case m == nil:
			l.Addf(field, arn, "not a permission set ARN such as \"arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef\"")
		case instance != nil && (m[1] != instance[1] || m[2] != instance[2]):
			l.Addf(field, arn, "belongs to another instance than `InstanceArn`")
		}
		if known[name] {
			l.Addf(field, arn, "also the name of one of `PermissionSets`")
		}
		known[name] = true
	}
	return known
}

func (p AssignmentStacksProps) validateOUs(l *check.List) {
	for _, name := range sortedKeys(p.OrganizationalUnits) {
		field := fmt.Sprintf("AssignmentStacksProps.OrganizationalUnits[%q]", name)
		if !ouNamePattern.MatchString(name) {
			l.Addf(field, nil, "not an OU name: 1-128 letters, digits, spaces and +=,.@/_-")
		}
		accounts := p.OrganizationalUnits[name]
		for i, account := range accounts {
			check.AccountID(l, check.Index(field, i), account)
		}
		check.Duplicates(l, field+"[%d]", accounts)
	}
}

func (p AssignmentStacksProps) validateAssignments(l *check.List, known map[string]bool) {
	for i, a := range p.Assignments {
		prefix := check.Index("AssignmentStacksProps.Assignments", i) + "."
		groupID(l, prefix+"GroupID", a.GroupID)
		if !known[a.PermissionSet] {
			l.Addf(prefix+"PermissionSet", a.PermissionSet, "not the name of one of `PermissionSets` or `ExternalPermissionSets`; have %q", sortedKeys(known))
		}
		if len(a.Accounts) == 0 && len(a.OrganizationalUnits) == 0 {
			l.Addf(prefix+"Accounts", a.Accounts, "empty, and so is `OrganizationalUnits`; name at least one target")
		}
		for j, account := range a.Accounts {
			check.AccountID(l, check.Index(prefix+"Accounts", j), account)
		}
		check.Duplicates(l, prefix+"Accounts[%d]", a.Accounts)
		for j, ou := range a.OrganizationalUnits {
			if _, ok := p.OrganizationalUnits[ou]; !ok {
				l.Addf(check.Index(prefix+"OrganizationalUnits", j), ou, "not an OU of `OrganizationalUnits`")
			}
		}
		check.Duplicates(l, prefix+"OrganizationalUnits[%d]", a.OrganizationalUnits)
	}
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// AssignmentStacks are the stacks that hold the account assignments. It is not a
// construct: its stacks are siblings under the scope given to NewAssignmentStacks.
type AssignmentStacks struct {
	// Stacks are the assignment stacks in shard order; each depends on the one before.
	Stacks []awscdk.Stack
	// Shards says what each stack holds, in the same order.
	Shards []Shard
}

// StackOf returns the stack that holds the assignments of account, or nil when the
// account has none.
func (a *AssignmentStacks) StackOf(account string) awscdk.Stack {
	for i, s := range a.Shards {
		if _, found := slices.BinarySearch(s.Accounts, account); found {
			return a.Stacks[i]
		}
	}
	return nil
}

// NewAssignmentStacks validates props, then adds the assignment stacks to scope (an
// app or a stage), named idPrefix followed by a two-digit shard number from 01. On
// error nothing is added to scope.
//
// Every account's assignments share one stack, picked by a consistent hash of the
// account ID, so that an account's assignments are found, and change, in one place.
// A stack without assignments holds a placeholder (AWS::CloudFormation::WaitConditionHandle,
// which creates nothing), so that it still deploys and removes what it held before.
// Each stack depends on the one before it: the CDK CLI deploys them in order, an
// account that moves to a new last stack leaves its old stack first, and Identity
// Center sees one stack's changes at a time.
func NewAssignmentStacks(scope constructs.Construct, idPrefix string, props AssignmentStacksProps) (*AssignmentStacks, error) {
	if err := scopecheck.Check("identity", scope, idPrefix, scopecheck.InStage, props); err != nil {
		return nil, err
	}
	r, err := props.resolve()
	if err != nil {
		return nil, err
	}
	if err := props.checkEnvironments(); err != nil {
		return nil, err
	}
	prefix := props.ParameterPrefix
	if prefix == "" {
		prefix = DefaultParameterPrefix
	}
	local := map[string]PermissionSetRef{}
	for _, ps := range props.PermissionSets {
		local[ps.PermissionSetName()] = ps
		publishArn(ps, prefix)
	}
	qualifier := props.BootstrapQualifier
	if qualifier == "" {
		qualifier, _ = scope.Node().TryGetContext(jsii.String(bootstrapQualifierContext)).(string)
	}

	out := &AssignmentStacks{Shards: r.shards}
	for i, s := range r.shards {
		name := fmt.Sprintf("%s%02d", idPrefix, i+1)
		stackProps := &awscdk.StackProps{
			// Named explicitly: inside a pipeline stage the default name would carry the
			// stage's name.
			StackName:             jsii.String(name),
			Env:                   &awscdk.Environment{Account: jsii.String(props.Account), Region: jsii.String(props.Region)},
			Description:           jsii.String(fmt.Sprintf("landingzone: IAM Identity Center account assignments, shard %02d", i+1)),
			TerminationProtection: jsii.Bool(true),
		}
		if qualifier != "" {
			stackProps.Synthesizer = awscdk.NewDefaultStackSynthesizer(&awscdk.DefaultStackSynthesizerProps{Qualifier: jsii.String(qualifier)})
		}
		stack := awscdk.NewStack(scope, jsii.String(name), stackProps)
		for _, a := range s.Assignments {
			arn := jsii.String(props.ExternalPermissionSets[a.PermissionSet])
			ps, isLocal := local[a.PermissionSet]
			if isLocal {
				arn = awsssm.StringParameter_ValueForStringParameter(stack, jsii.String(prefix+"/"+a.PermissionSet), nil)
				stack.AddStackDependency(awscdk.Stack_Of(ps), jsii.String("assignments read the permission sets' ARNs after they are written"))
			}
			assignment := awssso.NewCfnAssignment(stack, jsii.String(assignmentID(a)), &awssso.CfnAssignmentProps{
				InstanceArn:      jsii.String(props.InstanceArn),
				PermissionSetArn: arn,
				PrincipalType:    jsii.String("GROUP"),
				PrincipalId:      jsii.String(a.GroupID),
				TargetType:       jsii.String("AWS_ACCOUNT"),
				TargetId:         jsii.String(a.Account),
			})
			if isLocal {
				// The parameter's name stays when the permission set is replaced, so the
				// template would stay too and `cdk deploy` would skip the stack: naming
				// the permission set's resource here makes a replacement a change that
				// deploys, and CloudFormation then reads the parameter's new value.
				assignment.AddMetadata(jsii.String(permissionSetMetadata), permissionSetIdentity(ps))
			}
		}
		if len(s.Assignments) == 0 {
			awscdk.NewCfnWaitConditionHandle(stack, jsii.String(idEmpty), &awscdk.CfnWaitConditionHandleProps{})
		}
		if i > 0 {
			stack.AddStackDependency(out.Stacks[i-1], jsii.String("assignment stacks deploy in shard order"))
		}
		out.Stacks = append(out.Stacks, stack)
	}
	return out, nil
}

// checkEnvironments refuses permission sets whose stack is in another environment than
// the assignment stacks: CloudFormation exports do not cross accounts or regions.
func (p AssignmentStacksProps) checkEnvironments() error {
	var l check.List
	for i, ps := range p.PermissionSets {
		stack := awscdk.Stack_Of(ps)
		account, region := *stack.Account(), *stack.Region()
		if account != p.Account || region != p.Region {
			if *awscdk.Token_IsUnresolved(stack.Account()) || *awscdk.Token_IsUnresolved(stack.Region()) {
				account, region = "an environment-agnostic stack", ""
			}
			l.Addf(check.Index("AssignmentStacksProps.PermissionSets", i), ps.PermissionSetName(),
				"in stack %s of %s %s, not %s %s; permission sets and assignments share the Identity Center account and region", *stack.StackName(), account, region, p.Account, p.Region)
		}
	}
	return l.Err("identity")
}

// permissionSetMetadata is the metadata key of an assignment that names the
// permission set it reads the ARN of.
const permissionSetMetadata = "landingzone:permissionSet"

// permissionSetIdentity names the CloudFormation resource of ps: its stack and
// logical ID, which a replacement by a new construct changes, and its name and
// instance, whose changes replace it.
func permissionSetIdentity(ps PermissionSetRef) map[string]interface{} {
	id := map[string]interface{}{"Name": ps.PermissionSetName(), "Path": *ps.Node().Path()}
	if c, ok := ps.Node().DefaultChild().(awscdk.CfnResource); ok {
		id["LogicalId"] = awscdk.Stack_Of(ps).GetLogicalId(c)
	}
	return id
}

// publishArn writes the ARN of ps to an SSM parameter in its stack, once.
func publishArn(ps PermissionSetRef, prefix string) {
	stack := awscdk.Stack_Of(ps)
	id := jsii.String(idArnParameter + ps.PermissionSetName())
	if stack.Node().TryFindChild(id) != nil {
		return
	}
	awsssm.NewStringParameter(stack, id, &awsssm.StringParameterProps{
		ParameterName: jsii.String(prefix + "/" + ps.PermissionSetName()),
		StringValue:   ps.PermissionSetArn(),
		Description:   jsii.String("ARN of permission set " + ps.PermissionSetName() + ", read by the Identity Center assignment stacks"),
	})
}
