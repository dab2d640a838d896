package landingzone

import (
	"fmt"
	"net/netip"
	"regexp"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/internal/check"
)

// Config describes a whole landing zone. Field names in a configuration file are the
// JSON names in the struct tags, and every validation error names the field by its
// path in the file, such as "workloads[2].vpc.cidr".
type Config struct {
	// Organization names the management account and the home region. Required.
	Organization Organization `json:"organization"`
	// Workloads are the accounts that run applications; each gets a Baseline stack
	// with its VPC. Empty means none.
	Workloads []Workload `json:"workloads,omitempty"`
}

// Organization describes the AWS Organization the landing zone governs.
type Organization struct {
	// ManagementAccount is the 12-digit ID of the management account. Required.
	ManagementAccount string `json:"managementAccount"`
	// HomeRegion is the region of the landing zone's central resources, and of every
	// workload that names none. Required.
	HomeRegion string `json:"homeRegion"`
}

// Workload is one workload account.
type Workload struct {
	// Name identifies the workload in stack names and tags: lower-case letters,
	// digits and hyphens, starting with a letter, at most 40 characters. Required and
	// unique.
	Name string `json:"name"`
	// ID is the 12-digit account ID. Required and unique.
	ID string `json:"id"`
	// Region is where the workload's Baseline stack deploys. Empty means the home
	// region.
	Region string `json:"region,omitempty"`
	// VPC configures the workload's VPC. The zero value is network.VpcProps' default:
	// 10.0.0.0/16 over two AZs with a NAT gateway per AZ.
	VPC VPC `json:"vpc"`
}

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

// ErrInvalidConfig is matched by every error of Validate and New.
var ErrInvalidConfig = check.ErrInvalidProps

var workloadName = regexp.MustCompile(`^[a-z][a-z0-9-]{0,39}$`)

// Validate reports every problem in c at once, each with its path in the
// configuration file and the value found. Checks that need a region's Availability
// Zones run in New.
func (c Config) Validate() error {
	var l check.List
	org := c.Organization
	required(&l, "organization.managementAccount", org.ManagementAccount, check.AccountID)
	required(&l, "organization.homeRegion", org.HomeRegion, check.Region)
	names, ids := map[string]int{}, map[string]int{}
	for i, w := range c.Workloads {
		path := fmt.Sprintf("workloads[%d].", i)
		switch j, dup := names[w.Name]; {
		case w.Name == "":
			l.Addf(path+"name", nil, "required")
		case !workloadName.MatchString(w.Name):
			l.Addf(path+"name", w.Name, "want lower-case letters, digits and hyphens, starting with a letter, at most 40 characters")
		case dup:
			l.Addf(path+"name", w.Name, "already the name of workloads[%d]", j)
		default:
			names[w.Name] = i
		}
		before := l.Len()
		required(&l, path+"id", w.ID, check.AccountID)
		switch j, dup := ids[w.ID]; {
		case l.Len() > before:
		case dup:
			l.Addf(path+"id", w.ID, "already the account of workloads[%d]", j)
		case w.ID == org.ManagementAccount:
			l.Addf(path+"id", w.ID, "the management account cannot be a workload account")
		default:
			ids[w.ID] = i
		}
		if w.Region != "" {
			check.Region(&l, path+"region", w.Region)
		}
		l.MergeAs(path+"vpc.", "VpcProps.", w.VPC.props().Validate())
	}
	checkOverlaps(&l, c.Workloads)
	return l.Err("landingzone")
}

// required records that field is missing when value is empty, and otherwise checks it
// with valid.
func required(l *check.List, field, value string, valid func(*check.List, string, string)) {
	if value == "" {
		l.Addf(field, nil, "required")
		return
	}
	valid(l, field, value)
}

// checkOverlaps reports every pair of workload VPCs whose ranges overlap: they could
// never be routed to each other, nor share a Transit Gateway.
func checkOverlaps(l *check.List, workloads []Workload) {
	type vpcRange struct {
		index  int
		prefix netip.Prefix
	}
	var ranges []vpcRange
	for i, w := range workloads {
		cidr := w.VPC.Cidr
		if cidr == "" {
			cidr = network.DefaultCidr
		}
		if p, err := netip.ParsePrefix(cidr); err == nil {
			ranges = append(ranges, vpcRange{i, p.Masked()})
		}
	}
	for a := range ranges {
		for b := a + 1; b < len(ranges); b++ {
			if ranges[a].prefix.Overlaps(ranges[b].prefix) {
				l.Addf(fmt.Sprintf("workloads[%d].vpc.cidr", ranges[b].index), ranges[b].prefix.String(),
					"overlaps workloads[%d].vpc.cidr %s", ranges[a].index, ranges[a].prefix)
			}
		}
	}
}

// props turns the configuration into the construct's props. The Baseline stack must
// hold no custom resource, so the default security group is closed by AWS Config.
func (v VPC) props() network.VpcProps {
	return network.VpcProps{
		Cidr:              v.Cidr,
		AZCount:           v.AZCount,
		AvailabilityZones: v.AvailabilityZones,
		Egress:            network.Egress(v.Egress),
		Proxy: egressproxy.Settings{
			AllowedDomains: v.Proxy.AllowedDomains, Port: v.Proxy.Port, InstanceType: v.Proxy.InstanceType,
			LogRetentionDays: v.Proxy.LogRetentionDays, AllowShortLogRetention: v.Proxy.AllowShortLogRetention,
		},
		PublicPrefix:               v.PublicPrefix,
		PrivatePrefix:              v.PrivatePrefix,
		IsolatedPrefix:             v.IsolatedPrefix,
		NoIsolatedSubnets:          v.NoIsolatedSubnets,
		InterfaceEndpoints:         v.InterfaceEndpoints,
		FlowLogRetentionDays:       v.FlowLogRetentionDays,
		AllowShortFlowLogRetention: v.AllowShortFlowLogRetention,
		DefaultSecurityGroup:       network.DefaultSecurityGroupConfigRemediation,
	}
}
