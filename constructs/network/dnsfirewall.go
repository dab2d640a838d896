package network

import (
	"sort"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsroute53resolver"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/secure"
)

// DNS Firewall of a proxy-mode VPC: a client that ignores HTTPS_PROXY and resolves
// names itself gets answers for the allow-list only.
const (
	// dnsFirewallPriority places the rule group among a VPC's rule groups (Route 53
	// Resolver allows 101-9899 for customer associations).
	dnsFirewallPriority = 1000
	// dnsFirewallLogRetentionDays keeps the query logs as long as the proxy's.
	dnsFirewallLogRetentionDays = 365
)

// proxyOwnServices are the regional AWS APIs the proxies call as they boot and run
// (associate-address, SSM parameters and sessions, logs, metrics, the CloudFormation
// signal, STS), which resolve through the VPC like any client's names.
var proxyOwnServices = []string{"cloudformation", "ec2", "ec2messages", "logs", "monitoring", "ssm", "ssmmessages", "sts"}

// dnsFirewallDomains turns the proxy's allow-list into Route 53 Resolver domain names
// (".example.com" admits "example.com" and "*.example.com"), with what the VPC's own
// machinery resolves: the proxies' AWS APIs, the interface endpoints, the Amazon Linux
// 2023 repositories and EC2's internal names.
func dnsFirewallDomains(p VpcProps, region string) []string {
	set := map[string]bool{}
	for _, d := range p.Proxy.AllowedDomains {
		if strings.HasPrefix(d, ".") {
			set[d[1:]] = true
			set["*"+d] = true
		} else {
			set[d] = true
		}
	}
	for _, s := range append(append([]string(nil), proxyOwnServices...), p.InterfaceEndpoints...) {
		set[s+"."+region+".amazonaws.com"] = true
	}
	set["cdn.amazonlinux.com"] = true
	set["al2023-repos-"+region+"-de612dc2.s3.dualstack."+region+".amazonaws.com"] = true
	set["*."+region+".compute.internal"] = true
	out := make([]string, 0, len(set))
	for d := range set {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// addDNSFirewall associates a rule group that allows the domains of the allow-list and
// blocks every other name with NXDOMAIN, and logs every query of the VPC. DNS Firewall
// fails closed unless a VPC's FirewallFailOpen is enabled, which this leaves alone.
func (v *Vpc) addDNSFirewall(p VpcProps) {
	region := *awscdk.Stack_Of(v).Region()
	allowed := awsroute53resolver.NewCfnFirewallDomainList(v, jsii.String("DnsFirewallAllowed"), &awsroute53resolver.CfnFirewallDomainListProps{
		Domains: jsii.Strings(dnsFirewallDomains(p, region)...),
	})
	all := awsroute53resolver.NewCfnFirewallDomainList(v, jsii.String("DnsFirewallEverything"), &awsroute53resolver.CfnFirewallDomainListProps{
		Domains: jsii.Strings("*"),
	})
	v.DNSFirewall = awsroute53resolver.NewCfnFirewallRuleGroup(v, jsii.String("DnsFirewall"), &awsroute53resolver.CfnFirewallRuleGroupProps{
		FirewallRules: &[]any{
			&awsroute53resolver.CfnFirewallRuleGroup_FirewallRuleProperty{FirewallDomainListId: allowed.AttrId(), Priority: jsii.Number(100), Action: jsii.String("ALLOW")},
			&awsroute53resolver.CfnFirewallRuleGroup_FirewallRuleProperty{FirewallDomainListId: all.AttrId(), Priority: jsii.Number(200), Action: jsii.String("BLOCK"), BlockResponse: jsii.String("NXDOMAIN")},
		},
	})
	awsroute53resolver.NewCfnFirewallRuleGroupAssociation(v, jsii.String("DnsFirewallAssociation"), &awsroute53resolver.CfnFirewallRuleGroupAssociationProps{
		FirewallRuleGroupId: v.DNSFirewall.AttrId(),
		VpcId:               v.Vpc.VpcId(),
		Priority:            jsii.Number(dnsFirewallPriority),
	})
	logs := secure.NewLogGroup(v, "DnsQueryLogs", secure.LogGroupProps{
		RetentionDays: dnsFirewallLogRetentionDays,
		Description:   "Encrypts the DNS query logs of VPC " + p.Name,
	})
	// The log group's ARN without the ":*" that its Arn attribute ends with: the query
	// log configuration names the group itself, as Terraform's and the console's do.
	groupArn := awscdk.Stack_Of(v).FormatArn(&awscdk.ArnComponents{
		Service: jsii.String("logs"), Resource: jsii.String("log-group"), ResourceName: logs.LogGroup.LogGroupName(),
		ArnFormat: awscdk.ArnFormat_COLON_RESOURCE_NAME,
	})
	config := awsroute53resolver.NewCfnResolverQueryLoggingConfig(v, jsii.String("DnsQueryLogging"), &awsroute53resolver.CfnResolverQueryLoggingConfigProps{
		DestinationArn: groupArn,
	})
	awsroute53resolver.NewCfnResolverQueryLoggingConfigAssociation(v, jsii.String("DnsQueryLoggingAssociation"), &awsroute53resolver.CfnResolverQueryLoggingConfigAssociationProps{
		ResolverQueryLogConfigId: config.AttrId(),
		ResourceId:               v.Vpc.VpcId(),
	})
}
