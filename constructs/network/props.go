package network

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
)

// Defaults of VpcProps.
const (
	DefaultCidr    = "10.0.0.0/16"
	DefaultAZCount = 2
	// Subnet prefix lengths per tier: /24 public subnets hold NAT gateways and proxies
	// only, /20 private subnets hold the workloads (4,091 usable addresses each), /24
	// isolated subnets hold databases and endpoints, and /28 is the smallest subnet AWS
	// allows, enough for a Transit Gateway attachment.
	DefaultPublicPrefix     = 24
	DefaultPrivatePrefix    = 20
	DefaultIsolatedPrefix   = 24
	DefaultAttachmentPrefix = 28
	// DefaultFlowLogRetentionDays keeps flow logs in CloudWatch for a year.
	DefaultFlowLogRetentionDays = 365
	// DefaultFlowLogKeyPrefix is where flow logs land in an S3 bucket.
	DefaultFlowLogKeyPrefix = "vpc-flow-logs"
)

// VpcProps configures NewVpc. The zero value is a two-AZ 10.0.0.0/16 VPC with public,
// private and isolated subnets, a NAT gateway per AZ, S3 and DynamoDB gateway
// endpoints, flow logs of all traffic kept for a year in a KMS-encrypted log group, and
// a default security group without rules.
type VpcProps struct {
	// Name names the VPC and prefixes the Name tags of its subnets, route tables and
	// gateways ("prod" gives "prod-private-eu-west-1a"). Empty means the construct ID.
	Name string

	// Cidr is the VPC's IPv4 range, /16 to /28. Empty means DefaultCidr.
	Cidr string
	// AZCount is how many Availability Zones the VPC spans. Zero means DefaultAZCount,
	// or the length of AvailabilityZones when that is set. It cannot exceed the zones
	// the region offers; a stack without a concrete region offers two.
	AZCount int
	// AvailabilityZones names the zones to use, such as "eu-west-1a". Empty means the
	// first AZCount zones of the stack's region, looked up by the CDK and cached in
	// cdk.context.json.
	AvailabilityZones []string

	// Egress selects how private subnets reach the internet. Empty means
	// EgressNatPerAZ.
	Egress Egress
	// Proxy configures the forward proxy of EgressProxy. Its zero value is the
	// egressproxy defaults. Setting it with another egress mode is an error.
	Proxy egressproxy.Settings
	// TransitGatewayID is the Transit Gateway ("tgw-...", or the token of one in the
	// same stack) that EgressTransitGateway or TransitGatewayRoutes attach to. Required
	// with either, an error without.
	TransitGatewayID string
	// TransitGatewayAttachmentID is, with EgressTransitGateway, the ID of this VPC's
	// Transit Gateway attachment ("tgw-attach-..."), which the stack outputs as
	// TransitGatewayAttachmentId after its first deploy. Set it once the Transit
	// Gateway's owner has accepted the attachment: the private subnets then send
	// their default route to the Transit Gateway. Empty means the attachment is still
	// waiting for acceptance and nothing routes through it: a route to a pending
	// attachment fails, and the rollback would delete the attachment that the owner
	// was about to accept. An error in other modes.
	TransitGatewayAttachmentID string
	// TransitGatewayRoutes lists ranges, such as spoke VPCs and on-premises networks,
	// that a VPC with its own egress reaches through TransitGatewayID: this is how a
	// hub's central egress VPC is built. The VPC gets attachment subnets and an
	// attachment as in EgressTransitGateway, a route to the Transit Gateway for each
	// range from its public and private subnets and, with NAT gateways, a default route
	// from each attachment subnet to the NAT gateway of its AZ, so that traffic arriving
	// from the Transit Gateway leaves through it. The forward proxy of EgressProxy admits
	// these ranges too. Each route table holds 50 routes unless the quota is raised:
	// summarise many spokes into covering ranges. Empty means none. An error with
	// EgressTransitGateway, whose default route covers every range.
	TransitGatewayRoutes []string

	// PublicPrefix, PrivatePrefix, IsolatedPrefix and AttachmentPrefix are the prefix
	// lengths of the subnets of each tier, 16 to 28. Zero means DefaultPublicPrefix,
	// DefaultPrivatePrefix, DefaultIsolatedPrefix and DefaultAttachmentPrefix.
	PublicPrefix     int
	PrivatePrefix    int
	IsolatedPrefix   int
	AttachmentPrefix int
	// NoIsolatedSubnets leaves out the isolated tier. False creates it.
	NoIsolatedSubnets bool

	// FlowLogBucket receives the flow logs, for example the log archive bucket
	// imported by name. Nil sends them to a KMS-encrypted CloudWatch log group.
	FlowLogBucket awss3.IBucket
	// FlowLogKeyPrefix is the key prefix under FlowLogBucket, without a leading slash.
	// Empty means DefaultFlowLogKeyPrefix. An error without FlowLogBucket.
	FlowLogKeyPrefix string
	// FlowLogRetentionDays is how long the CloudWatch log group keeps flow logs; one of
	// the periods CloudWatch Logs offers. Zero means DefaultFlowLogRetentionDays. Below
	// 365 needs AllowShortFlowLogRetention. An error with FlowLogBucket, whose own
	// lifecycle decides.
	FlowLogRetentionDays int
	// AllowShortFlowLogRetention accepts a FlowLogRetentionDays below one year, which
	// most audit frameworks reject. False refuses it.
	AllowShortFlowLogRetention bool
	// FlowLogKey encrypts the flow-log group. Nil creates a key with rotation. A key
	// passed in must admit the CloudWatch Logs service in its policy.
	FlowLogKey awskms.IKey

	// DisableGatewayEndpoints leaves out the S3 and DynamoDB gateway endpoints, which
	// cost nothing and keep that traffic off NAT gateways and proxies. False creates
	// them.
	DisableGatewayEndpoints bool
	// DNSFirewall adds, in egress mode proxy, a Route 53 Resolver DNS Firewall that
	// answers only for the allow-list (and the AWS names the VPC's own machinery needs)
	// and NXDOMAIN for every other name, with every query logged: a client that ignores
	// HTTPS_PROXY cannot resolve other names. About USD 0.60 per million queries, plus
	// the logs. False leaves DNS open, as the proxy alone does not need it.
	DNSFirewall bool
	// OrganizationID is the AWS Organizations ID ("o-a1b2c3d4e5") whose resources the
	// gateway endpoints admit (aws:ResourceOrgID): traffic through them reaches no
	// other organization's bucket or table. Empty admits the VPC's own account only
	// (aws:ResourceAccount).
	OrganizationID string
	// GatewayEndpointBuckets are S3 buckets outside the organization that the S3
	// endpoint admits for reading (s3:GetObject), besides the Amazon Linux 2023 and SSM
	// Agent buckets of the region, which it always admits. Empty means none more.
	GatewayEndpointBuckets []string
	// InterfaceEndpoints lists AWS services, by the last part of their endpoint name
	// ("ssm", "ssmmessages", "ec2messages", "kms", "logs", "sts", "ecr.api"), that get an
	// interface endpoint with private DNS in the private subnets. Each costs about
	// USD 7.30 a month per AZ. Empty means none.
	InterfaceEndpoints []string

	// DefaultSecurityGroup selects how the default security group is emptied. Empty
	// means DefaultSecurityGroupCustomResource.
	DefaultSecurityGroup DefaultSecurityGroupMode
}

// withDefaults returns a copy of p with every zero field resolved.
func (p VpcProps) withDefaults(id string) VpcProps {
	if p.Name == "" {
		p.Name = id
	}
	if p.Cidr == "" {
		p.Cidr = DefaultCidr
	}
	if p.AZCount == 0 {
		p.AZCount = DefaultAZCount
		if len(p.AvailabilityZones) > 0 {
			p.AZCount = len(p.AvailabilityZones)
		}
	}
	p.Egress = p.Egress.orDefault()
	p.PublicPrefix = orDefault(p.PublicPrefix, DefaultPublicPrefix)
	p.PrivatePrefix = orDefault(p.PrivatePrefix, DefaultPrivatePrefix)
	p.IsolatedPrefix = orDefault(p.IsolatedPrefix, DefaultIsolatedPrefix)
	p.AttachmentPrefix = orDefault(p.AttachmentPrefix, DefaultAttachmentPrefix)
	if p.FlowLogBucket != nil && p.FlowLogKeyPrefix == "" {
		p.FlowLogKeyPrefix = DefaultFlowLogKeyPrefix
	}
	if p.FlowLogBucket == nil {
		p.FlowLogRetentionDays = orDefault(p.FlowLogRetentionDays, DefaultFlowLogRetentionDays)
	}
	p.DefaultSecurityGroup = p.DefaultSecurityGroup.orDefault()
	return p
}

// tiers is the subnet layout, in allocation order.
func (p VpcProps) tiers() []tier {
	var ts []tier
	if p.attachesTransitGateway() {
		ts = append(ts, tier{TierAttachment, p.AttachmentPrefix})
	}
	if p.Egress.needsPublicSubnets() {
		ts = append(ts, tier{TierPublic, p.PublicPrefix})
	}
	ts = append(ts, tier{TierPrivate, p.PrivatePrefix})
	if !p.NoIsolatedSubnets {
		ts = append(ts, tier{TierIsolated, p.IsolatedPrefix})
	}
	return ts
}

func orDefault(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}
