package landingzone

import (
	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/network"
)

// VPC is the part of network.VpcProps a configuration file sets; the landing zone
// decides the rest (the default security group is emptied without custom resources, so
// that the Baseline suits StackSets). Zero fields mean network's defaults.
type VPC struct {
	// Cidr is the VPC's IPv4 range, /16 to /28. Empty means 10.0.0.0/16.
	Cidr string `json:"cidr,omitempty"`
	// AZCount is how many Availability Zones the VPC spans. Zero means 2, or the
	// length of availabilityZones.
	AZCount int `json:"azCount,omitempty"`
	// AvailabilityZones names the zones, such as eu-west-1a. Empty means the first
	// azCount zones of the region.
	AvailabilityZones []string `json:"availabilityZones,omitempty"`
	// Egress is how private subnets reach the internet. Empty means nat-per-az.
	Egress string `json:"egress,omitempty" jsonschema:"enum=nat-per-az,enum=single-nat,enum=proxy,enum=none,enum=transit-gateway"`
	// Proxy configures the forward proxy of egress "proxy"; an error with any other
	// egress.
	Proxy Proxy `json:"proxy,omitempty"`
	// PublicPrefix is the prefix length of the public subnets, 16-28. Zero means 24.
	PublicPrefix int `json:"publicPrefix,omitempty"`
	// PrivatePrefix is the prefix length of the private subnets, 16-28. Zero means 20.
	PrivatePrefix int `json:"privatePrefix,omitempty"`
	// IsolatedPrefix is the prefix length of the isolated subnets, 16-28. Zero means
	// 24.
	IsolatedPrefix int `json:"isolatedPrefix,omitempty"`
	// NoIsolatedSubnets leaves out the isolated tier. False creates it.
	NoIsolatedSubnets bool `json:"noIsolatedSubnets,omitempty"`
	// InterfaceEndpoints lists AWS services ("ssm", "kms", "sts", "ecr.api") that get an
	// interface endpoint with private DNS. Empty means none.
	InterfaceEndpoints []string `json:"interfaceEndpoints,omitempty"`
	// DNSFirewall answers DNS, in egress proxy, only for the proxy's allowed domains
	// (Route 53 Resolver DNS Firewall, queries logged). False leaves DNS open.
	DNSFirewall bool `json:"dnsFirewall,omitempty"`
	// FlowLogRetentionDays is how long flow logs are kept. Zero means 365; less needs
	// allowShortFlowLogRetention.
	FlowLogRetentionDays int `json:"flowLogRetentionDays,omitempty"`
	// AllowShortFlowLogRetention accepts flowLogRetentionDays below a year. False
	// refuses it.
	AllowShortFlowLogRetention bool `json:"allowShortFlowLogRetention,omitempty"`
}

// Proxy configures the forward proxy of the "proxy" egress mode; see
// egressproxy.Settings for each field.
type Proxy struct {
	// AllowedDomains lists the destinations the proxy admits: "example.com" for that
	// name, ".example.com" for it and its subdomains. Empty means .amazonaws.com only.
	AllowedDomains []string `json:"allowedDomains,omitempty"`
	// Port is the port clients connect to. Zero means 3128.
	Port int `json:"port,omitempty"`
	// InstanceType is the proxies' EC2 instance type. Empty means t4g.small.
	InstanceType string `json:"instanceType,omitempty"`
	// LogRetentionDays is how long Squid's logs are kept. Zero means 365; less needs
	// allowShortLogRetention.
	LogRetentionDays int `json:"logRetentionDays,omitempty"`
	// AllowShortLogRetention accepts logRetentionDays below a year. False refuses it.
	AllowShortLogRetention bool `json:"allowShortLogRetention,omitempty"`
}

// vpcProps is the VPC of workload w: the configured props with the name, the Transit
// Gateway and the default security group decided by the landing zone. The Baseline
// stack must hold no custom resource, so AWS Config closes the default group.
func (c Config) vpcProps(w Workload) network.VpcProps {
	p := w.VPC.props()
	p.OrganizationID = c.Organization.ID
	p.Name = w.name()
	if w.attached() {
		p.TransitGatewayID = c.Network.TransitGatewayID
		p.TransitGatewayAttachmentID = w.TransitGatewayAttachmentID
		if p.TransitGatewayID == "" {
			// The VPC waits for the ID (Config.Pending); stand in for it so that the
			// VPC's own checks still run.
			p.TransitGatewayID = "tgw-00000000"
		}
	}
	p.DefaultSecurityGroup = network.DefaultSecurityGroupConfigRemediation
	return p
}

// props turns the configuration into the construct's props.
func (v VPC) props() network.VpcProps {
	return network.VpcProps{
		Cidr:                       v.Cidr,
		AZCount:                    v.AZCount,
		AvailabilityZones:          v.AvailabilityZones,
		Egress:                     network.Egress(v.Egress),
		Proxy:                      v.Proxy.settings(),
		PublicPrefix:               v.PublicPrefix,
		PrivatePrefix:              v.PrivatePrefix,
		IsolatedPrefix:             v.IsolatedPrefix,
		NoIsolatedSubnets:          v.NoIsolatedSubnets,
		InterfaceEndpoints:         v.InterfaceEndpoints,
		DNSFirewall:                v.DNSFirewall,
		FlowLogRetentionDays:       v.FlowLogRetentionDays,
		AllowShortFlowLogRetention: v.AllowShortFlowLogRetention,
	}
}

// settings turns the configuration into the proxy's settings.
func (p Proxy) settings() egressproxy.Settings {
	return egressproxy.Settings{
		AllowedDomains: p.AllowedDomains, Port: p.Port, InstanceType: p.InstanceType,
		LogRetentionDays: p.LogRetentionDays, AllowShortLogRetention: p.AllowShortLogRetention,
	}
}
