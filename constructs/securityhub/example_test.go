package securityhub_test

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/securityhub"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// The management account designates the audit account; the audit account then
// configures Security Hub for the whole organization from its home region. The app
// enables partition literals, as the repository's cdk.json does, so that the
// standards' ARNs are plain strings.
func ExampleNewHub() {
	app := awscdk.NewApp(&awscdk.AppProps{Context: &map[string]interface{}{"@aws-cdk/core:enablePartitionLiterals": true}})
	management := awscdk.NewStack(app, jsii.String("Organization"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("111111111111"), Region: jsii.String("eu-west-1")},
	})
	if _, err := securityhub.NewDelegatedAdmin(management, "SecurityHubAdmin", securityhub.DelegatedAdminProps{AdminAccount: "333333333333"}); err != nil {
		fmt.Println(err)
		return
	}

	audit := awscdk.NewStack(app, jsii.String("Security"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("333333333333"), Region: jsii.String("eu-west-1")},
	})
	topic := awssns.NewTopic(audit, jsii.String("Alerts"), &awssns.TopicProps{
		MasterKey: secure.NewKey(audit, "AlertsKey", "security alerts"), EnforceSSL: jsii.Bool(true),
	})
	hub, err := securityhub.NewHub(audit, "SecurityHub", securityhub.HubProps{
		OrganizationRootID: "r-ab12",
		AlertTopic:         topic,
		DisabledControls:   []string{"IAM.6"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, arn := range hub.Standards() {
		fmt.Println(arn)
	}
	// Output:
	// arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0
	// arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0
}

// Every problem in the props comes back at once, and nothing is added to the stack.
func ExampleNewHub_errors() {
	app := awscdk.NewApp(nil)
	audit := awscdk.NewStack(app, jsii.String("Security"), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("333333333333"), Region: jsii.String("eu-west-1")},
	})
	_, err := securityhub.NewHub(audit, "SecurityHub", securityhub.HubProps{
		OrganizationRootID: "r-AB12",
		LinkedRegions:      []string{"eu-west-1"},
	})
	fmt.Println(err)
	fmt.Println("children:", len(*audit.Node().Children()))
	// Output:
	// securityhub: HubProps.OrganizationRootID "r-AB12": not an organization root ID such as "r-ab12"
	// securityhub: HubProps.AlertTopic: required
	// securityhub: HubProps.LinkedRegions[0] "eu-west-1": is the home region, which aggregates the others; list linked regions only
	// children: 0
}
