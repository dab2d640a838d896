package guardduty_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/constructs/guardduty"
)

func env(account string) *awscdk.StackProps {
	return &awscdk.StackProps{Env: &awscdk.Environment{Account: jsii.String(account), Region: jsii.String("eu-west-1")}}
}

// Organization-wide GuardDuty: the management account designates the audit account,
// which then configures every account, archives findings in the log archive and alerts
// on High and Critical ones. Deploy the management stack first.
func ExampleNewDetector() {
	app := awscdk.NewApp(nil)
	management := awscdk.NewStack(app, jsii.String("Organization"), env("111111111111"))
	admin, err := guardduty.NewDelegatedAdmin(management, "GuardDutyAdmin", guardduty.DelegatedAdminProps{AdminAccountID: "333333333333"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("log archive admits:", admin.DetectorArns())

	security := awscdk.NewStack(app, jsii.String("Security"), env("333333333333"))
	topic, err := alerting.NewAlertTopic(security, "Alerts", alerting.AlertTopicProps{Emails: []string{"security@example.com"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	detector, err := guardduty.NewDetector(security, "GuardDuty", guardduty.DetectorProps{
		AlertTopic:        topic.Topic,
		FindingsBucketArn: "arn:aws:s3:::lz-logs-222222222222-eu-west-1",
		FindingsKeyArn:    "arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		DisabledFeatures:  []guardduty.Feature{guardduty.FeatureEKSAuditLogs},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(detector.Mode, detector.OrganizationConfiguration != nil, detector.Destination != nil)
	// Output:
	// log archive admits: arn:aws:guardduty:eu-west-1:333333333333:detector/*
	// organization true true
}

// A single account without an organization: CloudFormation creates the detector, and
// Critical findings go to the topic.
func ExampleNewDetector_singleAccount() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Security"), env("444444444444"))
	topic, _ := alerting.NewAlertTopic(stack, "Alerts", alerting.AlertTopicProps{})

	detector, err := guardduty.NewDetector(stack, "GuardDuty", guardduty.DetectorProps{
		Mode: guardduty.ModeSingleAccount, AlertTopic: topic.Topic, MinSeverity: 9,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(detector.Resource != nil, detector.OrganizationConfiguration == nil)
	// Output:
	// true true
}

// Every problem comes back at once, and nothing is added to the stack.
func ExampleNewDetector_errors() {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Security"), nil)

	_, err := guardduty.NewDetector(stack, "GuardDuty", guardduty.DetectorProps{
		Mode:             guardduty.ModeSingleAccount,
		MinSeverity:      11,
		DisabledFeatures: []guardduty.Feature{"MALWARE_PROTECTION"},
	})
	fmt.Println(err)
	fmt.Println("children:", len(*stack.Node().Children()))
	// Output:
	// guardduty: DetectorProps.DisabledFeatures[0] "MALWARE_PROTECTION": unknown protection feature; want one of ["S3_DATA_EVENTS" "EKS_AUDIT_LOGS" "RUNTIME_MONITORING" "EBS_MALWARE_PROTECTION" "RDS_LOGIN_EVENTS" "LAMBDA_NETWORK_LOGS" "EKS_ADDON_MANAGEMENT" "ECS_FARGATE_AGENT_MANAGEMENT" "EC2_AGENT_MANAGEMENT"]
	// guardduty: DetectorProps.AlertTopic: required: findings must reach the security team
	// guardduty: DetectorProps.MinSeverity 11: outside GuardDuty's severity scale 1-10 (Critical is 9.0-10.0); zero means 7
	// children: 0
}
