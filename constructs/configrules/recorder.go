package configrules

import (
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsconfig"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/nag"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Construct IDs are part of the public API: changing one replaces the resource.
const (
	idResource        = "Resource"
	idRole            = "Role"
	idDeliveryChannel = "DeliveryChannel"
)

// configRolePolicy is the AWS managed policy that lets AWS Config read the
// configuration of every resource type it supports; AWS keeps it current as types are
// added.
const configRolePolicy = "service-role/AWS_ConfigRole"

// Recorder is AWS Config turned on in one account and region: the configuration
// recorder, its delivery channel to the log archive, and the managed rules.
type Recorder struct {
	constructs.Construct
	// Recorder records every supported resource type; nil when
	// RecorderProps.AdoptExistingRecorder.
	Recorder awsconfig.CfnConfigurationRecorder
	// DeliveryChannel delivers history and snapshots to the log archive bucket; nil
	// when RecorderProps.AdoptExistingRecorder.
	DeliveryChannel awsconfig.CfnDeliveryChannel
	// Role is the role AWS Config records with; nil when
	// RecorderProps.AdoptExistingRecorder.
	Role awsiam.IRole
	// Rules holds the rules created, by name. Global rules are absent outside the home
	// region, and carry a condition in an environment-agnostic stack.
	Rules map[Rule]awsconfig.ManagedRule
	// Remediations holds the automatic remediations of public buckets by the rule they
	// act on; empty unless RemediatePublicBuckets.
	Remediations map[Rule]awsconfig.CfnRemediationConfiguration
	// RemediationRole is the role SSM Automation blocks public access with; nil unless
	// RemediatePublicBuckets.
	RemediationRole awsiam.Role
}

// NewRecorder validates props, then turns AWS Config on in the stack's account and
// region. On error nothing is added to scope.
func NewRecorder(scope constructs.Construct, id string, props RecorderProps) (*Recorder, error) {
	if err := scopecheck.Check("configrules", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	var l check.List
	l.Merge("", props.Validate())
	if !props.AdoptExistingRecorder {
		// AWS Config User Guide, "Managing the Configuration Recorder": one recorder per
		// account and region.
		scopecheck.OnePerStack(&l, "RecorderProps", scope, "ConfigRecorder", "AWS Config keeps one configuration recorder per account and region; set `AdoptExistingRecorder` on the second")
	}
	if err := l.Err("configrules"); err != nil {
		return nil, err
	}
	p := props.withDefaults()

	r := &Recorder{Rules: map[Rule]awsconfig.ManagedRule{}, Remediations: map[Rule]awsconfig.CfnRemediationConfiguration{}}
	// Registering r itself as the construct lets callers pass *Recorder wherever the
	// CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(r, scope, jsii.String(id))
	c := r.Construct
	home := newHomeRegion(c, p.HomeRegion)

	if !p.AdoptExistingRecorder {
		r.record(p, home)
		scopecheck.Claim(scope, "ConfigRecorder")
	}

	for _, rule := range p.rules() {
		if rule.Global() && !home.possible() {
			continue
		}
		r.Rules[rule] = r.addRule(rule, p)
		if rule.Global() {
			home.restrict(r.Rules[rule])
		}
	}
	if p.RemediatePublicBuckets {
		r.remediatePublicBuckets()
	}
	return r, nil
}

// record creates the recorder, its role unless one is given, and the delivery channel.
func (r *Recorder) record(p RecorderProps, home homeRegion) {
	c := r.Construct
	r.Role = p.Role
	if r.Role == nil {
		r.Role = newRecorderRole(c)
	}
	frequency := "CONTINUOUS"
	if p.DailyRecording {
		frequency = "DAILY"
	}
	r.Recorder = awsconfig.NewCfnConfigurationRecorder(c, jsii.String(idResource), &awsconfig.CfnConfigurationRecorderProps{
		RoleArn: r.Role.RoleArn(),
		RecordingGroup: &awsconfig.CfnConfigurationRecorder_RecordingGroupProperty{
			AllSupported:               jsii.Bool(true),
			IncludeGlobalResourceTypes: home.value(),
		},
		RecordingMode: &awsconfig.CfnConfigurationRecorder_RecordingModeProperty{RecordingFrequency: jsii.String(frequency)},
	})
	r.DeliveryChannel = awsconfig.NewCfnDeliveryChannel(c, jsii.String(idDeliveryChannel), &awsconfig.CfnDeliveryChannelProps{
		S3BucketName: jsii.String(p.BucketName),
		S3KeyPrefix:  jsii.String(p.KeyPrefix),
		S3KmsKeyArn:  optional(p.BucketKeyArn),
		ConfigSnapshotDeliveryProperties: &awsconfig.CfnDeliveryChannel_ConfigSnapshotDeliveryPropertiesProperty{
			DeliveryFrequency: jsii.String(SnapshotFrequency),
		},
	})
	// AWS Config refuses a delivery channel before a recorder exists.
	r.DeliveryChannel.Node().AddDependency(r.Recorder)
}

// newRecorderRole creates the role AWS Config records with. It needs no S3
// permission: for a bucket in another account AWS Config delivers as its service
// principal, which the bucket policy admits.
func newRecorderRole(scope constructs.Construct) awsiam.Role {
	return newConfigRole(scope, "Lets AWS Config read the configuration of this account's resources", configRolePolicy,
		"AWS_ConfigRole is the AWS-maintained read-only policy AWS Config needs; AWS extends it as Config supports new resource types")
}

// newConfigRole creates a role that only this account's AWS Config may assume, with
// the AWS managed policy managedPolicy, and records why (whyManaged) cdk-nag's rule
// against managed policies does not apply.
func newConfigRole(scope constructs.Construct, description, managedPolicy, whyManaged string) awsiam.Role {
	role := awsiam.NewRole(scope, jsii.String(idRole), &awsiam.RoleProps{
		AssumedBy:       serviceInAccount(scope, ServicePrincipal),
		Description:     jsii.String(description),
		ManagedPolicies: &[]awsiam.IManagedPolicy{awsiam.ManagedPolicy_FromAwsManagedPolicyName(jsii.String(managedPolicy))},
	})
	nag.Suppress(role, true, nag.Rule{
		ID:        "AwsSolutions-IAM4",
		Reason:    whyManaged,
		AppliesTo: []string{"Policy::arn:<AWS::Partition>:iam::aws:policy/" + managedPolicy},
	})
	return role
}

// serviceInAccount is service's principal, admitted only on behalf of the scope's own
// account, so that no other account can have the service act with the role.
func serviceInAccount(scope constructs.Construct, service string) awsiam.IPrincipal {
	return awsiam.NewServicePrincipal(jsii.String(service), nil).WithConditions(&map[string]interface{}{
		"StringEquals": map[string]interface{}{"aws:SourceAccount": awscdk.Stack_Of(scope).Account()},
	})
}

// addRule creates rule with its parameters. Rules need a recorder and a delivery
// channel to exist first.
func (r *Recorder) addRule(rule Rule, p RecorderProps) awsconfig.ManagedRule {
	spec := ruleSpecs[rule]
	props := &awsconfig.ManagedRuleProps{
		Identifier:     spec.identifier(),
		ConfigRuleName: jsii.String(ConfigRuleName(rule)),
		Description:    jsii.String(spec.description),
	}
	if params := ruleParameters(rule, p); len(params) > 0 {
		props.InputParameters = &params
	}
	if spec.scope != nil {
		props.RuleScope = spec.scope()
	}
	managed := awsconfig.NewManagedRule(r.Construct, jsii.String(spec.id), props)
	r.AddDependent(managed)
	return managed
}

// ruleParameters returns the input parameters of rule, as strings the way AWS Config
// documents them.
func ruleParameters(rule Rule, p RecorderProps) map[string]interface{} {
	params := map[string]interface{}{}
	switch rule {
	case RuleRestrictedCommonPorts:
		for i, port := range p.BlockedPorts {
			params["blockedPort"+strconv.Itoa(i+1)] = strconv.Itoa(port)
		}
	case RuleGuardDutyCentralized:
		params["CentralMonitoringAccount"] = p.GuardDutyAdminAccount
	case RuleVPCFlowLogsEnabled:
		params["trafficType"] = FlowLogTrafficType
	case RuleApprovedAMIsByID:
		params["amiIds"] = strings.Join(p.ApprovedAMIIDs, ",")
	case RuleApprovedAMIsByTag:
		params["amisByTagKeyAndValue"] = strings.Join(p.ApprovedAMITags, ",")
	}
	return params
}

// AddDependent makes c, a Config rule or a construct that holds some (such as a VPC of
// package network that empties its default security group through AWS Config), wait
// for the recorder and its delivery channel: AWS Config refuses rules before them.
//
// Like every construct type of this module, Recorder has a method with a pointer
// receiver: jsii registers such a Go struct as the construct itself.
func (r *Recorder) AddDependent(c constructs.IConstruct) {
	if r.Recorder != nil {
		c.Node().AddDependency(r.Recorder, r.DeliveryChannel)
	}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return jsii.String(s)
}
