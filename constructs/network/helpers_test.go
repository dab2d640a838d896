package network_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"

	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// defaultRoutes maps each subnet's logical ID to the target of its 0.0.0.0/0 route, as
// "<property>:<target>" with the target's logical ID stripped of its hash.
func defaultRoutes(tpl *lztest.Template) map[string]string {
	tableOf := map[string]string{}
	for _, a := range tpl.Properties("AWS::EC2::SubnetRouteTableAssociation") {
		tableOf[ref(a["RouteTableId"])] = ref(a["SubnetId"])
	}
	routes := map[string]string{}
	for _, r := range tpl.Properties("AWS::EC2::Route") {
		if r["DestinationCidrBlock"] != "0.0.0.0/0" {
			continue
		}
		for _, key := range []string{"NatGatewayId", "GatewayId", "TransitGatewayId"} {
			target, ok := r[key]
			if !ok {
				continue
			}
			name := ref(target)
			if _, isRef := target.(map[string]any); isRef {
				name = strings.TrimRight(name, "0123456789ABCDEF")
			}
			routes[tableOf[ref(r["RouteTableId"])]] = key + ":" + name
		}
	}
	return routes
}

// ref returns the logical ID of a {"Ref": id} value, or the value itself when it is a
// literal.
func ref(v any) string {
	if m, ok := v.(map[string]any); ok {
		return fmt.Sprint(m["Ref"])
	}
	return fmt.Sprint(v)
}

// subnetID returns the logical ID of subnet's CloudFormation resource.
func subnetID(subnet awsec2.ISubnet) string {
	return ref(awscdk.Stack_Of(subnet).Resolve(subnet.SubnetId()))
}

// cidrs lists the subnets' ranges, sorted.
func cidrs(subnets []awsec2.ISubnet) []string {
	var out []string
	for _, s := range subnets {
		out = append(out, *s.Ipv4CidrBlock())
	}
	sort.Strings(out)
	return out
}

func assertNoPublicIPOnLaunch(t *testing.T, tpl *lztest.Template) {
	t.Helper()
	for id, s := range tpl.Properties("AWS::EC2::Subnet") {
		if s["MapPublicIpOnLaunch"] == true {
			t.Errorf("subnet %s maps public IPs on launch", id)
		}
	}
}

func assertNoIngressFromAnywhere(t *testing.T, tpl *lztest.Template) {
	t.Helper()
	for id, sg := range tpl.Properties("AWS::EC2::SecurityGroup") {
		rules, _ := sg["SecurityGroupIngress"].([]any)
		for _, r := range rules {
			if cidr := r.(map[string]any)["CidrIp"]; cidr == "0.0.0.0/0" {
				t.Errorf("security group %s admits 0.0.0.0/0", id)
			}
		}
	}
	for id, r := range tpl.Properties("AWS::EC2::SecurityGroupIngress") {
		if r["CidrIp"] == "0.0.0.0/0" {
			t.Errorf("ingress rule %s admits 0.0.0.0/0", id)
		}
	}
}

// assertSubnetsFollowPlan checks that the CDK allocated exactly the blocks that
// validation planned, so that validation's fit check speaks for the real layout.
func assertSubnetsFollowPlan(t *testing.T, vpc *network.Vpc, tpl *lztest.Template) {
	t.Helper()
	var planned, synthesized []string
	for _, p := range vpc.Plan {
		planned = append(planned, p.Cidr.String())
	}
	for _, s := range tpl.Properties("AWS::EC2::Subnet") {
		synthesized = append(synthesized, fmt.Sprint(s["CidrBlock"]))
	}
	sort.Strings(planned)
	sort.Strings(synthesized)
	if strings.Join(planned, " ") != strings.Join(synthesized, " ") {
		t.Errorf("subnets %v, plan %v", synthesized, planned)
	}
}

func assertFlowLogToEncryptedGroup(t *testing.T, tpl *lztest.Template, days int) {
	t.Helper()
	tpl.HasResourceProperties("AWS::EC2::FlowLog", map[string]any{
		"TrafficType": "ALL", "LogDestinationType": "cloud-watch-logs", "ResourceType": "VPC",
	})
	tpl.HasResource("AWS::Logs::LogGroup", map[string]any{
		"Properties": map[string]any{
			"RetentionInDays": days,
			"KmsKeyId":        map[string]any{"Fn::GetAtt": assertions.Match_AnyValue()},
		},
		"DeletionPolicy": "Retain",
	})
	tpl.HasResourceProperties("AWS::KMS::Key", map[string]any{"EnableKeyRotation": true})
}

func assertGatewayEndpoints(t *testing.T, tpl *lztest.Template) {
	t.Helper()
	for _, svc := range []string{"s3", "dynamodb"} {
		tpl.HasResourceProperties("AWS::EC2::VPCEndpoint", map[string]any{
			"VpcEndpointType": "Gateway",
			"ServiceName":     map[string]any{"Fn::Join": []any{"", []any{"com.amazonaws.", map[string]any{"Ref": "AWS::Region"}, "." + svc}}},
		})
	}
	// Through the endpoints, only the account's buckets and tables (no organization
	// given here), and reading the AWS package buckets the instances need.
	own := `{"Action":"*","Condition":{"StringEquals":{"aws:ResourceAccount":"123456789012"}},"Effect":"Allow","Principal":{"AWS":"*"},"Resource":"*"}`
	tpl.StatementIs("AWS::EC2::VPCEndpoint", "S3OnlyAccountResources", own)
	tpl.StatementIs("AWS::EC2::VPCEndpoint", "DynamoDBOnlyAccountResources", own)
	tpl.StatementIs("AWS::EC2::VPCEndpoint", "S3ReadAWSPackagesAndListedBuckets",
		`{"Action":"s3:GetObject","Effect":"Allow","Principal":{"AWS":"*"},"Resource":["arn:aws:s3:::al2023-repos-eu-west-1-de612dc2/*","arn:aws:s3:::amazon-ssm-eu-west-1/*","arn:aws:s3:::aws-ssm-eu-west-1/*"]}`)
}
