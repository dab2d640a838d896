// Package landingzone composes the constructs of this module into one CloudFormation
// stack per account role and region, from one validated Config.
//
// # Stacks
//
// Every stack has its account and region set, a deterministic name and termination
// protection on:
//
//	management   Organization-<home>      OUs, created accounts, service control policies
//	             OrgTrail-<home>          the organization trail
//	             Identity-<region>        IAM Identity Center permission sets
//	             IdentityAssignmentsNN    their assignments, split to stay under 500 resources
//	log archive  LogArchive-<region>      the immutable log bucket, Config's bucket and the
//	                                      Firehose stream (home region); a Logs destination
//	                                      in every governed region
//	each account Baseline-<name>-<region> Config recorder and rules, the account-wide log
//	                                      subscription; for a workload, its VPC (in its own
//	                                      region) and the audit and SAML roles (home region)
//
// Baseline stacks hold no asset and no custom resource and skip the CDK's bootstrap
// version check, so that the same templates can be rolled out by CloudFormation
// StackSets to accounts that were never bootstrapped.
//
// Cross-account references use names and ARNs derived from account IDs and regions,
// never CloudFormation exports, which cannot cross accounts.
//
// # Deploy order
//
// The stacks deploy in five core stages, then the workloads (CoreStages): Organization
// (the Organization and SecurityDelegation stacks), LogArchive, Audit (Security),
// Management (OrgTrail, Identity, the StackSets) and Network, each stage with the
// Baselines of its account. Config.Stacks lists them in that order without the CDK,
// and New builds exactly those. Without a pipeline, stacks depend on each other in
// that order, which `cdk deploy --all` follows. With deployment.pipeline, New adds
// the deployment account's Pipeline-<region> stack instead, and each stage, and each
// workload account, becomes a stage of the app that the pipeline deploys in that
// order, the workloads in waves (see package constructs/pipeline).
//
// Some values exist only once a stack has deployed: the log archive's key ARN, the
// Transit Gateway's ID, a spoke's attachment to accept, the OUs' and created accounts'
// IDs. Config.Records names each with the stack output it comes from; until the
// configuration holds it, New leaves out what needs it (LandingZone.Pending), so that
// every stack it builds deploys as it is. Config.FirstDeploy orders a first deploy
// from an empty organization, the README's First deploy section prints it, and a test
// rehearses it against the synthesized templates.
//
// # Guardrails and the landing zone's own roles
//
// Every stack deploys through the CDK bootstrap of one qualifier
// (deployment.bootstrapQualifier, "lzadmin" by default), and the guardrails exempt its
// roles, the roles the landing zone names for work they would otherwise deny (such as
// configuring the audit account's GuardDuty detector), and in mode stacksets StackSets'
// execution role, on their own: Config.DeployRoleNames.
//
// # Drift
//
// Every Baseline schedules drift detection of each landing-zone stack of its account
// and region, and the audit account's Security stacks relay the drift alerts of the
// other accounts to the alert topic, unless alerting.driftCheck.disabled is set.
package landingzone

import (
	"fmt"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// LandingZone holds the stacks New built.
type LandingZone struct {
	// Organization is the management account's Organization stack.
	Organization *OrganizationStack
	// LogArchives holds the log archive account's stack of each governed region.
	LogArchives map[string]*LogArchiveStack
	// OrgTrail is the management account's trail stack; nil when an existing trail is
	// adopted.
	OrgTrail *OrgTrailStack
	// Identity holds the Identity Center stacks; nil without an identity section.
	Identity *IdentityStacks
	// Network is the network account's hub; nil when network.disabled is set.
	Network *NetworkStack
	// Security holds the audit account's stack of each governed region.
	Security map[string]*SecurityStack
	// StackSets holds the StackSets of the workloads' governance; nil unless the
	// deployment mode is stacksets.
	StackSets *StackSetsStack
	// Baselines holds every account's Baseline stack of every governed region, by
	// stack name.
	Baselines map[string]*Baseline
	// Pipeline is the deployment pipeline, whose stages hold every other stack; nil
	// unless deployment.pipeline is configured.
	Pipeline *PipelineStack
	// Pending lists the values that stacks output on their first deploy and that the
	// configuration does not hold yet (Config.Pending): what needs them is left out
	// until they are recorded, such as the Baselines of accounts still to be created.
	Pending []Record
	// Stacks lists every stack in the order New built them.
	Stacks []awscdk.Stack

	// cfg is the configuration New built from, for GuardrailLevels.
	cfg Config
}

// Options adjusts New for callers that need to.
type Options struct {
	// Now is the clock that time-boxed access is checked against. Nil means
	// time.Now.
	Now func() time.Time
	// Place returns the construct under which the stacks of account go, such as the
	// stage of a deployment pipeline, which must be in app. Stacks under different
	// scopes do not depend on each other: whoever deploys the scopes orders them. Nil
	// puts every stack directly under app.
	Place func(account string) constructs.Construct
}

// New validates cfg, then adds the landing zone's stacks to app. On error it returns
// every problem found, each naming its path in the configuration, and app holds none
// of the landing zone's stacks.
func New(app awscdk.App, cfg Config) (*LandingZone, error) {
	return NewWithOptions(app, cfg, Options{})
}

// NewWithOptions is New with options.
func NewWithOptions(app awscdk.App, cfg Config, opts Options) (*LandingZone, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if err := cfg.ValidateAt(opts.Now()); err != nil {
		return nil, err
	}
	if opts.Place != nil && cfg.Deployment.Pipeline != nil {
		return nil, fmt.Errorf("landingzone: Options.Place: the configuration's deployment.pipeline places the stacks in the pipeline's stages: %w", check.ErrInvalidProps)
	}
	if err := checkPlacement(app, cfg, opts); err != nil {
		return nil, err
	}
	if err := checkQualifierContext(app, cfg); err != nil {
		return nil, err
	}
	if opts.Place == nil {
		opts.Place = func(string) constructs.Construct { return app }
	}
	b := &builder{app: app, cfg: cfg, opts: opts, delegations: map[string]awscdk.Stack{}, stackNames: map[string][]string{}, plan: cfg.Stacks(), byName: map[string]awscdk.Stack{}, lz: &LandingZone{
		LogArchives: map[string]*LogArchiveStack{}, Security: map[string]*SecurityStack{}, Baselines: map[string]*Baseline{},
		Pending: cfg.Pending(), cfg: cfg,
	}}
	if cfg.Deployment.Pipeline != nil {
		b.pipeline()
	} else {
		for _, st := range b.stages() {
			st.build()
		}
		for _, a := range b.workloadAccounts() {
			b.accountBaselines(a)
		}
	}
	if b.problems.Len() == 0 && len(b.lz.Stacks) != len(b.plan) {
		b.problems.Addf("Config.Stacks", len(b.plan), "plans more stacks than the %d built; this is a bug of the landing zone", len(b.lz.Stacks))
	}
	if err := b.problems.Err("landingzone"); err != nil {
		for _, s := range b.lz.Stacks {
			s.Node().Scope().Node().TryRemoveChild(s.Node().Id())
		}
		return nil, err
	}
	return b.lz, nil
}

// builder carries what every stack builder needs.
type builder struct {
	app      awscdk.App
	cfg      Config
	opts     Options
	lz       *LandingZone
	problems check.List
	// delegations holds the management account's delegation stack of each region.
	delegations map[string]awscdk.Stack
	// stage, in pipeline mode, is the pipeline stage being filled; it holds every
	// stack newStack adds.
	stage awscdk.Stage
	// stackNames lists the names of the stacks built so far by account and region
	// ("111111111111/eu-west-1"), in Go: reading them back from the stacks costs a
	// jsii call each, quadratic in the accounts for the drift checks.
	stackNames map[string][]string
	// plan is what Config.Stacks says New builds, in order: every stack built is
	// checked against it, so that the deploy order, the README and the rehearsal of
	// the first deploy, which read the plan, describe what is built.
	plan []PlannedStack
	// byName holds the stacks built so far by name.
	byName map[string]awscdk.Stack
}

// built records that the stack named name was built for account in region, which
// must be the next stack of the plan.
func (b *builder) built(s awscdk.Stack, name, account, region string) {
	if n := len(b.lz.Stacks); n >= len(b.plan) || b.plan[n].Name != name || b.plan[n].Account != account || b.plan[n].Region != region {
		want := "none"
		if n < len(b.plan) {
			want = fmt.Sprintf("%s (%s, %s)", b.plan[n].Name, b.plan[n].Account, b.plan[n].Region)
		}
		b.problems.Addf("Config.Stacks", name, "built in %s, %s where the plan has %s; this is a bug of the landing zone", account, region, want)
	}
	b.lz.Stacks = append(b.lz.Stacks, s)
	b.byName[name] = s
	b.stackNames[account+"/"+region] = append(b.stackNames[account+"/"+region], name)
}

// scope returns the construct the stacks of account go under: the pipeline stage
// being filled, or where Options.Place puts them.
func (b *builder) scope(account string) constructs.Construct {
	if b.stage != nil {
		return b.stage
	}
	return b.opts.Place(account)
}

// stackKind tells newStack how to synthesize a stack.
type stackKind int

const (
	// coreStack is an ordinary stack, deployed with the CDK's bootstrap.
	coreStack stackKind = iota
	// baselineStack must also deploy by StackSets into unbootstrapped accounts: no
	// bootstrap version check.
	baselineStack
)

// newStack adds a stack named name for account and region to the app.
func (b *builder) newStack(name, account, region, description string, kind stackKind) awscdk.Stack {
	props := &awscdk.StackProps{
		StackName:             jsii.String(name),
		Env:                   &awscdk.Environment{Account: jsii.String(account), Region: jsii.String(region)},
		Description:           jsii.String("landingzone: " + description),
		TerminationProtection: jsii.Bool(true),
	}
	props.Synthesizer = b.synthesizer(kind)
	s := awscdk.NewStack(b.scope(account), jsii.String(name), props)
	b.built(s, name, account, region)
	return s
}

// synthesizer deploys a stack through the roles of the landing zone's bootstrap. A
// Baseline also skips the bootstrap version check, so that StackSets can deploy it
// into accounts that were never bootstrapped.
func (b *builder) synthesizer(kind stackKind) awscdk.IStackSynthesizer {
	return awscdk.NewDefaultStackSynthesizer(&awscdk.DefaultStackSynthesizerProps{
		Qualifier:                    jsii.String(b.cfg.qualifier()),
		GenerateBootstrapVersionRule: jsii.Bool(kind != baselineStack),
	})
}

// fail records err, whose fields are named as in the props type strip, under path.
func (b *builder) fail(path, strip string, err error) {
	b.problems.MergeAs(path, strip, err)
}

// dependOn makes s deploy after every stack of deps that exists in the same stage;
// the order of stages is their deployer's.
func dependOn(s awscdk.Stack, deps ...awscdk.Stack) {
	for _, d := range deps {
		if d != nil && *awscdk.Stage_Of(d).Node().Path() == *awscdk.Stage_Of(s).Node().Path() {
			s.AddStackDependency(d, jsii.String("landing-zone deploy order"))
		}
	}
}
