package guardduty_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/guardduty"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestDetectorPropsErrors(t *testing.T) {
	stack := lztest.NewStack(t)
	var topic awssns.ITopic
	lztest.Do(t, func() {
		topic = awssns.Topic_FromTopicArn(stack, jsii.String("Alerts"), jsii.String("arn:aws:sns:eu-west-1:123456789012:landingzone-alerts"))
	})
	org := func(edit func(p *guardduty.DetectorProps)) guardduty.DetectorProps {
		p := guardduty.DetectorProps{AlertTopic: topic, FindingsBucketArn: bucketArn, FindingsKeyArn: keyArn}
		edit(&p)
		return p
	}
	for _, tc := range []struct {
		name  string
		props guardduty.DetectorProps
		want  []string
	}{
		{"severity above 10", org(func(p *guardduty.DetectorProps) { p.MinSeverity = 11 }),
			[]string{`DetectorProps.MinSeverity 11: outside GuardDuty's severity scale 1-10 (Critical is 9.0-10.0)`}},
		{"negative severity", org(func(p *guardduty.DetectorProps) { p.MinSeverity = -1 }),
			[]string{`DetectorProps.MinSeverity -1: outside GuardDuty's severity scale 1-10`}},
		{"unknown protection feature", org(func(p *guardduty.DetectorProps) {
			p.DisabledFeatures = []guardduty.Feature{"S3_PROTECTION", guardduty.FeatureRDSLoginEvents, "eks_audit_logs"}
		}), []string{`DetectorProps.DisabledFeatures[0] "S3_PROTECTION": unknown protection feature; want one of ["S3_DATA_EVENTS"`, `DetectorProps.DisabledFeatures[2] "eks_audit_logs": unknown protection feature`}},
		{"feature listed twice", org(func(p *guardduty.DetectorProps) {
			p.DisabledFeatures = []guardduty.Feature{guardduty.FeatureEBSMalwareProtection, guardduty.FeatureEBSMalwareProtection}
		}), []string{`DetectorProps.DisabledFeatures[1] "EBS_MALWARE_PROTECTION": duplicate of DetectorProps.DisabledFeatures[0]`}},
		{"no alert topic", org(func(p *guardduty.DetectorProps) { p.AlertTopic = nil }),
			[]string{`DetectorProps.AlertTopic: required`}},
		{"unknown mode", org(func(p *guardduty.DetectorProps) { p.Mode = "standalone" }),
			[]string{`DetectorProps.Mode "standalone": want one of ["organization" "single-account"]`}},
		{"malformed detector ID", org(func(p *guardduty.DetectorProps) { p.DetectorID = "det-123" }),
			[]string{`DetectorProps.DetectorID "det-123": not a GuardDuty detector ID`}},
		{"detector ID too short", org(func(p *guardduty.DetectorProps) { p.DetectorID = "abc123" }),
			[]string{`DetectorProps.DetectorID "abc123": not a GuardDuty detector ID`}},
		{"organization without archive", org(func(p *guardduty.DetectorProps) { p.FindingsBucketArn, p.FindingsKeyArn = "", "" }),
			[]string{`DetectorProps.FindingsBucketArn "": required in mode organization`}},
		{"bucket without key", org(func(p *guardduty.DetectorProps) { p.FindingsKeyArn = "" }),
			[]string{"DetectorProps.FindingsKeyArn \"\": required with `FindingsBucketArn`"}},
		{"key and prefix without bucket", guardduty.DetectorProps{Mode: guardduty.ModeSingleAccount, AlertTopic: topic, FindingsKeyArn: keyArn, FindingsPrefix: "gd"},
			[]string{"DetectorProps.FindingsKeyArn", "needs `FindingsBucketArn`", "DetectorProps.FindingsPrefix \"gd\": needs `FindingsBucketArn`"}},
		{"object ARN for the bucket", org(func(p *guardduty.DetectorProps) { p.FindingsBucketArn = bucketArn + "/guardduty" }),
			[]string{`DetectorProps.FindingsBucketArn "arn:aws:s3:::lz-logs-222222222222-eu-west-1/guardduty": not a bucket ARN`}},
		{"bucket ARN of another service", org(func(p *guardduty.DetectorProps) { p.FindingsBucketArn = keyArn }),
			[]string{`DetectorProps.FindingsBucketArn "` + keyArn + `": an ARN of service kms, want s3`}},
		{"bucket name", org(func(p *guardduty.DetectorProps) { p.FindingsBucketArn = "arn:aws:s3:::Logs_Bucket" }),
			[]string{`DetectorProps.FindingsBucketArn "Logs_Bucket": not an S3 bucket name`}},
		{"alias for the key", org(func(p *guardduty.DetectorProps) { p.FindingsKeyArn = "arn:aws:kms:eu-west-1:222222222222:alias/logs" }),
			[]string{`DetectorProps.FindingsKeyArn "arn:aws:kms:eu-west-1:222222222222:alias/logs": the resource part must start with "key/"`}},
		{"prefix with a leading slash", org(func(p *guardduty.DetectorProps) { p.FindingsPrefix = "/guardduty" }),
			[]string{`DetectorProps.FindingsPrefix "/guardduty": must not start with a slash`}},
		{"role name with a path", org(func(p *guardduty.DetectorProps) { p.RoleName = "landingzone/guardduty" }),
			[]string{`DetectorProps.RoleName "landingzone/guardduty": not an IAM role name`}},
		{"role name too long", org(func(p *guardduty.DetectorProps) { p.RoleName = strings.Repeat("r", 65) }),
			[]string{`DetectorProps.RoleName "rrrr`, `not an IAM role name`}},
		{"every problem at once", guardduty.DetectorProps{MinSeverity: 12, DisabledFeatures: []guardduty.Feature{"MALWARE"}, DetectorID: "X"},
			[]string{`DetectorProps.MinSeverity 12`, `DetectorProps.DisabledFeatures[0] "MALWARE"`, `DetectorProps.DetectorID "X"`, `DetectorProps.AlertTopic`, `DetectorProps.FindingsBucketArn ""`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			lztest.Do(t, func() { _, err = guardduty.NewDetector(stack, "GuardDuty", tc.props) })
			lztest.ExpectInvalid(t, err, "guardduty: DetectorProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "GuardDuty")
		})
	}
}

func TestDelegatedAdminPropsErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		props guardduty.DelegatedAdminProps
		want  string
	}{
		{"missing account", guardduty.DelegatedAdminProps{}, `DelegatedAdminProps.AdminAccountID "": not a 12-digit AWS account ID`},
		{"malformed account", guardduty.DelegatedAdminProps{AdminAccountID: "3333-3333-3333"}, `DelegatedAdminProps.AdminAccountID "3333-3333-3333": not a 12-digit`},
		{"the management account itself", guardduty.DelegatedAdminProps{AdminAccountID: lztest.Account}, `DelegatedAdminProps.AdminAccountID "123456789012": is the management account itself`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = guardduty.NewDelegatedAdmin(stack, "GuardDutyAdmin", tc.props) })
			lztest.ExpectInvalid(t, err, "guardduty: DelegatedAdminProps.", tc.want)
			lztest.ExpectNoChild(t, stack, "GuardDutyAdmin")
		})
	}
}

// Validate needs no stack, so that a configuration loader can report mistakes first.
func TestValidateWithoutStack(t *testing.T) {
	if err := (guardduty.DelegatedAdminProps{AdminAccountID: lztest.Account}).Validate(); err != nil {
		t.Errorf("without a stack the account cannot be compared: %v", err)
	}
	lztest.ExpectInvalid(t, guardduty.DetectorProps{MinSeverity: 11}.Validate(), "guardduty: DetectorProps.", "MinSeverity 11", "AlertTopic")
}

func TestFeatures(t *testing.T) {
	seen := map[guardduty.Feature]bool{}
	for _, f := range guardduty.Features() {
		if !f.Valid() || seen[f] {
			t.Errorf("feature %q invalid or listed twice", f)
		}
		seen[f] = true
	}
	if len(seen) != 9 || guardduty.Feature("EKS_RUNTIME_MONITORING").Valid() {
		t.Errorf("features %v: want the six protection plans and three agent settings, without the legacy EKS_RUNTIME_MONITORING", guardduty.Features())
	}
}

// One stack has one GuardDuty handler: a second detector that wants another role name
// for it is refused, and nothing is added.
func TestDetectorRoleNameOfExistingHandler(t *testing.T) {
	stack := lztest.NewStack(t)
	var topic awssns.ITopic
	lztest.Do(t, func() {
		topic = awssns.Topic_FromTopicArn(stack, jsii.String("Alerts"), jsii.String("arn:aws:sns:eu-west-1:123456789012:landingzone-alerts"))
	})
	var err error
	lztest.Do(t, func() {
		_, err = guardduty.NewDetector(stack, "First", guardduty.DetectorProps{AlertTopic: topic, FindingsBucketArn: bucketArn, FindingsKeyArn: keyArn, RoleName: "lzadmin-guardduty-eu-west-1"})
	})
	if err != nil {
		t.Fatal(err)
	}
	lztest.Do(t, func() {
		_, err = guardduty.NewDetector(stack, "Second", guardduty.DetectorProps{AlertTopic: topic, DetectorID: "12abc34d567e8fa901bc2d34e56789f0", Mode: guardduty.ModeSingleAccount, RoleName: "other-role"})
	})
	lztest.ExpectInvalid(t, err, "guardduty: DetectorProps.", `DetectorProps.RoleName "other-role": the stack's GuardDuty handler exists already with role name "lzadmin-guardduty-eu-west-1"`)
	lztest.ExpectNoChild(t, stack, "Second")
}
