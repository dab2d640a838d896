package configrules_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/configrules"
)

// AWS Config in a workload account, outside the home region: the rules about global
// resources stay in the home region, and only approved AMIs may run.
func ExampleNewRecorder() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Baseline"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-central-1")},
	})

	rec, err := configrules.NewRecorder(stack, "Config", configrules.RecorderProps{
		BucketName:            "lz-config-222222222222-eu-west-1",
		HomeRegion:            "eu-west-1",
		GuardDutyAdminAccount: "333333333333",
		DisabledRules:         []configrules.Rule{configrules.RuleEncryptedVolumes},
		ApprovedAMITags:       []string{"hardening:cis-level-1"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rule := range configrules.DefaultRules() {
		if rec.Rules[rule] == nil {
			fmt.Println("off:", rule)
		}
	}
	fmt.Println(configrules.ConfigRuleName(configrules.RuleApprovedAMIsByTag), rec.Rules[configrules.RuleApprovedAMIsByTag] != nil)
	// Output:
	// off: encrypted-volumes
	// off: root-account-mfa-enabled
	// off: iam-no-inline-policy-check
	// landingzone-approved-amis-by-tag true
}

// Every problem in the props comes back at once, and nothing is added to the stack.
func ExampleNewRecorder_errors() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Baseline"), nil)

	_, err := configrules.NewRecorder(stack, "Config", configrules.RecorderProps{
		BucketName:            "lz-config-222222222222-eu-west-1",
		HomeRegion:            "eu-west-1",
		GuardDutyAdminAccount: "333333333333",
		DisabledRules:         []configrules.Rule{"restricted-rdp"},
		ApprovedAMIIDs:        []string{"ami-0123456789abcdef0", "ami-12"},
	})
	fmt.Println(err)
	fmt.Println("children:", len(*stack.Node().Children()))
	// Output:
	// configrules: RecorderProps.DisabledRules[0] "restricted-rdp": unknown rule; want one of ["restricted-ssh" "restricted-common-ports" "s3-bucket-public-read-prohibited" "s3-bucket-public-write-prohibited" "s3-bucket-ssl-requests-only" "encrypted-volumes" "vpc-flow-logs-enabled" "cloudtrail-enabled" "guardduty-enabled-centralized" "root-account-mfa-enabled" "iam-no-inline-policy-check"]
	// configrules: RecorderProps.ApprovedAMIIDs[1] "ami-12": not an AMI ID such as "ami-0123456789abcdef0"
	// children: 0
}

// The log archive grants AWS Config of every account the objects under this pattern.
func ExampleDeliveryKeyPattern() {
	fmt.Println(configrules.DeliveryKeyPattern(configrules.DefaultKeyPrefix, "*"))
	// Output: config/AWSLogs/*/Config/*
}
