package configrules_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

const (
	logBucket    = "lz-logs-222222222222-eu-west-1"
	auditAccount = "333333333333"
)

// baseProps are the required props, for the test environment's region as home.
func baseProps() configrules.RecorderProps {
	return configrules.RecorderProps{BucketName: logBucket, HomeRegion: lztest.Region, GuardDutyAdminAccount: auditAccount}
}

// synthRecorder builds one recorder in the test stack and returns it with its
// template.
func synthRecorder(t *testing.T, props configrules.RecorderProps) (*configrules.Recorder, *lztest.Template) {
	t.Helper()
	var rec *configrules.Recorder
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if rec, err = configrules.NewRecorder(s, "Config", props); err != nil {
			t.Fatalf("NewRecorder: %v", err)
		}
	})
	return rec, tpl
}

// logicalID returns the logical ID of a CloudFormation resource.
func logicalID(r awscdk.CfnResource) string {
	return fmt.Sprint(awscdk.Stack_Of(r).Resolve(r.Ref()).(map[string]any)["Ref"])
}

// rulesByName returns the resources of the Config rules by rule name.
func rulesByName(tpl *lztest.Template) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, r := range tpl.Resources("AWS::Config::ConfigRule") {
		name := fmt.Sprint(r["Properties"].(map[string]any)["ConfigRuleName"])
		out[strings.TrimPrefix(name, configrules.RuleNamePrefix)] = r
	}
	return out
}

func names(rules map[string]map[string]any) []string {
	var out []string
	for n := range rules {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// assertRule checks one rule's managed source, parameters and scope (nil for none).
func assertRule(t *testing.T, rules map[string]map[string]any, name, identifier string, params map[string]any, scope []any) {
	t.Helper()
	r, ok := rules[name]
	if !ok {
		t.Errorf("no rule %s among %v", name, names(rules))
		return
	}
	props := r["Properties"].(map[string]any)
	if got := props["Source"]; fmt.Sprint(got) != fmt.Sprint(map[string]any{"Owner": "AWS", "SourceIdentifier": identifier}) {
		t.Errorf("rule %s: source %v, want AWS %s", name, got, identifier)
	}
	if got := props["InputParameters"]; fmt.Sprint(got) != fmt.Sprint(params) && !(got == nil && params == nil) {
		t.Errorf("rule %s: parameters %v, want %v", name, got, params)
	}
	var gotScope any
	if s, ok := props["Scope"].(map[string]any); ok {
		gotScope = s["ComplianceResourceTypes"]
	}
	if fmt.Sprint(gotScope) != fmt.Sprint(scope) && !(gotScope == nil && scope == nil) {
		t.Errorf("rule %s: scope %v, want %v", name, gotScope, scope)
	}
}

func TestRecorderHomeRegion(t *testing.T) {
	rec, tpl := synthRecorder(t, baseProps())
	recorderID, channelID := logicalID(rec.Recorder), logicalID(rec.DeliveryChannel)

	// Every supported resource type, global ones too in the home region, continuously,
	// with the role created for it.
	tpl.HasResourceProperties("AWS::Config::ConfigurationRecorder", map[string]any{
		"RecordingGroup": map[string]any{"AllSupported": true, "IncludeGlobalResourceTypes": true},
		"RecordingMode":  map[string]any{"RecordingFrequency": "CONTINUOUS"},
		"RoleARN":        map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^ConfigRole")), "Arn"}},
	})
	// Only this account's AWS Config may assume the role, which reads configuration only.
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow",
			"Principal": map[string]any{"Service": "config.amazonaws.com"},
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": lztest.Account}},
		}}},
		"ManagedPolicyArns": []any{map[string]any{"Fn::Join": []any{"", []any{"arn:", map[string]any{"Ref": "AWS::Partition"}, ":iam::aws:policy/service-role/AWS_ConfigRole"}}}},
	})
	tpl.ResourceCountIs("AWS::IAM::Policy", 0)
	// History and daily snapshots go to the log archive bucket, once the recorder exists.
	tpl.HasResource("AWS::Config::DeliveryChannel", map[string]any{
		"Properties": map[string]any{
			"S3BucketName": logBucket, "S3KeyPrefix": "config",
			"ConfigSnapshotDeliveryProperties": map[string]any{"DeliveryFrequency": "TwentyFour_Hours"},
		},
		"DependsOn": []any{recorderID},
	})

	// Every default rule, with its parameters, named alike in every account, created
	// after the recorder and the delivery channel.
	rules := rulesByName(tpl)
	if len(rules) != len(configrules.DefaultRules()) {
		t.Errorf("rules %v, want the %d of DefaultRules", names(rules), len(configrules.DefaultRules()))
	}
	tpl.AllResources("AWS::Config::ConfigRule", map[string]any{"DependsOn": assertions.Match_ArrayWith(&[]any{channelID, recorderID})})
	assertRule(t, rules, "restricted-ssh", "INCOMING_SSH_DISABLED", nil, nil)
	assertRule(t, rules, "restricted-common-ports", "RESTRICTED_INCOMING_TRAFFIC",
		map[string]any{"blockedPort1": "20", "blockedPort2": "21", "blockedPort3": "3389", "blockedPort4": "3306", "blockedPort5": "4333"}, nil)
	assertRule(t, rules, "s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED", nil, nil)
	assertRule(t, rules, "s3-bucket-public-write-prohibited", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED", nil, nil)
	assertRule(t, rules, "s3-bucket-ssl-requests-only", "S3_BUCKET_SSL_REQUESTS_ONLY", nil, nil)
	assertRule(t, rules, "encrypted-volumes", "ENCRYPTED_VOLUMES", nil, nil)
	assertRule(t, rules, "vpc-flow-logs-enabled", "VPC_FLOW_LOGS_ENABLED", map[string]any{"trafficType": "ALL"}, nil)
	assertRule(t, rules, "cloudtrail-enabled", "CLOUD_TRAIL_ENABLED", nil, nil)
	assertRule(t, rules, "guardduty-enabled-centralized", "GUARDDUTY_ENABLED_CENTRALIZED", map[string]any{"CentralMonitoringAccount": auditAccount}, nil)
	assertRule(t, rules, "root-account-mfa-enabled", "ROOT_ACCOUNT_MFA_ENABLED", nil, nil)
	assertRule(t, rules, "iam-no-inline-policy-check", "IAM_NO_INLINE_POLICY_CHECK", nil, []any{"AWS::IAM::User"})
	// Nothing changes customer buckets by default.
	tpl.ResourceCountIs("AWS::Config::RemediationConfiguration", 0)

	lztest.AssertStackSetSafe(t, "Recorder", tpl)
	lztest.Golden(t, tpl)
}

// Outside the home region global resources are not recorded a second time, and the
// rules about them are not created.
func TestRecorderOtherRegion(t *testing.T) {
	props := baseProps()
	props.HomeRegion = "us-east-1"
	rec, tpl := synthRecorder(t, props)

	tpl.HasResourceProperties("AWS::Config::ConfigurationRecorder", map[string]any{
		"RecordingGroup": map[string]any{"AllSupported": true, "IncludeGlobalResourceTypes": false},
	})
	rules := rulesByName(tpl)
	for _, global := range []configrules.Rule{configrules.RuleRootAccountMFA, configrules.RuleIAMNoInlinePolicy} {
		if _, ok := rules[string(global)]; ok || rec.Rules[global] != nil {
			t.Errorf("rule %s exists outside the home region", global)
		}
	}
	if len(rules) != len(configrules.DefaultRules())-2 {
		t.Errorf("rules %v, want the regional ones of DefaultRules", names(rules))
	}
}

// A stack without a region, as a StackSet template deployed to many regions is,
// decides at deploy time which region is home.
func TestRecorderEnvironmentAgnostic(t *testing.T) {
	asm := lztest.Synth(t, func(app awscdk.App) {
		stack := awscdk.NewStack(app, jsii.String("Baseline"), nil)
		if _, err := configrules.NewRecorder(stack, "Config", baseProps()); err != nil {
			t.Fatal(err)
		}
	})
	tpl := asm.Stack(t, "Baseline")

	// One condition: is the stack's region the home region?
	conditions, _ := tpl.JSON["Conditions"].(map[string]any)
	var isHome string
	for name, c := range conditions {
		isHome = name
		if want := map[string]any{"Fn::Equals": []any{map[string]any{"Ref": "AWS::Region"}, lztest.Region}}; fmt.Sprint(c) != fmt.Sprint(want) {
			t.Errorf("condition %s = %v, want %v", name, c, want)
		}
	}
	if len(conditions) != 1 || !strings.HasPrefix(isHome, "ConfigIsHomeRegion") {
		t.Fatalf("conditions %v, want ConfigIsHomeRegion only", conditions)
	}
	tpl.HasResourceProperties("AWS::Config::ConfigurationRecorder", map[string]any{
		"RecordingGroup": map[string]any{"AllSupported": true, "IncludeGlobalResourceTypes": map[string]any{"Fn::If": []any{isHome, true, false}}},
	})
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{assertions.Match_ObjectLike(&map[string]any{
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": map[string]any{"Ref": "AWS::AccountId"}}},
		})}},
	})
	rules := rulesByName(tpl)
	for name, r := range rules {
		global := configrules.Rule(name).Global()
		if got := r["Condition"]; (got == isHome) != global {
			t.Errorf("rule %s: condition %v, global %v", name, got, global)
		}
	}
	if len(rules) != len(configrules.DefaultRules()) {
		t.Errorf("rules %v, want all of DefaultRules", names(rules))
	}
	lztest.AssertStackSetSafe(t, "Baseline", tpl)
	lztest.Golden(t, tpl)
}

func TestRecorderApprovedAMIs(t *testing.T) {
	t.Run("by ID", func(t *testing.T) {
		props := baseProps()
		props.ApprovedAMIIDs = []string{"ami-0123456789abcdef0", "ami-12345678"}
		_, tpl := synthRecorder(t, props)
		rules := rulesByName(tpl)
		assertRule(t, rules, "approved-amis-by-id", "APPROVED_AMIS_BY_ID",
			map[string]any{"amiIds": "ami-0123456789abcdef0,ami-12345678"}, []any{"AWS::EC2::Instance"})
		if _, ok := rules["approved-amis-by-tag"]; ok {
			t.Error("approved-amis-by-tag exists without ApprovedAMITags")
		}
	})
	t.Run("by tag", func(t *testing.T) {
		props := baseProps()
		props.ApprovedAMITags = []string{"approved", "hardening:cis-level-1"}
		_, tpl := synthRecorder(t, props)
		rules := rulesByName(tpl)
		assertRule(t, rules, "approved-amis-by-tag", "APPROVED_AMIS_BY_TAG",
			map[string]any{"amisByTagKeyAndValue": "approved,hardening:cis-level-1"}, []any{"AWS::EC2::Instance"})
		if _, ok := rules["approved-amis-by-id"]; ok {
			t.Error("approved-amis-by-id exists without ApprovedAMIIDs")
		}
	})
}

func TestRecorderRemediatesPublicBuckets(t *testing.T) {
	props := baseProps()
	props.RemediatePublicBuckets = true
	rec, tpl := synthRecorder(t, props)

	// Both public-bucket rules remediate automatically, a bounded number of times,
	// with the AWS-managed document and a role of their own.
	for _, rule := range []configrules.Rule{configrules.RuleS3PublicReadProhibited, configrules.RuleS3PublicWriteProhibited} {
		tpl.HasResourceProperties("AWS::Config::RemediationConfiguration", map[string]any{
			"ConfigRuleName": map[string]any{"Ref": logicalID(rec.Rules[rule].Node().DefaultChild().(awscdk.CfnResource))},
			"TargetType":     "SSM_DOCUMENT", "TargetId": "AWS-DisableS3BucketPublicReadWrite",
			"ResourceType": "AWS::S3::Bucket", "Automatic": true,
			"MaximumAutomaticAttempts": 5, "RetryAttemptSeconds": 60,
			"Parameters": map[string]any{
				"AutomationAssumeRole": map[string]any{"StaticValue": map[string]any{"Values": []any{map[string]any{"Fn::GetAtt": []any{logicalID(rec.RemediationRole.Node().DefaultChild().(awscdk.CfnResource)), "Arn"}}}}},
				"S3BucketName":         map[string]any{"ResourceValue": map[string]any{"Value": "RESOURCE_ID"}},
			},
		})
	}
	tpl.ResourceCountIs("AWS::Config::RemediationConfiguration", 2)
	// Only SSM acting for this account assumes the role, and it may change the public
	// access block of this account's buckets only.
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow",
			"Principal": map[string]any{"Service": "ssm.amazonaws.com"},
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": lztest.Account}},
		}}},
	})
	tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{
		"PolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Sid": "BlockPublicAccessOfOwnBuckets", "Effect": "Allow",
			"Action":    []any{"s3:GetBucketPublicAccessBlock", "s3:PutBucketPublicAccessBlock"},
			"Resource":  "arn:aws:s3:::*",
			"Condition": map[string]any{"StringEquals": map[string]any{"s3:ResourceAccount": lztest.Account}},
		}}},
	})
	lztest.AssertStackSetSafe(t, "Recorder", tpl)
	lztest.Golden(t, tpl)
}

func TestRecorderOptions(t *testing.T) {
	var role awsiam.IRole
	props := baseProps()
	props.KeyPrefix = "org/config"
	props.BucketKeyArn = "arn:aws:kms:eu-west-1:222222222222:key/0f6b7c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f"
	props.DisabledRules = []configrules.Rule{configrules.RuleEncryptedVolumes, configrules.RuleS3PublicReadProhibited}
	props.BlockedPorts = []int{3389, 5432}
	props.DailyRecording = true
	props.RemediatePublicBuckets = true
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		role = awsiam.Role_FromRoleArn(s, jsii.String("ServiceLinked"), jsii.String("arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"), nil)
		props.Role = role
		if _, err := configrules.NewRecorder(s, "Config", props); err != nil {
			t.Fatal(err)
		}
	})

	tpl.HasResourceProperties("AWS::Config::ConfigurationRecorder", map[string]any{
		"RoleARN":       "arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
		"RecordingMode": map[string]any{"RecordingFrequency": "DAILY"},
	})
	tpl.HasResourceProperties("AWS::Config::DeliveryChannel", map[string]any{
		"S3KeyPrefix": "org/config", "S3KmsKeyArn": props.BucketKeyArn,
	})
	rules := rulesByName(tpl)
	for _, off := range props.DisabledRules {
		if _, ok := rules[string(off)]; ok {
			t.Errorf("disabled rule %s exists", off)
		}
	}
	assertRule(t, rules, "restricted-common-ports", "RESTRICTED_INCOMING_TRAFFIC", map[string]any{"blockedPort1": "3389", "blockedPort2": "5432"}, nil)
	// The remediation follows the public-bucket rule that is left.
	tpl.ResourceCountIs("AWS::Config::RemediationConfiguration", 1)
	// The recorder role was brought; only the remediation role is created.
	tpl.ResourceCountIs("AWS::IAM::Role", 1)
}

// Rules made elsewhere in the stack wait for the recorder through AddDependent.
func TestRecorderAddDependent(t *testing.T) {
	var rec *configrules.Recorder
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if rec, err = configrules.NewRecorder(s, "Config", baseProps()); err != nil {
			t.Fatal(err)
		}
		other := awscdk.NewCfnResource(s, jsii.String("Other"), &awscdk.CfnResourceProps{Type: jsii.String("AWS::Config::ConfigRule"), Properties: &map[string]interface{}{
			"Source": map[string]interface{}{"Owner": "AWS", "SourceIdentifier": "VPC_DEFAULT_SECURITY_GROUP_CLOSED"},
		}})
		rec.AddDependent(other)
	})
	tpl.HasResource("AWS::Config::ConfigRule", map[string]any{
		"Properties": map[string]any{"Source": map[string]any{"Owner": "AWS", "SourceIdentifier": "VPC_DEFAULT_SECURITY_GROUP_CLOSED"}},
		"DependsOn":  []any{logicalID(rec.DeliveryChannel), logicalID(rec.Recorder)},
	})
}

// In an account that has a recorder already (AWS Control Tower's), only the rules are
// created: CloudFormation would fail to create a second recorder or delivery channel.
func TestRecorderAdoptsExisting(t *testing.T) {
	props := baseProps()
	props.BucketName, props.AdoptExistingRecorder = "", true
	rec, tpl := synthRecorder(t, props)
	if rec.Recorder != nil || rec.DeliveryChannel != nil || rec.Role != nil {
		t.Errorf("Recorder %v, DeliveryChannel %v, Role %v: want none", rec.Recorder, rec.DeliveryChannel, rec.Role)
	}
	tpl.ResourceCountIs("AWS::Config::ConfigurationRecorder", 0)
	tpl.ResourceCountIs("AWS::Config::DeliveryChannel", 0)
	tpl.ResourceCountIs("AWS::IAM::Role", 0)
	rules := rulesByName(tpl)
	assertRule(t, rules, "restricted-ssh", "INCOMING_SSH_DISABLED", nil, nil)
	for name, r := range tpl.Resources("AWS::Config::ConfigRule") {
		if deps, ok := r["DependsOn"]; ok {
			t.Errorf("rule %s depends on %v; an adopted recorder is not in the stack", name, deps)
		}
	}
	lztest.Golden(t, tpl)
}
