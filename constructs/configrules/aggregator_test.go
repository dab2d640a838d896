package configrules_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestOrganizationAggregator(t *testing.T) {
	var agg *configrules.OrganizationAggregator
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if agg, err = configrules.NewOrganizationAggregator(s, "Aggregator", configrules.OrganizationAggregatorProps{}); err != nil {
			t.Fatal(err)
		}
	})
	roleID := logicalID(agg.Role.Node().DefaultChild().(awscdk.CfnResource))

	// Every account, every region, present and future, read with the AWS managed role
	// policy for organizations, after the role exists.
	tpl.HasResource("AWS::Config::ConfigurationAggregator", map[string]any{
		"Properties": map[string]any{"OrganizationAggregationSource": map[string]any{
			"AllAwsRegions": true,
			"RoleArn":       map[string]any{"Fn::GetAtt": []any{roleID, "Arn"}},
		}},
		"DependsOn": []any{roleID},
	})
	// Only this account's AWS Config may assume the role.
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow",
			"Principal": map[string]any{"Service": "config.amazonaws.com"},
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": lztest.Account}},
		}}},
		"ManagedPolicyArns": []any{map[string]any{"Fn::Join": []any{"", []any{"arn:", map[string]any{"Ref": "AWS::Partition"}, ":iam::aws:policy/service-role/AWSConfigRoleForOrganizations"}}}},
	})
	if got := awscdk.Stack_Of(agg).Resolve(agg.Name()); got.(map[string]any)["Ref"] != logicalID(agg.Aggregator) {
		t.Errorf("Name() resolves to %v, want a reference to the aggregator", got)
	}
	lztest.Golden(t, tpl)
}

func TestOrganizationAggregatorRegions(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		if _, err := configrules.NewOrganizationAggregator(s, "Aggregator", configrules.OrganizationAggregatorProps{Regions: []string{"eu-west-1", "eu-central-1"}}); err != nil {
			t.Fatal(err)
		}
	})
	tpl.HasResourceProperties("AWS::Config::ConfigurationAggregator", map[string]any{
		"OrganizationAggregationSource": map[string]any{"AwsRegions": []any{"eu-west-1", "eu-central-1"}},
	})
}

func TestOrganizationAggregatorPropsErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		props configrules.OrganizationAggregatorProps
		want  []string
	}{
		{"malformed region", configrules.OrganizationAggregatorProps{Regions: []string{"eu-west-1", "Ireland"}},
			[]string{`OrganizationAggregatorProps.Regions[1] "Ireland": not an AWS region name`}},
		{"region twice", configrules.OrganizationAggregatorProps{Regions: []string{"eu-west-1", "eu-west-1"}},
			[]string{`OrganizationAggregatorProps.Regions[1] "eu-west-1": duplicate of OrganizationAggregatorProps.Regions[0]`}},
		{"every problem at once", configrules.OrganizationAggregatorProps{Regions: []string{"", "us-east-1", "us-east-1"}},
			[]string{`OrganizationAggregatorProps.Regions[0] ""`, `OrganizationAggregatorProps.Regions[2] "us-east-1": duplicate`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = configrules.NewOrganizationAggregator(stack, "Aggregator", tc.props) })
			lztest.ExpectInvalid(t, err, "configrules: OrganizationAggregatorProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Aggregator")
		})
	}
}
