package configrules_test

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestRecorderPropsErrors(t *testing.T) {
	with := func(edit func(p *configrules.RecorderProps)) configrules.RecorderProps {
		p := baseProps()
		edit(&p)
		return p
	}
	manyAMIs := make([]string, configrules.MaxApprovedAMIIDs+1)
	for i := range manyAMIs {
		manyAMIs[i] = "ami-" + strings.Repeat("0", 15) + string(rune('a'+i%6)) + string(rune('a'+i/6))
	}
	for _, tc := range []struct {
		name  string
		props configrules.RecorderProps
		want  []string
	}{
		{"zero value", configrules.RecorderProps{}, []string{
			`RecorderProps.BucketName "": required`, `RecorderProps.HomeRegion "": required`, `RecorderProps.GuardDutyAdminAccount "": required`}},
		{"adopted recorder with settings of a new one", with(func(p *configrules.RecorderProps) {
			p.AdoptExistingRecorder, p.KeyPrefix, p.DailyRecording = true, "config", true
		}), []string{
			`RecorderProps.BucketName: the adopted recorder decides what it records and where it delivers`,
			`RecorderProps.KeyPrefix: the adopted recorder decides`, `RecorderProps.DailyRecording: the adopted recorder decides`}},
		{"malformed bucket", with(func(p *configrules.RecorderProps) { p.BucketName = "Log_Archive" }),
			[]string{`RecorderProps.BucketName "Log_Archive": not an S3 bucket name`}},
		{"key prefix with slashes", with(func(p *configrules.RecorderProps) { p.KeyPrefix = "/config/" }),
			[]string{`RecorderProps.KeyPrefix "/config/": must not start with a slash`, `RecorderProps.KeyPrefix "/config/": must not end with a slash`}},
		{"bucket key not a KMS key", with(func(p *configrules.RecorderProps) { p.BucketKeyArn = "arn:aws:kms:eu-west-1:222222222222:alias/logs" }),
			[]string{`RecorderProps.BucketKeyArn "arn:aws:kms:eu-west-1:222222222222:alias/logs": the resource part must start with "key/"`}},
		{"malformed home region", with(func(p *configrules.RecorderProps) { p.HomeRegion = "Europe" }),
			[]string{`RecorderProps.HomeRegion "Europe": not an AWS region name`}},
		{"malformed GuardDuty account", with(func(p *configrules.RecorderProps) { p.GuardDutyAdminAccount = "3333" }),
			[]string{`RecorderProps.GuardDutyAdminAccount "3333": not a 12-digit AWS account ID`}},
		{"GuardDuty account without its rule", with(func(p *configrules.RecorderProps) {
			p.DisabledRules = []configrules.Rule{configrules.RuleGuardDutyCentralized}
		}), []string{`RecorderProps.GuardDutyAdminAccount "333333333333": set, but rule guardduty-enabled-centralized is disabled`}},
		{"unknown rule", with(func(p *configrules.RecorderProps) { p.DisabledRules = []configrules.Rule{"restricted-rdp"} }),
			[]string{`RecorderProps.DisabledRules[0] "restricted-rdp": unknown rule; want one of ["restricted-ssh"`}},
		{"approved-AMI rule disabled by name", with(func(p *configrules.RecorderProps) {
			p.DisabledRules = []configrules.Rule{configrules.RuleApprovedAMIsByID}
		}),
			[]string{"RecorderProps.DisabledRules[0] \"approved-amis-by-id\": is on only with `ApprovedAMIIDs` or `ApprovedAMITags`"}},
		{"rule disabled twice", with(func(p *configrules.RecorderProps) {
			p.DisabledRules = []configrules.Rule{configrules.RuleEncryptedVolumes, configrules.RuleEncryptedVolumes}
		}), []string{`RecorderProps.DisabledRules[1] "encrypted-volumes": duplicate of RecorderProps.DisabledRules[0]`}},
		{"too many blocked ports", with(func(p *configrules.RecorderProps) { p.BlockedPorts = []int{20, 21, 22, 23, 25, 3389} }),
			[]string{`RecorderProps.BlockedPorts [20 21 22 23 25 3389]: 6 ports; the rule takes at most 5`}},
		{"blocked port out of range", with(func(p *configrules.RecorderProps) { p.BlockedPorts = []int{0, 70000} }),
			[]string{`RecorderProps.BlockedPorts[0] 0: not a port number`, `RecorderProps.BlockedPorts[1] 70000: not a port number`}},
		{"blocked port twice", with(func(p *configrules.RecorderProps) { p.BlockedPorts = []int{3389, 3389} }),
			[]string{`RecorderProps.BlockedPorts[1] "3389": duplicate of RecorderProps.BlockedPorts[0]`}},
		{"blocked ports without their rule", with(func(p *configrules.RecorderProps) {
			p.BlockedPorts = []int{3389}
			p.DisabledRules = []configrules.Rule{configrules.RuleRestrictedCommonPorts}
		}), []string{`RecorderProps.BlockedPorts [3389]: set, but rule restricted-common-ports is disabled`}},
		{"malformed AMI IDs", with(func(p *configrules.RecorderProps) {
			p.ApprovedAMIIDs = []string{"ami-123", "ami-0123456789ABCDEF0", "i-0123456789abcdef0", "ami-0123456789abcdef01"}
		}), []string{
			`RecorderProps.ApprovedAMIIDs[0] "ami-123": not an AMI ID`, `RecorderProps.ApprovedAMIIDs[1] "ami-0123456789ABCDEF0": not an AMI ID`,
			`RecorderProps.ApprovedAMIIDs[2] "i-0123456789abcdef0": not an AMI ID`, `RecorderProps.ApprovedAMIIDs[3] "ami-0123456789abcdef01": not an AMI ID`}},
		{"AMI ID twice", with(func(p *configrules.RecorderProps) { p.ApprovedAMIIDs = []string{"ami-12345678", "ami-12345678"} }),
			[]string{`RecorderProps.ApprovedAMIIDs[1] "ami-12345678": duplicate of RecorderProps.ApprovedAMIIDs[0]`}},
		{"too many AMI IDs", with(func(p *configrules.RecorderProps) { p.ApprovedAMIIDs = manyAMIs }),
			[]string{`RecorderProps.ApprovedAMIIDs ["ami-`, `22 AMIs; the rule takes at most 21`}},
		{"malformed AMI tags", with(func(p *configrules.RecorderProps) {
			p.ApprovedAMITags = []string{"", "a,b", ":value", strings.Repeat("k", 129)}
		}),
			[]string{`RecorderProps.ApprovedAMITags[0] "": not a tag`, `RecorderProps.ApprovedAMITags[1] "a,b": not a tag`, `RecorderProps.ApprovedAMITags[2] ":value": not a tag`, `RecorderProps.ApprovedAMITags[3] "kkk`}},
		{"too many AMI tags", with(func(p *configrules.RecorderProps) {
			p.ApprovedAMITags = []string{"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10"}
		}), []string{`11 tags; the rule takes at most 10`}},
		{"AMIs by ID and by tag", with(func(p *configrules.RecorderProps) {
			p.ApprovedAMIIDs = []string{"ami-12345678"}
			p.ApprovedAMITags = []string{"approved"}
		}), []string{"RecorderProps.ApprovedAMITags [\"approved\"]: set together with `ApprovedAMIIDs`"}},
		{"remediation without its rules", with(func(p *configrules.RecorderProps) {
			p.RemediatePublicBuckets = true
			p.DisabledRules = []configrules.Rule{configrules.RuleS3PublicReadProhibited, configrules.RuleS3PublicWriteProhibited}
		}), []string{"RecorderProps.RemediatePublicBuckets true: needs rule s3-bucket-public-read-prohibited or s3-bucket-public-write-prohibited"}},
		{"every problem at once", configrules.RecorderProps{
			BucketName: "x", KeyPrefix: "config/", HomeRegion: "eu", GuardDutyAdminAccount: "1",
			DisabledRules: []configrules.Rule{"bogus"}, BlockedPorts: []int{-1}, ApprovedAMIIDs: []string{"ami-xyz"}, ApprovedAMITags: []string{","},
		}, []string{
			`RecorderProps.BucketName "x"`, `RecorderProps.KeyPrefix "config/"`, `RecorderProps.HomeRegion "eu"`, `RecorderProps.GuardDutyAdminAccount "1"`,
			`RecorderProps.DisabledRules[0] "bogus"`, `RecorderProps.BlockedPorts[0] -1`, `RecorderProps.ApprovedAMIIDs[0] "ami-xyz"`,
			`RecorderProps.ApprovedAMITags[0] ","`, "set together with `ApprovedAMIIDs`"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = configrules.NewRecorder(stack, "Config", tc.props) })
			lztest.ExpectInvalid(t, err, "configrules: RecorderProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Config")
			if verr := tc.props.Validate(); verr == nil || verr.Error() != err.Error() {
				t.Errorf("Validate() = %v, want the constructor's error", verr)
			}
		})
	}
}

// AWS Config keeps one recorder per account and region: a second in the stack is
// refused, and adopting the first is not.
func TestSecondRecorderInAStack(t *testing.T) {
	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() {
		if _, err = configrules.NewRecorder(stack, "First", baseProps()); err != nil {
			t.Fatal(err)
		}
		_, err = configrules.NewRecorder(stack, "Second", baseProps())
	})
	lztest.ExpectInvalid(t, err, "configrules: RecorderProps", "configrules: RecorderProps: a second ConfigRecorder in the stack: AWS Config keeps one configuration recorder per account and region")
	lztest.ExpectNoChild(t, stack, "Second")
	adopt := baseProps()
	adopt.AdoptExistingRecorder = true
	adopt.BucketName = ""
	lztest.Do(t, func() { _, err = configrules.NewRecorder(stack, "Adopting", adopt) })
	if err != nil {
		t.Errorf("adopting the stack's recorder: %v", err)
	}
}
