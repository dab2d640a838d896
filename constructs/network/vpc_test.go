package network_test

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// synthVpc builds one VPC in the test stack and returns it with its template.
func synthVpc(t *testing.T, props network.VpcProps) (*network.Vpc, *lztest.Template) {
	t.Helper()
	var vpc *network.Vpc
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if vpc, err = network.NewVpc(s, "Vpc", props); err != nil {
			t.Fatalf("NewVpc: %v", err)
		}
	})
	return vpc, tpl
}

func TestVpcNatPerAZ(t *testing.T) {
	vpc, tpl := synthVpc(t, network.VpcProps{Name: "prod", AZCount: 3})

	tpl.ResourceCountIs("AWS::EC2::NatGateway", 3)
	tpl.ResourceCountIs("AWS::EC2::InternetGateway", 1)
	assertNoPublicIPOnLaunch(t, tpl)
	assertSubnetsFollowPlan(t, vpc, tpl)
	// Each AZ's private subnet leaves through the NAT gateway of its own AZ.
	routes := defaultRoutes(tpl)
	nats := map[string]bool{}
	for _, s := range vpc.PrivateSubnets {
		target := routes[subnetID(s)]
		if !strings.HasPrefix(target, "NatGatewayId:VpcPublicSubnet") {
			t.Errorf("private subnet %s: default route to %q, want its AZ's NAT gateway", *s.AvailabilityZone(), target)
		}
		nats[target] = true
	}
	if len(nats) != 3 {
		t.Errorf("private subnets use %d NAT gateways, want one each: %v", len(nats), nats)
	}
	for _, s := range vpc.IsolatedSubnets {
		if target, ok := routes[subnetID(s)]; ok {
			t.Errorf("isolated subnet %s has a default route to %s", *s.AvailabilityZone(), target)
		}
	}
	// NAT gateways use explicit Elastic IPs.
	tpl.ResourceCountIs("AWS::EC2::EIP", 3)
	tpl.AllResourcesProperties("AWS::EC2::NatGateway", map[string]any{
		"AllocationId": map[string]any{"Fn::GetAtt": assertions.Match_AnyValue()},
	})
	tpl.HasResourceProperties("AWS::EC2::Subnet", map[string]any{
		"Tags": assertions.Match_ArrayWith(&[]any{map[string]any{"Key": "Name", "Value": "prod-private-eu-west-1c"}}),
	})
	tpl.HasResourceProperties("AWS::EC2::NatGateway", map[string]any{
		"Tags": assertions.Match_ArrayWith(&[]any{map[string]any{"Key": "Name", "Value": "prod-nat-eu-west-1a"}}),
	})
	assertFlowLogToEncryptedGroup(t, tpl, 365)
	assertGatewayEndpoints(t, tpl)
	// The CDK's custom resource empties the default security group.
	tpl.ResourceCountIs("Custom::VpcRestrictDefaultSG", 1)
	lztest.Golden(t, tpl)
}

func TestVpcSingleNat(t *testing.T) {
	vpc, tpl := synthVpc(t, network.VpcProps{Egress: network.EgressSingleNat})

	tpl.ResourceCountIs("AWS::EC2::NatGateway", 1)
	routes := defaultRoutes(tpl)
	for _, s := range vpc.PrivateSubnets {
		if target := routes[subnetID(s)]; target != "NatGatewayId:VpcPublicSubnet1NATGateway" {
			t.Errorf("private subnet %s: default route to %q, want the single NAT gateway", *s.AvailabilityZone(), target)
		}
	}
	assertNoPublicIPOnLaunch(t, tpl)
	lztest.Golden(t, tpl)
}

func TestVpcNoEgress(t *testing.T) {
	vpc, tpl := synthVpc(t, network.VpcProps{Egress: network.EgressNone})

	for _, typ := range []string{"AWS::EC2::InternetGateway", "AWS::EC2::NatGateway", "AWS::EC2::EIP"} {
		tpl.ResourceCountIs(typ, 0)
	}
	if len(vpc.PublicSubnets) != 0 {
		t.Errorf("%d public subnets, want none", len(vpc.PublicSubnets))
	}
	if routes := defaultRoutes(tpl); len(routes) != 0 {
		t.Errorf("default routes %v, want none", routes)
	}
	assertSubnetsFollowPlan(t, vpc, tpl)
	assertGatewayEndpoints(t, tpl)
	lztest.Golden(t, tpl)
}

// Phase two of a spoke: its attachment, recorded and accepted, carries the private
// subnets' default route.
func TestVpcTransitGateway(t *testing.T) {
	vpc, tpl := synthVpc(t, network.VpcProps{Egress: network.EgressTransitGateway, TransitGatewayID: "tgw-0123456789abcdef0",
		TransitGatewayAttachmentID: "tgw-attach-0a1b2c3d4e5f60718", Cidr: "10.1.0.0/16"})

	tpl.ResourceCountIs("AWS::EC2::InternetGateway", 0)
	tpl.ResourceCountIs("AWS::EC2::NatGateway", 0)
	// Dedicated /28 attachment subnets, first in the range so other tiers never move them.
	if got := cidrs(vpc.AttachmentSubnets); strings.Join(got, " ") != "10.1.0.0/28 10.1.0.16/28" {
		t.Errorf("attachment subnets %v, want 10.1.0.0/28 10.1.0.16/28", got)
	}
	tpl.HasResourceProperties("AWS::EC2::TransitGatewayAttachment", map[string]any{
		"TransitGatewayId": "tgw-0123456789abcdef0",
		"SubnetIds":        []any{map[string]any{"Ref": subnetID(vpc.AttachmentSubnets[0])}, map[string]any{"Ref": subnetID(vpc.AttachmentSubnets[1])}},
	})
	routes := defaultRoutes(tpl)
	for _, s := range vpc.PrivateSubnets {
		if target := routes[subnetID(s)]; target != "TransitGatewayId:tgw-0123456789abcdef0" {
			t.Errorf("private subnet %s: default route to %q, want the Transit Gateway", *s.AvailabilityZone(), target)
		}
	}
	for _, s := range append(vpc.AttachmentSubnets, vpc.IsolatedSubnets...) {
		if target, ok := routes[subnetID(s)]; ok {
			t.Errorf("subnet %s has a default route to %s, want none", *s.Ipv4CidrBlock(), target)
		}
	}
	tpl.HasResource("AWS::EC2::Route", map[string]any{
		"Properties": map[string]any{"TransitGatewayId": "tgw-0123456789abcdef0"},
		"DependsOn":  assertions.Match_ArrayWith(&[]any{assertions.Match_StringLikeRegexp(jsii.String("TransitGatewayAttachment"))}),
	})
	assertSubnetsFollowPlan(t, vpc, tpl)
	lztest.Golden(t, tpl)
}

func TestVpcProxy(t *testing.T) {
	vpc, tpl := synthVpc(t, network.VpcProps{
		Egress: network.EgressProxy,
		Proxy:  egressproxy.Settings{AllowedDomains: []string{"sts.eu-west-1.amazonaws.com", "github.com"}, Port: 8080},
	})

	tpl.ResourceCountIs("AWS::EC2::NatGateway", 0)
	if vpc.Proxy == nil {
		t.Fatal("Proxy is nil in proxy mode")
	}
	// Private subnets have no route to the internet: the proxy is the only way out.
	routes := defaultRoutes(tpl)
	for _, s := range vpc.PrivateSubnets {
		if target, ok := routes[subnetID(s)]; ok {
			t.Errorf("private subnet %s has a default route to %s", *s.AvailabilityZone(), target)
		}
	}
	// The proxy admits the private subnets and nothing else.
	private := cidrs(vpc.PrivateSubnets)
	for id, sg := range tpl.Properties("AWS::EC2::SecurityGroup") {
		if !strings.Contains(id, "Proxy") {
			continue
		}
		ingress, _ := sg["SecurityGroupIngress"].([]any)
		var sources []string
		for _, r := range ingress {
			rule := r.(map[string]any)
			sources = append(sources, fmt.Sprint(rule["CidrIp"]))
			if rule["FromPort"] != float64(8080) || rule["ToPort"] != float64(8080) {
				t.Errorf("%s admits ports %v-%v, want 8080 only", id, rule["FromPort"], rule["ToPort"])
			}
		}
		sort.Strings(sources)
		if strings.Join(sources, " ") != strings.Join(private, " ") {
			t.Errorf("%s admits %v, want the private subnets %v", id, sources, private)
		}
	}
	assertNoIngressFromAnywhere(t, tpl)
	assertNoPublicIPOnLaunch(t, tpl)
	tpl.ResourceCountIs("AWS::EC2::EIP", 2)
	tpl.ResourceCountIs("AWS::AutoScaling::AutoScalingGroup", 2)
	lztest.Golden(t, tpl)
}

func TestVpcFlowLogsToBucket(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		bucket := awss3.Bucket_FromBucketName(s, jsii.String("LogArchive"), jsii.String("lz-logs-111111111111-eu-west-1"))
		if _, err := network.NewVpc(s, "Vpc", network.VpcProps{FlowLogBucket: bucket, FlowLogKeyPrefix: "flow/workload"}); err != nil {
			t.Fatal(err)
		}
	})
	tpl.HasResourceProperties("AWS::EC2::FlowLog", map[string]any{
		"TrafficType":        "ALL",
		"LogDestinationType": "s3",
		"LogDestination":     assertions.Match_StringLikeRegexp(jsii.String(`lz-logs-111111111111-eu-west-1/flow/workload/$`)),
	})
	// The keys CloudFormation requires, and only those: the CDK writes
	// lower-camel-case keys, which fail at deploy time (aws-cdk#25432).
	want := map[string]any{"FileFormat": "parquet", "HiveCompatiblePartitions": true, "PerHourPartition": true}
	if got := tpl.Single("AWS::EC2::FlowLog")["DestinationOptions"]; !reflect.DeepEqual(got, want) {
		t.Errorf("DestinationOptions = %v, want %v", got, want)
	}
	// The CDK's default-security-group handler logs to the one encrypted group.
	tpl.ResourceCountIs("AWS::Logs::LogGroup", 1)
	lztest.Golden(t, tpl)
}

func TestVpcInterfaceEndpoints(t *testing.T) {
	vpc, tpl := synthVpc(t, network.VpcProps{Cidr: "10.20.0.0/16", InterfaceEndpoints: []string{"ssm", "ssmmessages", "ec2messages", "kms", "logs", "sts"}})

	tpl.ResourcePropertiesCountIs("AWS::EC2::VPCEndpoint", map[string]any{"VpcEndpointType": "Interface", "PrivateDnsEnabled": true}, 6)
	tpl.HasResourceProperties("AWS::EC2::VPCEndpoint", map[string]any{
		"ServiceName": "com.amazonaws.eu-west-1.ssmmessages",
		"SubnetIds":   []any{map[string]any{"Ref": subnetID(vpc.PrivateSubnets[0])}, map[string]any{"Ref": subnetID(vpc.PrivateSubnets[1])}},
	})
	tpl.HasResourceProperties("AWS::EC2::SecurityGroup", map[string]any{
		"SecurityGroupIngress": []any{map[string]any{"CidrIp": "10.20.0.0/16", "FromPort": 443, "ToPort": 443, "IpProtocol": "tcp", "Description": "HTTPS from the VPC"}},
	})
	assertNoIngressFromAnywhere(t, tpl)
	lztest.Golden(t, tpl)
}

func TestVpcDefaultSecurityGroupConfigRemediation(t *testing.T) {
	vpc, tpl := synthVpc(t, network.VpcProps{Egress: network.EgressNone, DefaultSecurityGroup: network.DefaultSecurityGroupConfigRemediation})
	defaultGroup := awscdk.Stack_Of(vpc).Resolve(vpc.Vpc.VpcDefaultSecurityGroup())

	// No custom resource and no asset: the stack suits StackSets.
	tpl.ResourceCountIs("Custom::VpcRestrictDefaultSG", 0)
	tpl.ResourceCountIs("AWS::Lambda::Function", 0)
	tpl.HasResourceProperties("AWS::Config::ConfigRule", map[string]any{
		"Source": map[string]any{"Owner": "AWS", "SourceIdentifier": "VPC_DEFAULT_SECURITY_GROUP_CLOSED"},
		"Scope": map[string]any{
			"ComplianceResourceTypes": []any{"AWS::EC2::SecurityGroup"},
			"ComplianceResourceId":    defaultGroup,
		},
	})
	tpl.HasResourceProperties("AWS::Config::RemediationConfiguration", map[string]any{
		"TargetId": "AWSConfigRemediation-RemoveVPCDefaultSecurityGroupRules", "Automatic": true,
	})
	// The remediation role may revoke rules of that one group only.
	tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{
		"PolicyDocument": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{map[string]any{
			"Action":   []any{"ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress"},
			"Effect":   "Allow",
			"Resource": map[string]any{"Fn::Join": []any{"", []any{"arn:aws:ec2:eu-west-1:123456789012:security-group/", defaultGroup}}},
		}})},
	})
	lztest.Golden(t, tpl)
}

func TestVpcShortFlowLogRetentionOptIn(t *testing.T) {
	_, tpl := synthVpc(t, network.VpcProps{FlowLogRetentionDays: 30, AllowShortFlowLogRetention: true, Egress: network.EgressNone})
	assertFlowLogToEncryptedGroup(t, tpl, 30)
}

func TestVpcExplicitZones(t *testing.T) {
	vpc, tpl := synthVpc(t, network.VpcProps{AvailabilityZones: []string{"eu-west-1b", "eu-west-1c"}, Egress: network.EgressNone})
	if got := *vpc.PrivateSubnets[0].AvailabilityZone() + " " + *vpc.PrivateSubnets[1].AvailabilityZone(); got != "eu-west-1b eu-west-1c" {
		t.Errorf("private subnets in %s, want eu-west-1b eu-west-1c", got)
	}
	tpl.ResourceCountIs("AWS::EC2::Subnet", 4)
}

// A Vpc is itself a construct: callers can tag it and find it in the tree.
func TestVpcIsAConstruct(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		vpc, err := network.NewVpc(s, "Vpc", network.VpcProps{Egress: network.EgressNone})
		if err != nil {
			t.Fatal(err)
		}
		awscdk.Tags_Of(vpc).Add(jsii.String("cost-centre"), jsii.String("platform"), nil)
		if got := *vpc.Node().Path(); got != "Test/Vpc" {
			t.Errorf("path %q, want Test/Vpc", got)
		}
	})
	tpl.AllResourcesProperties("AWS::EC2::Subnet", map[string]any{
		"Tags": assertions.Match_ArrayWith(&[]any{map[string]any{"Key": "cost-centre", "Value": "platform"}}),
	})
}

// An environment-agnostic stack resolves its zones at deploy time and offers two.
func TestVpcEnvironmentAgnostic(t *testing.T) {
	app := lztest.NewApp(t)
	stack := awscdk.NewStack(app, jsii.String("Agnostic"), nil)
	if _, err := network.NewVpc(stack, "Vpc", network.VpcProps{AZCount: 3}); err == nil || !strings.Contains(err.Error(), "VpcProps.AZCount 3: an environment-agnostic stack") {
		t.Errorf("AZCount 3 without a region: err = %v, want the two-zone limit named", err)
	}
	vpc, err := network.NewVpc(stack, "Vpc", network.VpcProps{Name: "agnostic"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(vpc.PrivateSubnets); n != 2 {
		t.Errorf("%d private subnets, want 2", n)
	}
}

// In proxy mode with DNSFirewall, the VPC's resolver answers only for the allow-list and
// what the VPC's own machinery needs, and NXDOMAIN for every other name; every query
// is logged to an encrypted group; the gateway endpoints admit the organization's
// resources only.
func TestVpcProxyDNSFirewall(t *testing.T) {
	_, tpl := synthVpc(t, network.VpcProps{
		Egress: network.EgressProxy, DNSFirewall: true, OrganizationID: "o-a1b2c3d4e5",
		Proxy:              egressproxy.Settings{AllowedDomains: []string{".github.com", "pypi.org"}},
		InterfaceEndpoints: []string{"kms"},
	})
	tpl.ResourceCountIs("AWS::Route53Resolver::FirewallDomainList", 2)
	tpl.HasResourceProperties("AWS::Route53Resolver::FirewallDomainList", map[string]any{"Domains": []any{"*"}})
	tpl.HasResourceProperties("AWS::Route53Resolver::FirewallDomainList", map[string]any{"Domains": []any{
		"*.eu-west-1.compute.internal", "*.github.com", "al2023-repos-eu-west-1-de612dc2.s3.dualstack.eu-west-1.amazonaws.com",
		"cdn.amazonlinux.com", "cloudformation.eu-west-1.amazonaws.com", "ec2.eu-west-1.amazonaws.com", "ec2messages.eu-west-1.amazonaws.com",
		"github.com", "kms.eu-west-1.amazonaws.com", "logs.eu-west-1.amazonaws.com", "monitoring.eu-west-1.amazonaws.com", "pypi.org",
		"ssm.eu-west-1.amazonaws.com", "ssmmessages.eu-west-1.amazonaws.com", "sts.eu-west-1.amazonaws.com",
	}})
	tpl.HasResourceProperties("AWS::Route53Resolver::FirewallRuleGroup", map[string]any{"FirewallRules": []any{
		map[string]any{"Action": "ALLOW", "Priority": 100, "FirewallDomainListId": map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^VpcDnsFirewallAllowed")), "Id"}}},
		map[string]any{"Action": "BLOCK", "BlockResponse": "NXDOMAIN", "Priority": 200, "FirewallDomainListId": map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^VpcDnsFirewallEverything")), "Id"}}},
	}})
	tpl.HasResourceProperties("AWS::Route53Resolver::FirewallRuleGroupAssociation", map[string]any{
		"Priority": 1000, "VpcId": map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Vpc"))},
	})
	tpl.HasResourceProperties("AWS::Route53Resolver::ResolverQueryLoggingConfig", map[string]any{
		"DestinationArn": map[string]any{"Fn::Join": []any{"", []any{"arn:aws:logs:eu-west-1:123456789012:log-group:", map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^VpcDnsQueryLogs"))}}}},
	})
	tpl.HasResourceProperties("AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation", map[string]any{
		"ResourceId": map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^Vpc"))},
	})
	tpl.HasResourceProperties("AWS::Logs::LogGroup", map[string]any{
		"RetentionInDays": 365, "KmsKeyId": map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^VpcDnsQueryLogsKey")), "Arn"}},
	})
	own := `{"Action":"*","Condition":{"StringEquals":{"aws:ResourceOrgID":"o-a1b2c3d4e5"}},"Effect":"Allow","Principal":{"AWS":"*"},"Resource":"*"}`
	tpl.StatementIs("AWS::EC2::VPCEndpoint", "S3OnlyOrganizationResources", own)
	tpl.StatementIs("AWS::EC2::VPCEndpoint", "DynamoDBOnlyOrganizationResources", own)
	lztest.Golden(t, tpl)
}

// The flow-log service may use the delivery role only for flow logs of this account
// and region (confused deputy).
func TestVpcFlowLogRoleTrust(t *testing.T) {
	_, tpl := synthVpc(t, network.VpcProps{Egress: network.EgressNone})
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow",
			"Principal": map[string]any{"Service": "vpc-flow-logs.amazonaws.com"},
			"Condition": map[string]any{
				"StringEquals": map[string]any{"aws:SourceAccount": "123456789012"},
				"ArnLike":      map[string]any{"aws:SourceArn": "arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*"},
			},
		}}},
	})
}

// The CDK's handler that empties the default security group would otherwise log to a
// group Lambda creates unencrypted and keeps forever.
func TestVpcRestrictDefaultSecurityGroupLogs(t *testing.T) {
	_, tpl := synthVpc(t, network.VpcProps{Egress: network.EgressNone})
	groups := tpl.Resources("AWS::Logs::LogGroup")
	var logicalID string
	for id := range groups {
		if strings.HasPrefix(id, network.RestrictProviderLogsID) {
			logicalID = id
		}
	}
	if logicalID == "" {
		t.Fatalf("no log group %s* among %v", network.RestrictProviderLogsID, groups)
	}
	tpl.HasResource("AWS::Logs::LogGroup", map[string]any{
		"Properties": map[string]any{
			"RetentionInDays": 365,
			"KmsKeyId":        map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^RestrictDefaultSecurityGroupLogsKey")), "Arn"}},
		},
		"DeletionPolicy": "Retain",
	})
	tpl.HasResourceProperties("AWS::Lambda::Function", map[string]any{
		"LoggingConfig": map[string]any{"LogGroup": map[string]any{"Ref": logicalID}},
	})
}
