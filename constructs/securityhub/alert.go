package securityhub

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseventstargets"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/nag"
)

// guardDutyProduct is the ProductName of the findings GuardDuty sends to Security Hub.
const guardDutyProduct = "GuardDuty"

// alertPattern matches findings that someone must look at: imported or updated, of
// at least the alert severity, still active, and not yet in anyone's hands (workflow
// status NEW), so that a finding stops alerting once it is notified, suppressed or
// resolved.
func alertPattern(props HubProps) *awsevents.EventPattern {
	findings := map[string]interface{}{
		"Severity":    map[string]interface{}{"Label": props.AlertSeverity.andAbove()},
		"Workflow":    map[string]interface{}{"Status": []string{"NEW"}},
		"RecordState": []string{"ACTIVE"},
	}
	if props.SkipGuardDutyFindings {
		findings["ProductName"] = []interface{}{map[string]interface{}{"anything-but": []string{guardDutyProduct}}}
	}
	return &awsevents.EventPattern{
		Source:     jsii.Strings("aws.securityhub"),
		DetailType: jsii.Strings("Security Hub Findings - Imported"),
		Detail:     &map[string]interface{}{"findings": findings},
	}
}

// addAlerts sends the findings of alertPattern, as they are, to the alert topic. The
// aggregator brings findings of every linked region here, so one rule in the home
// region covers them all.
//
// EventBridge publishes with a role of its own rather than through a statement for
// events.amazonaws.com in the topic's and its key's policies: such statements would
// admit any rule, and the topic belongs to package alerting.
func (h *Hub) addAlerts(props HubProps) {
	h.AlertRole = awsiam.NewRole(h.Construct, jsii.String(idAlertRole), &awsiam.RoleProps{
		AssumedBy: awsiam.NewServicePrincipal(jsii.String("events.amazonaws.com"), nil).WithConditions(&map[string]interface{}{
			"StringEquals": map[string]interface{}{"aws:SourceAccount": awscdk.Stack_Of(h).Account()},
		}),
		Description: jsii.String("Lets EventBridge publish Security Hub findings to the alert topic"),
	})
	h.AlertRule = awsevents.NewRule(h.Construct, jsii.String(idAlertRule), &awsevents.RuleProps{
		Description:  jsii.String("Security Hub findings that need attention, from every account and region, to the alert topic"),
		EventPattern: alertPattern(props),
		Targets:      &[]awsevents.IRuleTarget{awseventstargets.NewSnsTopic(props.AlertTopic, &awseventstargets.SnsTopicProps{Role: h.AlertRole})},
	})
	nag.Suppress(h.AlertRole, true, nag.Rule{
		ID:        "AwsSolutions-IAM5",
		Reason:    "the CDK's publish grant on an encrypted topic: kms:GenerateDataKey* on the topic's own key, needed to encrypt the published message",
		AppliesTo: []string{"Action::kms:GenerateDataKey*"},
	})
}
