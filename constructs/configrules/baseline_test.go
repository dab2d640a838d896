package configrules_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/configrules"
	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// A workload Baseline as the landing zone builds it: a VPC that empties its default
// security group through AWS Config, and the recorder that rule needs. The template
// stays fit for StackSets, and the VPC's rule waits for the recorder.
func TestRecorderInBaseline(t *testing.T) {
	var rec *configrules.Recorder
	var vpcRule awscdk.CfnResource
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		vpc, err := network.NewVpc(s, "Vpc", network.VpcProps{Egress: network.EgressNone, DefaultSecurityGroup: network.DefaultSecurityGroupConfigRemediation})
		if err != nil {
			t.Fatal(err)
		}
		if rec, err = configrules.NewRecorder(s, "Config", baseProps()); err != nil {
			t.Fatal(err)
		}
		rule := vpc.Node().FindChild(jsii.String("DefaultSecurityGroupClosed"))
		rec.AddDependent(rule)
		vpcRule = rule.Node().DefaultChild().(awscdk.CfnResource)
	})
	tpl.HasResource("AWS::Config::ConfigRule", map[string]any{
		"Properties": map[string]any{"Source": map[string]any{"Owner": "AWS", "SourceIdentifier": "VPC_DEFAULT_SECURITY_GROUP_CLOSED"}},
		"DependsOn":  []any{logicalID(rec.DeliveryChannel), logicalID(rec.Recorder)},
	})
	if id := logicalID(vpcRule); tpl.Resources("AWS::Config::ConfigRule")[id] == nil {
		t.Errorf("the VPC's rule %s is not in the template", id)
	}
	lztest.AssertStackSetSafe(t, "Baseline", tpl)
}
