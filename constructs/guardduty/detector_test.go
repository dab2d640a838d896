package guardduty_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/guardduty"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

const allOn = "S3_DATA_EVENTS=%[1]s EKS_AUDIT_LOGS=%[1]s RUNTIME_MONITORING=%[1]s[EKS_ADDON_MANAGEMENT=%[1]s ECS_FARGATE_AGENT_MANAGEMENT=%[1]s EC2_AGENT_MANAGEMENT=%[1]s] EBS_MALWARE_PROTECTION=%[1]s RDS_LOGIN_EVENTS=%[1]s LAMBDA_NETWORK_LOGS=%[1]s"

func every(value string) string { return strings.ReplaceAll(allOn, "%[1]s", value) }

// The delegated administrator's detector: found, configured, and extended to the
// whole organization, with every finding archived and the severe ones alerted, by a
// handler whose role has the name the guardrails exempt.
func TestDetectorOrganization(t *testing.T) {
	d, tpl := synthDetector(t, guardduty.DetectorProps{FindingsBucketArn: bucketArn, FindingsKeyArn: keyArn, RoleName: "lzadmin-guardduty-eu-west-1"})
	if d.Mode != guardduty.ModeOrganization || d.Resource != nil || d.Settings == nil || d.OrganizationConfiguration == nil || d.Role == nil {
		t.Errorf("Mode %q, Resource %v, Settings %v, OrganizationConfiguration %v, Role %v: want organization mode with a looked-up detector",
			d.Mode, d.Resource, d.Settings, d.OrganizationConfiguration, d.Role)
	}
	// GuardDuty created the detector when the account became delegated administrator:
	// CloudFormation must not try to create another.
	tpl.ResourceCountIs("AWS::GuardDuty::Detector", 0)
	// The handler is inline: no asset, no bootstrap bucket, named role, encrypted logs.
	tpl.ResourceCountIs("AWS::Lambda::Function", 1)
	tpl.HasResourceProperties("AWS::Lambda::Function", map[string]any{
		"Code": map[string]any{"ZipFile": assertions.Match_StringLikeRegexp(jsii.String("def delegate"))}, "Runtime": "python3.14",
	})
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"RoleName":                 "lzadmin-guardduty-eu-west-1",
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": map[string]any{"Service": "lambda.amazonaws.com"}}}},
	})
	tpl.HasResourceProperties("AWS::Logs::LogGroup", map[string]any{"RetentionInDays": 365, "KmsKeyId": assertions.Match_AnyValue()})

	calls := handlerCalls(t, tpl)
	settings := calls["detector"]
	// No ID: the handler finds the detector the designation created.
	if settings["DetectorId"] != "" || settings["FindingPublishingFrequency"] != "FIFTEEN_MINUTES" {
		t.Errorf("detector settings %v", settings)
	}
	if got := features(settings["Features"], "Status"); got != every("ENABLED") {
		t.Errorf("detector features\n got %s\nwant %s", got, every("ENABLED"))
	}
	org := calls["organization"]
	if org["DetectorId"] != lookedUp {
		t.Errorf("organization configuration of detector %v, want the one found (%s)", org["DetectorId"], lookedUp)
	}
	if got := features(org["Features"], "AutoEnable"); got != every("ALL") {
		t.Errorf("organization features\n got %s\nwant %s", got, every("ALL"))
	}

	// The handler may do exactly what it needs; the CDK merges statements of one
	// resource list.
	assertLines(t, "handler policy", handlerPolicy(t, tpl),
		"[guardduty:ListDetectors organizations:DescribeOrganization organizations:ListAccounts] -> *",
		"[guardduty:UpdateDetector guardduty:UpdateOrganizationConfiguration] -> arn:aws:guardduty:eu-west-1:123456789012:detector/*",
		`iam:CreateServiceLinkedRole -> arn:aws:iam::123456789012:role/aws-service-role/malware-protection.guardduty.amazonaws.com/* if {"StringEquals":{"iam:AWSServiceName":"malware-protection.guardduty.amazonaws.com"}}`)

	tpl.HasResourceProperties("AWS::GuardDuty::PublishingDestination", map[string]any{
		"DetectorId":      map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^GuardDutySettings")), "DetectorId"}},
		"DestinationType": "S3",
		"DestinationProperties": map[string]any{
			"DestinationArn": bucketArn + "/guardduty",
			"KmsKeyArn":      keyArn,
		},
	})
	assertFindingsRule(t, tpl, 7)
	lztest.Golden(t, tpl)
}

// assertFindingsRule checks that findings of at least min severity, and only those,
// go to the alert topic.
func assertFindingsRule(t *testing.T, tpl *lztest.Template, min int) {
	t.Helper()
	tpl.ResourceCountIs("AWS::Events::Rule", 1)
	tpl.HasResourceProperties("AWS::Events::Rule", map[string]any{
		"EventPattern": map[string]any{
			"source":      []any{"aws.guardduty"},
			"detail-type": []any{"GuardDuty Finding"},
			"detail":      map[string]any{"severity": []any{map[string]any{"numeric": []any{">=", min}}}},
		},
		"State":   "ENABLED",
		"Targets": []any{map[string]any{"Arn": map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Alerts"))}, "Id": "Target0"}},
	})
	// The topic policy admits EventBridge of this account: the rule added no grant.
	tpl.HasResourceProperties("AWS::SNS::TopicPolicy", map[string]any{
		"PolicyDocument": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{map[string]any{
			"Sid": "AllowEventBridgeRulesOfThisAccount", "Effect": "Allow", "Principal": map[string]any{"Service": "events.amazonaws.com"}, "Action": "sns:Publish",
			"Resource":  map[string]any{"Ref": assertions.Match_AnyValue()},
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": lztest.Account}},
		}})},
	})
}

func assertLines(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %s\nwant %s", what, strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

// Without an organization: CloudFormation creates and retains the detector; no custom
// resource, no archive unless asked.
func TestDetectorSingleAccount(t *testing.T) {
	d, tpl := synthDetector(t, guardduty.DetectorProps{
		Mode:             guardduty.ModeSingleAccount,
		DisabledFeatures: []guardduty.Feature{guardduty.FeatureRuntimeMonitoring, guardduty.FeatureEKSAuditLogs},
	})
	if d.Resource == nil || d.Settings != nil || d.OrganizationConfiguration != nil || d.Destination != nil {
		t.Errorf("Resource %v, Settings %v, OrganizationConfiguration %v, Destination %v", d.Resource, d.Settings, d.OrganizationConfiguration, d.Destination)
	}
	on, off := map[string]any{"Status": "ENABLED"}, map[string]any{"Status": "DISABLED"}
	feature := func(name string, status map[string]any, additional ...any) map[string]any {
		f := map[string]any{"Name": name, "Status": status["Status"]}
		if len(additional) > 0 {
			f["AdditionalConfiguration"] = additional
		}
		return f
	}
	tpl.HasResource("AWS::GuardDuty::Detector", map[string]any{
		"Properties": map[string]any{
			"Enable":                     true,
			"FindingPublishingFrequency": "FIFTEEN_MINUTES",
			"Features": []any{
				feature("S3_DATA_EVENTS", on),
				feature("EKS_AUDIT_LOGS", off),
				// Runtime Monitoring off turns its agent management off too.
				feature("RUNTIME_MONITORING", off, feature("EKS_ADDON_MANAGEMENT", off), feature("ECS_FARGATE_AGENT_MANAGEMENT", off), feature("EC2_AGENT_MANAGEMENT", off)),
				feature("EBS_MALWARE_PROTECTION", on),
				feature("RDS_LOGIN_EVENTS", on),
				feature("LAMBDA_NETWORK_LOGS", on),
			},
		},
		"DeletionPolicy": "Retain",
	})
	lztest.AssertStackSetSafe(t, "single-account detector", tpl)
	tpl.ResourceCountIs("AWS::GuardDuty::PublishingDestination", 0)
	assertFindingsRule(t, tpl, 7)
	lztest.Golden(t, tpl)
}

// An existing detector is adopted by ID: configured by UpdateDetector, and the
// organization gets the same reduced feature set.
func TestDetectorAdopted(t *testing.T) {
	d, tpl := synthDetector(t, guardduty.DetectorProps{
		DetectorID:        "12abc34d567e8fa901bc2d34e56789f0",
		DisabledFeatures:  []guardduty.Feature{guardduty.FeatureEC2AgentManagement, guardduty.FeatureLambdaNetworkLogs},
		MinSeverity:       9,
		FindingsBucketArn: bucketArn,
		FindingsKeyArn:    keyArn,
		FindingsPrefix:    "security/guardduty",
	})
	if d.DetectorID != "12abc34d567e8fa901bc2d34e56789f0" || d.Settings == nil {
		t.Errorf("DetectorID %q, Settings %v", d.DetectorID, d.Settings)
	}
	if got := d.DetectorArn(); got != "arn:aws:guardduty:eu-west-1:123456789012:detector/12abc34d567e8fa901bc2d34e56789f0" {
		t.Errorf("DetectorArn() = %q", got)
	}
	tpl.ResourceCountIs("AWS::GuardDuty::Detector", 0)
	calls := handlerCalls(t, tpl)
	if policy := strings.Join(handlerPolicy(t, tpl), "\n"); strings.Contains(policy, "ListDetectors") {
		t.Errorf("an adopted detector is looked up:\n%s", policy)
	}
	want := "S3_DATA_EVENTS=%s EKS_AUDIT_LOGS=%s RUNTIME_MONITORING=%s[EKS_ADDON_MANAGEMENT=%s ECS_FARGATE_AGENT_MANAGEMENT=%s EC2_AGENT_MANAGEMENT=%s] EBS_MALWARE_PROTECTION=%s RDS_LOGIN_EVENTS=%s LAMBDA_NETWORK_LOGS=%s"
	for _, tc := range []struct{ action, key, on, off string }{
		{"detector", "Status", "ENABLED", "DISABLED"},
		{"organization", "AutoEnable", "ALL", "NONE"},
	} {
		c := calls[tc.action]
		if c["DetectorId"] != "12abc34d567e8fa901bc2d34e56789f0" {
			t.Errorf("%s DetectorId %v", tc.action, c["DetectorId"])
		}
		exp := strings.NewReplacer("%s", tc.on).Replace(want)
		exp = strings.Replace(exp, "EC2_AGENT_MANAGEMENT="+tc.on, "EC2_AGENT_MANAGEMENT="+tc.off, 1)
		exp = strings.Replace(exp, "LAMBDA_NETWORK_LOGS="+tc.on, "LAMBDA_NETWORK_LOGS="+tc.off, 1)
		if got := features(c["Features"], tc.key); got != exp {
			t.Errorf("%s features\n got %s\nwant %s", tc.action, got, exp)
		}
	}
	tpl.HasResourceProperties("AWS::GuardDuty::PublishingDestination", map[string]any{
		"DetectorId":            "12abc34d567e8fa901bc2d34e56789f0",
		"DestinationProperties": map[string]any{"DestinationArn": bucketArn + "/security/guardduty", "KmsKeyArn": keyArn},
	})
	assertFindingsRule(t, tpl, 9)
	lztest.Golden(t, tpl)
}

func TestDetectorArns(t *testing.T) {
	if got := guardduty.DetectorArns("333333333333", "eu-west-1"); got != "arn:aws:guardduty:eu-west-1:333333333333:detector/*" {
		t.Errorf("DetectorArns = %q", got)
	}
}
