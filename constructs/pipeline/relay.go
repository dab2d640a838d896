package pipeline

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Construct IDs of the relay.
const (
	idBusPolicy = "BusPolicy"
	idRelayRule = "Relay"
	// relayStatementID names the bus policy's statement, unique on the bus.
	relayStatementID = "AllowLandingZoneDriftEvents"
)

// DriftAlertRelayProps configures NewDriftAlertRelay.
type DriftAlertRelayProps struct {
	// AlertTopicArn is the alert topic of this account and region that hears of the
	// drift other accounts forward. Required.
	AlertTopicArn string
	// OrganizationID is the organization ("o-...") whose accounts may put drift events
	// on this account's default event bus. Required.
	OrganizationID string
}

// DriftAlertRelay admits the drift events of the organization's DriftChecks to this
// account's default event bus and publishes them to the alert topic. It goes in the
// account of the alert topic (the audit account), once per region.
type DriftAlertRelay struct {
	constructs.Construct
	// BusPolicy lets the organization's accounts put CloudFormation drift events, and
	// no other events, on the default bus.
	BusPolicy awsevents.CfnEventBusPolicy
	// Rule publishes the DRIFTED events of other accounts to the topic; this account's
	// own DriftCheck publishes directly.
	Rule awsevents.Rule
}

// Validate reports every problem in p, with fields named as in DriftAlertRelayProps.
func (p DriftAlertRelayProps) Validate() error {
	var l check.List
	p.validate(&l)
	return l.Err("pipeline")
}

func (p DriftAlertRelayProps) validate(l *check.List) check.ARN {
	var arn check.ARN
	if p.AlertTopicArn == "" {
		l.Addf("DriftAlertRelayProps.AlertTopicArn", nil, "required: the alert topic of this account and region")
	} else {
		arn, _ = check.ParseARN(l, "DriftAlertRelayProps.AlertTopicArn", p.AlertTopicArn, "sns", "")
	}
	if p.OrganizationID == "" {
		l.Addf("DriftAlertRelayProps.OrganizationID", nil, "required: the organization whose accounts forward drift events")
	} else {
		check.OrganizationID(l, "DriftAlertRelayProps.OrganizationID", p.OrganizationID)
	}
	return arn
}

// NewDriftAlertRelay validates props, then admits the organization's drift events to
// the default bus and routes them to the topic. On error nothing is added to scope.
func NewDriftAlertRelay(scope constructs.Construct, id string, props DriftAlertRelayProps) (*DriftAlertRelay, error) {
	if err := scopecheck.Check("pipeline", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	stack := awscdk.Stack_Of(scope)
	var l check.List
	topic := props.validate(&l)
	account, region := concrete(stack.Account()), concrete(stack.Region())
	if topic.Account != "" && account != "" && (topic.Account != account || topic.Region != region) {
		l.Addf("DriftAlertRelayProps.AlertTopicArn", props.AlertTopicArn, "not in the stack's account %s and region %s", account, region)
	}
	if err := l.Err("pipeline"); err != nil {
		return nil, err
	}
	r := &DriftAlertRelay{}
	// Registering r itself as the construct lets callers pass *DriftAlertRelay
	// wherever the CDK wants a construct.
	constructs.NewConstruct_Override(r, scope, jsii.String(id))
	c := r.Construct
	// An L1: the L2 EventBusPolicy, given a PolicyStatement, renders it unresolved.
	r.BusPolicy = awsevents.NewCfnEventBusPolicy(c, jsii.String(idBusPolicy), &awsevents.CfnEventBusPolicyProps{
		EventBusName: jsii.String("default"),
		StatementId:  jsii.String(relayStatementID),
		Statement: map[string]interface{}{
			"Effect":    "Allow",
			"Principal": "*",
			"Action":    "events:PutEvents",
			"Resource":  DefaultBusArn(*stack.Partition(), *stack.Account(), *stack.Region()),
			"Condition": map[string]interface{}{"StringEquals": map[string]interface{}{
				"aws:PrincipalOrgID": props.OrganizationID,
				"events:source":      cloudFormationSource,
				"events:detail-type": driftDetailType,
			}},
		},
	})
	r.Rule = awsevents.NewRule(c, jsii.String(idRelayRule), &awsevents.RuleProps{
		Description: jsii.String("Landing-zone stacks of other accounts found drifted"),
		EventPattern: &awsevents.EventPattern{
			Source:     jsii.Strings(cloudFormationSource),
			DetailType: jsii.Strings(driftDetailType),
			// This account's own drift events reach the topic from its DriftCheck.
			Account: awsevents.Match_AnythingBut(stack.Account()),
			Detail:  &map[string]interface{}{"status-details": map[string]interface{}{"stack-drift-status": []string{driftStatusDrifted}}},
		},
	})
	r.Rule.AddTarget(alerting.EventTarget(awssns.Topic_FromTopicArn(c, jsii.String(idAlertTopic), jsii.String(props.AlertTopicArn))))
	return r, nil
}

// EventBusArn returns the ARN of the bus the relay admits drift events to.
//
// Like every construct type of this module, DriftAlertRelay has at least one method
// with a pointer receiver: jsii registers such a Go struct as the construct itself.
func (r *DriftAlertRelay) EventBusArn() string {
	stack := awscdk.Stack_Of(r)
	return DefaultBusArn(*stack.Partition(), *stack.Account(), *stack.Region())
}
