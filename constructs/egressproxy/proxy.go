package egressproxy

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsautoscaling"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	elbv2 "github.com/aws/aws-cdk-go/awscdk/v2/awselasticloadbalancingv2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsssm"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
	"github.com/go-landingzone/landingzone/internal/secure"
)

// Tuning of the self-healing that users have no reason to change.
const (
	// rootVolumeGiB is the smallest root volume the Amazon Linux 2023 image accepts.
	rootVolumeGiB = 8
	// bootTimeoutMinutes bounds how long CloudFormation waits for a new proxy's signal.
	bootTimeoutMinutes = 15
	// healthGraceMinutes lets an instance boot before failed health checks replace it.
	healthGraceMinutes = 5
	// drainSeconds is how long the load balancer lets connections to a leaving proxy end.
	drainSeconds = 30
	// proxyTagKey marks the proxy instances; the role may move Elastic IPs only onto
	// instances that carry it.
	proxyTagKey = "landingzone:egress-proxy"
)

// ForwardProxyProps configures NewForwardProxy.
type ForwardProxyProps struct {
	// Vpc is the VPC the proxy serves. Required.
	Vpc awsec2.IVpc
	// ProxySubnets are the public subnets the proxies run in, one Auto Scaling group and
	// Elastic IP each. Empty means the VPC's public subnets.
	ProxySubnets []awsec2.ISubnet
	// ListenerSubnets are the subnets of the internal load balancer that clients
	// connect to. Empty means the VPC's private subnets with egress.
	ListenerSubnets []awsec2.ISubnet
	// ClientCidrs are the only source ranges admitted, by the security groups and by
	// Squid. Empty means the CIDRs of ListenerSubnets.
	ClientCidrs []string
	// Settings are the proxy's own options; the zero value is the defaults.
	Settings Settings
}

// ForwardProxy is a self-healing Squid proxy fleet behind an internal Network Load
// Balancer.
type ForwardProxy struct {
	constructs.Construct
	// URL is the proxy's address for HTTP_PROXY and HTTPS_PROXY, such as
	// "http://internal-...elb.amazonaws.com:3128". It is a CDK token until deploy.
	URL string
	// Port is the port clients connect to.
	Port int
	// LoadBalancer is the internal Network Load Balancer in front of the proxies.
	LoadBalancer elbv2.NetworkLoadBalancer
	// LoadBalancerSecurityGroup admits Port from ClientCidrs to the load balancer.
	LoadBalancerSecurityGroup awsec2.SecurityGroup
	// InstanceSecurityGroup admits Port from ClientCidrs and the load balancer to the
	// proxies, and lets them out on ports 80 and 443 only.
	InstanceSecurityGroup awsec2.SecurityGroup
	// Groups holds one Auto Scaling group of one instance per proxy subnet.
	Groups []awsautoscaling.AutoScalingGroup
	// ElasticIPs are the proxies' egress addresses, one per proxy subnet.
	ElasticIPs []awsec2.CfnEIP
	// Role is the instance role of the proxies.
	Role awsiam.Role
	// LogGroup receives Squid's access and cache logs.
	LogGroup awslogs.LogGroup
	// AllowList holds the allow-list, one entry per line, in parts of at most 4 KB,
	// which each proxy reads at boot.
	AllowList []awsssm.StringParameter
}

// resolved holds props after defaults, ready to build from.
type resolved struct {
	settings        Settings
	proxySubnets    []awsec2.ISubnet
	listenerSubnets []awsec2.ISubnet
	clientCidrs     []string
}

func (p ForwardProxyProps) resolve() (resolved, error) {
	var l check.List
	r := resolved{settings: p.Settings.withDefaults(), proxySubnets: p.ProxySubnets, listenerSubnets: p.ListenerSubnets, clientCidrs: p.ClientCidrs}
	p.Settings.validate(&l, "ForwardProxyProps.Settings.")
	if p.Vpc == nil {
		l.Addf("ForwardProxyProps.Vpc", nil, "required")
		return r, l.Err("egressproxy")
	}
	if len(r.proxySubnets) == 0 {
		r.proxySubnets = *p.Vpc.PublicSubnets()
	}
	if len(r.proxySubnets) == 0 {
		l.Addf("ForwardProxyProps.ProxySubnets", nil, "empty, and the VPC has no public subnets")
	}
	if len(r.listenerSubnets) == 0 {
		r.listenerSubnets = *p.Vpc.PrivateSubnets()
	}
	if len(r.listenerSubnets) == 0 {
		l.Addf("ForwardProxyProps.ListenerSubnets", nil, "empty, and the VPC has no private subnets with egress")
	}
	for i, cidr := range p.ClientCidrs {
		if *awscdk.Token_IsUnresolved(jsii.String(cidr)) {
			continue
		}
		field := fmt.Sprintf("ForwardProxyProps.ClientCidrs[%d]", i)
		if prefix, ok := check.IPv4CIDR(&l, field, cidr); ok && prefix.Bits() == 0 {
			l.Addf(field, cidr, "admits every address; list the client subnets")
		}
	}
	if len(r.clientCidrs) == 0 {
		for _, s := range r.listenerSubnets {
			r.clientCidrs = append(r.clientCidrs, *s.Ipv4CidrBlock())
		}
	}
	return r, l.Err("egressproxy")
}

// NewForwardProxy validates props, then builds the proxy fleet. On error nothing is
// added to scope.
func NewForwardProxy(scope constructs.Construct, id string, props ForwardProxyProps) (*ForwardProxy, error) {
	if err := scopecheck.Check("egressproxy", scope, id, scopecheck.InStack, nil); err != nil {
		return nil, err
	}
	r, err := props.resolve()
	if err != nil {
		return nil, err
	}
	fp := &ForwardProxy{Port: r.settings.Port}
	// Registering fp itself as the construct lets callers pass *ForwardProxy wherever
	// the CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(fp, scope, jsii.String(id))
	c := fp.Construct
	stack := awscdk.Stack_Of(c)

	logs := secure.NewLogGroup(c, "Logs", secure.LogGroupProps{
		RetentionDays: r.settings.LogRetentionDays,
		Description:   "Encrypts the Squid logs of " + *c.Node().Path(),
	})
	fp.LogGroup = logs.LogGroup
	fp.Role = newInstanceRole(c, fp.LogGroup)
	fp.LoadBalancerSecurityGroup, fp.InstanceSecurityGroup = newSecurityGroups(c, props.Vpc, r)

	fp.LoadBalancer = elbv2.NewNetworkLoadBalancer(c, jsii.String("LoadBalancer"), &elbv2.NetworkLoadBalancerProps{
		Vpc:              props.Vpc,
		InternetFacing:   jsii.Bool(false),
		VpcSubnets:       &awsec2.SubnetSelection{Subnets: &r.listenerSubnets},
		SecurityGroups:   &[]awsec2.ISecurityGroup{fp.LoadBalancerSecurityGroup},
		CrossZoneEnabled: jsii.Bool(true),
		// The load balancer is every client's egress path: deleting it, by hand or by a
		// stack change, would cut the VPC off. CloudFormation must then fail instead
		// (Control Tower's CT.ELASTICLOADBALANCING.PR.5).
		DeletionProtection: jsii.Bool(true),
	})
	fp.URL = "http://" + *fp.LoadBalancer.LoadBalancerDnsName() + ":" + strconv.Itoa(r.settings.Port)

	image := awsec2.MachineImage_LatestAmazonLinux2023(&awsec2.AmazonLinux2023ImageSsmParameterProps{CpuType: cpuType(r.settings.InstanceType)})
	squid := render(squidConf, squidData{Settings: r.settings, ClientCidrs: r.clientCidrs, AllowListFile: allowListFile, LogDir: logDir})
	listPath := "/landingzone/egressproxy/" + *c.Node().Addr()
	fp.AllowList = newAllowList(c, listPath, r.settings.AllowedDomains, fp.Role, func(resource string) string {
		return "arn:" + *stack.Partition() + ":ssm:" + *stack.Region() + ":" + *stack.Account() + ":" + resource
	})
	var targets []elbv2.INetworkLoadBalancerTarget
	for i, subnet := range r.proxySubnets {
		name := fmt.Sprintf("%s-%d", strings.ReplaceAll(*c.Node().Path(), "/", "-"), i+1)
		eip := awsec2.NewCfnEIP(c, jsii.String(fmt.Sprintf("ElasticIp%d", i+1)), &awsec2.CfnEIPProps{
			Domain: jsii.String("vpc"),
			Tags:   &[]*awscdk.CfnTag{{Key: jsii.String("Name"), Value: jsii.String(name)}},
		})
		fp.ElasticIPs = append(fp.ElasticIPs, eip)
		allowAssociate(fp.Role, eip, *c.Node().Addr())
		asg := newProxyGroup(c, i, proxyGroupProps{
			vpc: props.Vpc, subnet: subnet, image: image, settings: r.settings,
			role: fp.Role, securityGroup: fp.InstanceSecurityGroup, proxyTag: *c.Node().Addr(), name: name,
			boot: bootstrap{Region: *stack.Region(), AllocationID: *eip.AttrAllocationId(), LogGroup: *fp.LogGroup.LogGroupName(), Port: r.settings.Port, SquidConf: squid,
				AllowListPath: listPath, AllowListFile: allowListFile, AllowListHash: allowListHash(r.settings.AllowedDomains)},
		})
		// The instance reads the allow-list as it boots.
		for _, param := range fp.AllowList {
			asg.Node().AddDependency(param)
		}
		if i > 0 {
			// One AZ at a time: CloudFormation replaces the next group's instance only
			// after this one's new instance signalled that Squid listens.
			asg.Node().AddDependency(fp.Groups[i-1])
		}
		fp.Groups = append(fp.Groups, asg)
		targets = append(targets, asg)
	}

	listener := fp.LoadBalancer.AddListener(jsii.String("Proxy"), &elbv2.BaseNetworkListenerProps{
		Port: jsii.Number(r.settings.Port), Protocol: elbv2.Protocol_TCP,
	})
	listener.AddTargets(jsii.String("Proxies"), &elbv2.AddNetworkTargetsProps{
		Port:                jsii.Number(r.settings.Port),
		Protocol:            elbv2.Protocol_TCP,
		Targets:             &targets,
		DeregistrationDelay: awscdk.Duration_Seconds(jsii.Number(drainSeconds)),
		HealthCheck: &elbv2.HealthCheck{
			Protocol:                elbv2.Protocol_TCP,
			Interval:                awscdk.Duration_Seconds(jsii.Number(10)),
			HealthyThresholdCount:   jsii.Number(2),
			UnhealthyThresholdCount: jsii.Number(2),
		},
	})
	suppressFindings(fp)
	return fp, nil
}

// cpuType picks the image architecture that the instance type runs.
func cpuType(instanceType string) awsec2.AmazonLinuxCpuType {
	if awsec2.NewInstanceType(jsii.String(instanceType)).Architecture() == awsec2.InstanceArchitecture_ARM_64 {
		return awsec2.AmazonLinuxCpuType_ARM_64
	}
	return awsec2.AmazonLinuxCpuType_X86_64
}

// Environment returns the variables that point HTTP clients at the proxy: HTTP_PROXY
// and HTTPS_PROXY (and their lower-case forms, which curl and Go read), and NO_PROXY
// for the instance metadata service and the VPC's own addresses, which must not go
// through the proxy. vpcCidr is the client VPC's range; the values may be CDK tokens.
//
// Like every construct type of this module, ForwardProxy has at least one method with
// a pointer receiver: jsii registers such a Go struct as the construct itself.
func (fp *ForwardProxy) Environment(vpcCidr string) map[string]string {
	noProxy := "169.254.169.254,169.254.170.2,localhost,127.0.0.1," + vpcCidr
	return map[string]string{
		"HTTP_PROXY": fp.URL, "HTTPS_PROXY": fp.URL, "NO_PROXY": noProxy,
		"http_proxy": fp.URL, "https_proxy": fp.URL, "no_proxy": noProxy,
	}
}
