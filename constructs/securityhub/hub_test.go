package securityhub_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/securityhub"
	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/secure"
)

const rootID = "r-ab12"

// alertTopic stands in for the alert topic of package alerting: encrypted with a
// customer-managed key and TLS-only.
func alertTopic(scope constructs.Construct) awssns.Topic {
	return awssns.NewTopic(scope, jsii.String("Alerts"), &awssns.TopicProps{
		MasterKey:  secure.NewKey(scope, "AlertsKey", "alert topic"),
		EnforceSSL: jsii.Bool(true),
	})
}

// synthHub builds a hub in the test stack with props, whose AlertTopic it sets, and
// returns it with its template.
func synthHub(t *testing.T, props securityhub.HubProps) (*securityhub.Hub, *lztest.Template) {
	t.Helper()
	var hub *securityhub.Hub
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		props.AlertTopic = alertTopic(s)
		var err error
		if hub, err = securityhub.NewHub(s, "SecurityHub", props); err != nil {
			t.Fatalf("NewHub: %v", err)
		}
	})
	return hub, tpl
}

func logicalID(r awscdk.CfnResource) string {
	return awscdk.Stack_Of(r).Resolve(r.Ref()).(map[string]any)["Ref"].(string)
}

func TestHubDefaults(t *testing.T) {
	hub, tpl := synthHub(t, securityhub.HubProps{OrganizationRootID: rootID})
	aggregatorID, orgConfigID := logicalID(hub.FindingAggregator), logicalID(hub.OrganizationConfiguration)

	// Findings of every region, present and future, come to the home region.
	tpl.HasResourceProperties("AWS::SecurityHub::FindingAggregator", map[string]any{"RegionLinkingMode": "ALL_REGIONS"})
	// Central configuration, after the aggregator, without auto-enable settings.
	tpl.HasResource("AWS::SecurityHub::OrganizationConfiguration", map[string]any{
		"Properties": map[string]any{"ConfigurationType": "CENTRAL", "AutoEnable": false, "AutoEnableStandards": "NONE"},
		"DependsOn":  []any{aggregatorID},
	})
	// Security Hub on with both standards of this region and every control.
	standards := []any{
		"arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
		"arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0",
	}
	tpl.HasResource("AWS::SecurityHub::ConfigurationPolicy", map[string]any{
		"Properties": map[string]any{
			"Name": "landingzone",
			"ConfigurationPolicy": map[string]any{"SecurityHub": map[string]any{
				"ServiceEnabled":                true,
				"EnabledStandardIdentifiers":    standards,
				"SecurityControlsConfiguration": map[string]any{"DisabledSecurityControlIdentifiers": []any{}},
			}},
		},
		"DependsOn": []any{orgConfigID},
	})
	if got := hub.Standards(); len(got) != 2 || got[0] != standards[0] || got[1] != standards[1] {
		t.Errorf("Standards() = %v, want %v", got, standards)
	}
	// For every account of the organization.
	tpl.HasResourceProperties("AWS::SecurityHub::PolicyAssociation", map[string]any{
		"ConfigurationPolicyId": map[string]any{"Fn::GetAtt": []any{logicalID(hub.ConfigurationPolicy), "Id"}},
		"TargetType":            "ROOT", "TargetId": rootID,
	})
	// The Security Hub delegated administrator designation enables the hub itself.
	tpl.ResourceCountIs("AWS::SecurityHub::Hub", 0)
	tpl.ResourceCountIs("AWS::SecurityHub::Standard", 0)

	// New, active HIGH and CRITICAL findings go to the alert topic.
	tpl.HasResourceProperties("AWS::Events::Rule", map[string]any{
		"EventPattern": map[string]any{
			"source":      []any{"aws.securityhub"},
			"detail-type": []any{"Security Hub Findings - Imported"},
			"detail": map[string]any{"findings": map[string]any{
				"Severity":    map[string]any{"Label": []any{"HIGH", "CRITICAL"}},
				"Workflow":    map[string]any{"Status": []any{"NEW"}},
				"RecordState": []any{"ACTIVE"},
			}},
		},
		"State": "ENABLED",
		"Targets": []any{map[string]any{
			"Arn": map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Alerts"))}, "Id": "Target0",
			"RoleArn": map[string]any{"Fn::GetAtt": []any{logicalID(hub.AlertRole.Node().DefaultChild().(awscdk.CfnResource)), "Arn"}},
		}},
	})
	// EventBridge publishes with a role that only this account's EventBridge assumes,
	// which may publish to the alert topic and use its key, and nothing else.
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow",
			"Principal": map[string]any{"Service": "events.amazonaws.com"},
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": lztest.Account}},
		}}},
	})
	tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{"PolicyDocument": map[string]any{"Statement": []any{
		map[string]any{"Action": "sns:Publish", "Effect": "Allow", "Resource": map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Alerts"))}},
		map[string]any{"Action": []any{"kms:Decrypt", "kms:GenerateDataKey*"}, "Effect": "Allow", "Resource": map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^AlertsKey")), "Arn"}}},
	}}})
	// The topic's and key's policies admit no events.amazonaws.com, which would let
	// any rule publish.
	for _, typ := range []string{"AWS::SNS::TopicPolicy", "AWS::KMS::Key"} {
		for id, r := range tpl.Resources(typ) {
			if raw, _ := json.Marshal(r); strings.Contains(string(raw), "events.amazonaws.com") {
				t.Errorf("%s %s admits events.amazonaws.com", typ, id)
			}
		}
	}
	lztest.Golden(t, tpl)
}

func TestHubOptions(t *testing.T) {
	_, tpl := synthHub(t, securityhub.HubProps{
		OrganizationRootID:    rootID,
		CISVersion:            securityhub.CIS500,
		DisabledControls:      []string{"IAM.6", "CloudTrail.7"},
		LinkedRegions:         []string{"eu-central-1", "us-east-1"},
		AlertSeverity:         securityhub.SeverityCritical,
		SkipGuardDutyFindings: true,
	})
	tpl.HasResourceProperties("AWS::SecurityHub::FindingAggregator", map[string]any{
		"RegionLinkingMode": "SPECIFIED_REGIONS", "Regions": []any{"eu-central-1", "us-east-1"},
	})
	tpl.HasResourceProperties("AWS::SecurityHub::ConfigurationPolicy", map[string]any{
		"ConfigurationPolicy": map[string]any{"SecurityHub": map[string]any{
			"ServiceEnabled": true,
			"EnabledStandardIdentifiers": []any{
				"arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
				"arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/5.0.0",
			},
			"SecurityControlsConfiguration": map[string]any{"DisabledSecurityControlIdentifiers": []any{"IAM.6", "CloudTrail.7"}},
		}},
	})
	tpl.HasResourceProperties("AWS::Events::Rule", map[string]any{
		"EventPattern": map[string]any{"detail": map[string]any{"findings": map[string]any{
			"Severity":    map[string]any{"Label": []any{"CRITICAL"}},
			"Workflow":    map[string]any{"Status": []any{"NEW"}},
			"RecordState": []any{"ACTIVE"},
			"ProductName": []any{map[string]any{"anything-but": []any{"GuardDuty"}}},
		}}},
	})
	lztest.Golden(t, tpl)
}

func TestHubMediumSeverity(t *testing.T) {
	_, tpl := synthHub(t, securityhub.HubProps{OrganizationRootID: rootID, AlertSeverity: securityhub.SeverityMedium})
	tpl.HasResourceProperties("AWS::Events::Rule", map[string]any{
		"EventPattern": map[string]any{"detail": map[string]any{"findings": assertions.Match_ObjectLike(&map[string]any{
			"Severity": map[string]any{"Label": []any{"MEDIUM", "HIGH", "CRITICAL"}},
		})}},
	})
}

func TestStandardArns(t *testing.T) {
	for got, want := range map[string]string{
		securityhub.FoundationalStandardArn("aws-us-gov", "us-gov-west-1"):      "arn:aws-us-gov:securityhub:us-gov-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
		securityhub.CISStandardArn("aws", "ap-southeast-2", securityhub.CIS140): "arn:aws:securityhub:ap-southeast-2::standards/cis-aws-foundations-benchmark/v/1.4.0",
	} {
		if got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}
