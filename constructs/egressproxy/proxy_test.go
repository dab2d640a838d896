package egressproxy_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// A proxy added to a VPC that has NAT gateways, for the workloads that must go through
// an allow-list: subnets and clients default to the VPC's public and private subnets.
func TestForwardProxyStandalone(t *testing.T) {
	var proxy *egressproxy.ForwardProxy
	var private []string
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		vpc, err := network.NewVpc(s, "Vpc", network.VpcProps{AZCount: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, subnet := range vpc.PrivateSubnets {
			private = append(private, *subnet.Ipv4CidrBlock())
		}
		proxy, err = egressproxy.NewForwardProxy(s, "Proxy", egressproxy.ForwardProxyProps{
			Vpc:      vpc.Vpc,
			Settings: egressproxy.Settings{AllowedDomains: []string{"sts.eu-west-1.amazonaws.com", "pypi.org"}, InstanceType: "t3.small"},
		})
		if err != nil {
			t.Fatal(err)
		}
	})

	// One group, instance and Elastic IP per AZ.
	tpl.ResourceCountIs("AWS::AutoScaling::AutoScalingGroup", 3)
	tpl.ResourcePropertiesCountIs("AWS::EC2::EIP", map[string]any{"Tags": assertions.Match_ArrayWith(&[]any{map[string]any{"Key": "Name", "Value": assertions.Match_StringLikeRegexp(jsii.String("^Test-Proxy-"))}})}, 3)
	tpl.AllResourcesProperties("AWS::AutoScaling::AutoScalingGroup", map[string]any{"MinSize": "1", "MaxSize": "1", "HealthCheckType": "ELB"})
	// Replacement waits for the new instance's signal, one AZ after the other.
	tpl.AllResources("AWS::AutoScaling::AutoScalingGroup", map[string]any{
		"CreationPolicy": map[string]any{"ResourceSignal": map[string]any{"Count": 1}},
		"UpdatePolicy":   map[string]any{"AutoScalingRollingUpdate": map[string]any{"WaitOnResourceSignals": true, "MaxBatchSize": 1}},
	})
	tpl.HasResource("AWS::AutoScaling::AutoScalingGroup", map[string]any{
		"DependsOn": assertions.Match_ArrayWith(&[]any{assertions.Match_StringLikeRegexp(jsii.String("^ProxyGroup2ASG"))}),
	})

	// Hardened instances: IMDSv2, encrypted volumes, no key pair, x86 image for t3.
	tpl.AllResourcesProperties("AWS::EC2::LaunchTemplate", map[string]any{
		"LaunchTemplateData": map[string]any{
			"MetadataOptions":     map[string]any{"HttpTokens": "required"},
			"BlockDeviceMappings": []any{map[string]any{"DeviceName": "/dev/xvda", "Ebs": map[string]any{"Encrypted": true, "VolumeType": "gp3", "VolumeSize": 8}}},
			"KeyName":             assertions.Match_Absent(),
			"InstanceType":        "t3.small",
			"ImageId":             map[string]any{"Ref": assertions.Match_StringLikeRegexp(jsii.String("al2023amikernel61x8664"))},
			"Monitoring":          map[string]any{"Enabled": true},
		},
	})
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"ManagedPolicyArns": []any{map[string]any{"Fn::Join": []any{"", []any{"arn:", map[string]any{"Ref": "AWS::Partition"}, ":iam::aws:policy/AmazonSSMManagedInstanceCore"}}}},
	})

	// Only the private subnets reach the proxy, on its port.
	sort.Strings(private)
	for id, sg := range tpl.Properties("AWS::EC2::SecurityGroup") {
		if !strings.HasPrefix(id, "Proxy") {
			continue
		}
		var sources []string
		rules, _ := sg["SecurityGroupIngress"].([]any)
		for _, r := range rules {
			rule := r.(map[string]any)
			sources = append(sources, fmt.Sprint(rule["CidrIp"]))
			if rule["FromPort"] != float64(egressproxy.DefaultPort) {
				t.Errorf("%s admits port %v", id, rule["FromPort"])
			}
		}
		sort.Strings(sources)
		if strings.Join(sources, " ") != strings.Join(private, " ") {
			t.Errorf("%s admits %v, want %v", id, sources, private)
		}
	}
	// The instances go out on 80 and 443 only.
	tpl.HasResourceProperties("AWS::EC2::SecurityGroup", map[string]any{
		"GroupDescription": assertions.Match_StringLikeRegexp(jsii.String("^Forward proxy instances")),
		"SecurityGroupEgress": []any{
			map[string]any{"CidrIp": "0.0.0.0/0", "FromPort": 80, "ToPort": 80, "IpProtocol": "tcp", "Description": assertions.Match_AnyValue()},
			map[string]any{"CidrIp": "0.0.0.0/0", "FromPort": 443, "ToPort": 443, "IpProtocol": "tcp", "Description": assertions.Match_AnyValue()},
		},
	})
	// The proxies may move only their own Elastic IPs, onto their own instances.
	tpl.HasResourceProperties("AWS::IAM::Policy", map[string]any{"PolicyDocument": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{
		map[string]any{
			"Action": "ec2:AssociateAddress", "Effect": "Allow",
			"Resource":  "arn:aws:ec2:eu-west-1:123456789012:instance/*",
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:ResourceTag/landingzone:egress-proxy": *proxy.Node().Addr()}},
		},
	})}})
	// An internal, cross-zone load balancer gives the stable URL.
	tpl.HasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", map[string]any{
		"Scheme": "internal", "Type": "network",
		"LoadBalancerAttributes": assertions.Match_ArrayWith(&[]any{map[string]any{"Key": "load_balancing.cross_zone.enabled", "Value": "true"}}),
	})
	tpl.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", map[string]any{"Port": 3128, "Protocol": "TCP"})
	if !strings.HasPrefix(proxy.URL, "http://") || !strings.HasSuffix(proxy.URL, ":3128") {
		t.Errorf("URL %q, want http://<load balancer>:3128", proxy.URL)
	}
	// Squid's logs are encrypted and kept a year.
	tpl.HasResourceProperties("AWS::Logs::LogGroup", map[string]any{
		"RetentionInDays": 365, "KmsKeyId": map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^ProxyLogsKey")), "Arn"}},
	})
	lztest.Golden(t, tpl)
}

func TestForwardProxyEnvironment(t *testing.T) {
	fp := &egressproxy.ForwardProxy{URL: "http://proxy.internal:3128"}
	env := fp.Environment("10.0.0.0/16")
	if env["HTTPS_PROXY"] != fp.URL || env["https_proxy"] != fp.URL {
		t.Errorf("HTTPS_PROXY = %q, want %q", env["HTTPS_PROXY"], fp.URL)
	}
	if !strings.Contains(env["NO_PROXY"], "169.254.169.254") || !strings.HasSuffix(env["NO_PROXY"], ",10.0.0.0/16") {
		t.Errorf("NO_PROXY = %q, want the metadata service and the VPC", env["NO_PROXY"])
	}
}

func TestForwardProxyPropsErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		props func(s awscdk.Stack) egressproxy.ForwardProxyProps
		want  []string
	}{
		{"no vpc", func(awscdk.Stack) egressproxy.ForwardProxyProps { return egressproxy.ForwardProxyProps{} },
			[]string{"ForwardProxyProps.Vpc: required"}},
		{"vpc without public subnets", func(s awscdk.Stack) egressproxy.ForwardProxyProps {
			vpc, err := network.NewVpc(s, "Isolated", network.VpcProps{Egress: network.EgressNone})
			if err != nil {
				t.Fatal(err)
			}
			return egressproxy.ForwardProxyProps{Vpc: vpc.Vpc}
		}, []string{"ForwardProxyProps.ProxySubnets: empty, and the VPC has no public subnets", "ForwardProxyProps.ListenerSubnets: empty, and the VPC has no private subnets with egress"}},
		{"clients from anywhere and bad settings", func(s awscdk.Stack) egressproxy.ForwardProxyProps {
			vpc, err := network.NewVpc(s, "Nat", network.VpcProps{})
			if err != nil {
				t.Fatal(err)
			}
			return egressproxy.ForwardProxyProps{Vpc: vpc.Vpc, ClientCidrs: []string{"0.0.0.0/0", "10.0.0.0/40"},
				Settings: egressproxy.Settings{AllowedDomains: []string{""}, Port: 99999, LogRetentionDays: 12}}
		}, []string{
			`ForwardProxyProps.ClientCidrs[0] "0.0.0.0/0": admits every address`,
			`ForwardProxyProps.ClientCidrs[1] "10.0.0.0/40": not a valid IPv4 CIDR`,
			`ForwardProxyProps.Settings.AllowedDomains[0] "": not a domain name`,
			`ForwardProxyProps.Settings.Port 99999: not a port number`,
			`ForwardProxyProps.Settings.LogRetentionDays 12: not a CloudWatch Logs retention`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() {
				props := tc.props(stack)
				_, err = egressproxy.NewForwardProxy(stack, "Proxy", props)
			})
			lztest.ExpectInvalid(t, err, "egressproxy: ForwardProxyProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Proxy")
		})
	}
}

// A 3,000-entry allow-list goes into SSM parameters of at most 4 KB that the instance
// role alone reads; user data stays far below EC2's 16 KB and holds no entry.
func TestLargeAllowListStaysOutOfUserData(t *testing.T) {
	domains := make([]string, 3000)
	for i := range domains {
		domains[i] = fmt.Sprintf("service-%04d.partner-%02d.example.com", i, i%50)
	}
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		vpc, err := network.NewVpc(s, "Vpc", network.VpcProps{AZCount: 2})
		if err != nil {
			t.Fatal(err)
		}
		if _, err = egressproxy.NewForwardProxy(s, "Proxy", egressproxy.ForwardProxyProps{Vpc: vpc.Vpc, Settings: egressproxy.Settings{AllowedDomains: domains}}); err != nil {
			t.Fatal(err)
		}
	})
	params := tpl.Properties("AWS::SSM::Parameter")
	var got []string
	for _, props := range params {
		value := props["Value"].(string)
		if len(value) > 4096 {
			t.Errorf("parameter %v holds %d bytes, over SSM's 4 KB", props["Name"], len(value))
		}
		if props["Tier"] != "Standard" {
			t.Errorf("parameter %v tier %v", props["Name"], props["Tier"])
		}
		got = append(got, strings.Split(value, "\n")...)
	}
	sort.Strings(got)
	if len(got) != 3000 || got[0] != "service-0000.partner-00.example.com" || got[2999] != "service-2999.partner-49.example.com" {
		t.Errorf("the parameters hold %d entries, want the 3,000", len(got))
	}
	if n := len(params); n != 27 {
		t.Errorf("%d parameters, want 27 for 3,000 entries of 36 bytes", n)
	}
	for _, lt := range tpl.Properties("AWS::EC2::LaunchTemplate") {
		raw, _ := json.Marshal(lt["LaunchTemplateData"].(map[string]any)["UserData"])
		if len(raw) > 16*1024/2 {
			t.Errorf("user data of %d bytes before base64; EC2 takes 16 KB after", len(raw))
		}
		if strings.Contains(string(raw), "partner-") {
			t.Error("the user data holds allow-list entries")
		}
		if !strings.Contains(string(raw), "aws ssm get-parameters-by-path") {
			t.Error("the user data does not read the allow-list from SSM")
		}
	}
	read := tpl.Statements("AWS::IAM::Policy")["ReadAllowList"]
	resource, _ := json.Marshal(read["Resource"])
	if read["Action"] != "ssm:GetParametersByPath" || read["Effect"] != "Allow" ||
		!regexp.MustCompile(`^\["arn:aws:ssm:eu-west-1:123456789012:parameter/landingzone/egressproxy/([0-9a-f]+)","arn:aws:ssm:eu-west-1:123456789012:parameter/landingzone/egressproxy/([0-9a-f]+)/\*"\]$`).Match(resource) {
		t.Errorf("the role reads the allow-list through %v on %s", read["Action"], resource)
	}
}
