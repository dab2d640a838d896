package network

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/go-landingzone/landingzone/internal/check"
)

var (
	transitGatewayID = regexp.MustCompile(`^tgw-[0-9a-f]{8,17}$`)
	// attachmentID is a Transit Gateway attachment ID, per the EC2 API reference's
	// examples ("tgw-attach-0a34fe6b4fEXAMPLE" with its hexadecimal digits).
	attachmentID    = regexp.MustCompile(`^tgw-attach-[0-9a-f]{8,17}$`)
	azName          = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-\d+[a-z]$`)
	endpointService = regexp.MustCompile(`^[a-z0-9]+([.-][a-z0-9]+)*$`)
)

// region is what validation knows of the stack's region. The zero value knows
// nothing, and skips the checks that need the region.
type region struct {
	// Name is the region; empty when it is not known.
	Name string
	// Zones are the region's Availability Zones; nil when they are not known (a
	// lookup the CDK has yet to make).
	Zones []string
	// Agnostic marks an environment-agnostic stack, whose region is a deploy-time
	// token.
	Agnostic bool
}

// offered is how many AZs a VPC can span in r, or 0 when that is not known.
func (r region) offered() int {
	if r.Agnostic {
		// Fn::GetAZs selections are all an environment-agnostic stack can use, and the
		// CDK limits those to two.
		return 2
	}
	return len(r.Zones)
}

// Validate reports every problem in p that does not depend on the stack, with fields
// named as in VpcProps ("VpcProps.Proxy.Port"). NewVpc also checks the zones against
// the stack's region. Configuration loaders use it to report mistakes before building
// anything.
func (p VpcProps) Validate() error {
	_, err := validate(p, "Vpc", region{})
	return err
}

// validate checks raw props as the caller wrote them and returns them with defaults
// resolved, or every problem found.
func validate(raw VpcProps, id string, r region) (VpcProps, error) {
	var l check.List
	p := raw.withDefaults(id)
	// Subnets are tagged "<name>-attachment-<zone>", zones up to 20 characters.
	check.NameTag(&l, "VpcProps.Name", p.Name, len("-attachment-")+20)

	if !raw.Egress.Valid() {
		l.Addf("VpcProps.Egress", string(raw.Egress), "unknown egress mode; want one of %q", Egresses())
	}
	if !raw.DefaultSecurityGroup.Valid() {
		l.Addf("VpcProps.DefaultSecurityGroup", string(raw.DefaultSecurityGroup), "unknown mode; want one of %q", DefaultSecurityGroupModes())
	}
	validateZones(&l, raw, p, r)
	validateLayout(&l, raw, p)
	validateEgressSettings(&l, raw, p)
	validateFlowLogs(&l, raw, p)
	validateEndpoints(&l, raw)
	return p, l.Err("network")
}

func validateZones(l *check.List, raw, p VpcProps, r region) {
	if raw.AZCount < 0 {
		l.Addf("VpcProps.AZCount", raw.AZCount, "must be at least 1; zero means %d", DefaultAZCount)
	}
	if n := len(raw.AvailabilityZones); n > 0 && raw.AZCount > 0 && raw.AZCount != n {
		l.Addf("VpcProps.AZCount", raw.AZCount, "differs from the %d `AvailabilityZones` given; set one of the two", n)
	}
	for i, az := range raw.AvailabilityZones {
		field := fmt.Sprintf("VpcProps.AvailabilityZones[%d]", i)
		switch {
		case !azName.MatchString(az):
			l.Addf(field, az, "not an Availability Zone name such as \"eu-west-1a\"")
		case r.Name != "" && !strings.HasPrefix(az, r.Name):
			l.Addf(field, az, "not in the stack's region %s", r.Name)
		case r.Zones != nil && !slices.Contains(r.Zones, az):
			l.Addf(field, az, "not one of the region's zones %q", r.Zones)
		}
	}
	check.Duplicates(l, "VpcProps.AvailabilityZones[%d]", raw.AvailabilityZones)
	if offered := r.offered(); len(raw.AvailabilityZones) == 0 && offered > 0 && p.AZCount > offered {
		where := "region " + r.Name
		if r.Agnostic {
			where = "an environment-agnostic stack (set the stack's env for more)"
		}
		l.Addf("VpcProps.AZCount", p.AZCount, "%s offers %d Availability Zones", where, offered)
	}
}

func validateLayout(l *check.List, raw, p VpcProps) {
	vpc, ok := check.IPv4CIDR(l, "VpcProps.Cidr", p.Cidr)
	if ok {
		check.VPCRange(l, "VpcProps.Cidr", vpc)
	}
	if ok && (vpc.Bits() < minSubnetPrefix || vpc.Bits() > maxSubnetPrefix) {
		l.Addf("VpcProps.Cidr", p.Cidr, "a VPC must be /%d to /%d", minSubnetPrefix, maxSubnetPrefix)
		ok = false
	}
	// A prefix set for a tier the mode does not create would be silently ignored.
	if raw.PublicPrefix != 0 && !p.Egress.needsPublicSubnets() {
		l.Addf("VpcProps.PublicPrefix", raw.PublicPrefix, "egress mode %s has no public subnets", p.Egress)
	}
	if raw.AttachmentPrefix != 0 && !p.attachesTransitGateway() {
		l.Addf("VpcProps.AttachmentPrefix", raw.AttachmentPrefix, "only egress mode %s or `TransitGatewayRoutes` create attachment subnets", EgressTransitGateway)
	}
	if raw.IsolatedPrefix != 0 && p.NoIsolatedSubnets {
		l.Addf("VpcProps.IsolatedPrefix", raw.IsolatedPrefix, "`NoIsolatedSubnets` leaves out the isolated tier")
	}
	fieldOf := map[string]string{TierAttachment: "AttachmentPrefix", TierPublic: "PublicPrefix", TierPrivate: "PrivatePrefix", TierIsolated: "IsolatedPrefix"}
	tiers := p.tiers()
	for _, t := range tiers {
		field := "VpcProps." + fieldOf[t.name]
		switch {
		case t.name == TierAttachment && t.prefix > maxSubnetPrefix:
			l.Addf(field, t.prefix, "attachment subnets too small: a Transit Gateway attachment needs a /%d or larger subnet in each AZ, the smallest AWS allows, which keeps 11 addresses for its network interfaces", maxSubnetPrefix)
			ok = false
		case t.prefix < minSubnetPrefix || t.prefix > maxSubnetPrefix:
			l.Addf(field, t.prefix, "a subnet must be /%d to /%d", minSubnetPrefix, maxSubnetPrefix)
			ok = false
		case ok && t.prefix < vpc.Bits():
			l.Addf(field, t.prefix, "a /%d subnet is larger than the /%d VPC %s", t.prefix, vpc.Bits(), p.Cidr)
			ok = false
		}
	}
	if !ok || p.AZCount < 1 {
		return
	}
	if _, full, need := planSubnets(vpc, tiers, p.AZCount); full != nil {
		l.Addf("VpcProps.Cidr", p.Cidr, "too small for %d AZs of subnets %s: the layout needs %d addresses (a /%d), the VPC has %d; use a larger VPC, fewer AZs or longer subnet prefixes",
			p.AZCount, describeTiers(tiers), need, smallestPrefixFor(need), uint64(1)<<(32-vpc.Bits()))
	}
}

func describeTiers(tiers []tier) string {
	parts := make([]string, len(tiers))
	for i, t := range tiers {
		parts[i] = fmt.Sprintf("%s /%d", strings.ToLower(t.name), t.prefix)
	}
	return strings.Join(parts, ", ")
}

func validateEgressSettings(l *check.List, raw, p VpcProps) {
	if p.Egress == EgressProxy {
		l.Merge("VpcProps.Proxy.", raw.Proxy.Validate())
	} else if !raw.Proxy.IsZero() && raw.Egress.Valid() {
		l.Addf("VpcProps.Proxy", nil, "set, but egress mode is %s; proxy settings need %s", p.Egress, EgressProxy)
	}
	switch {
	case p.Egress == EgressTransitGateway && raw.TransitGatewayID == "":
		l.Addf("VpcProps.TransitGatewayID", raw.TransitGatewayID, "required with egress mode %s", EgressTransitGateway)
	case p.attachesTransitGateway() && raw.TransitGatewayID == "":
		l.Addf("VpcProps.TransitGatewayID", raw.TransitGatewayID, "required with `TransitGatewayRoutes`")
	case p.attachesTransitGateway() && !transitGatewayIDOK(raw.TransitGatewayID):
		l.Addf("VpcProps.TransitGatewayID", raw.TransitGatewayID, "not a Transit Gateway ID such as \"tgw-0123456789abcdef0\"")
	case !p.attachesTransitGateway() && raw.TransitGatewayID != "":
		l.Addf("VpcProps.TransitGatewayID", raw.TransitGatewayID, "set, but egress mode is %s and `TransitGatewayRoutes` is empty", p.Egress)
	}
	switch {
	case raw.TransitGatewayAttachmentID == "":
	case p.Egress != EgressTransitGateway:
		l.Addf("VpcProps.TransitGatewayAttachmentID", raw.TransitGatewayAttachmentID, "set, but egress mode is %s; only a spoke (%s) waits for its attachment to be accepted", p.Egress, EgressTransitGateway)
	case !attachmentID.MatchString(raw.TransitGatewayAttachmentID):
		l.Addf("VpcProps.TransitGatewayAttachmentID", raw.TransitGatewayAttachmentID, "not a Transit Gateway attachment ID such as \"tgw-attach-0123456789abcdef0\"")
	}
	validateTransitGatewayRoutes(l, raw, p)
}

func validateFlowLogs(l *check.List, raw, p VpcProps) {
	if raw.FlowLogBucket != nil {
		if raw.FlowLogRetentionDays != 0 || raw.AllowShortFlowLogRetention {
			l.Addf("VpcProps.FlowLogRetentionDays", raw.FlowLogRetentionDays, "applies to the CloudWatch log group; with `FlowLogBucket` the bucket's lifecycle decides")
		}
		if raw.FlowLogKey != nil {
			l.Addf("VpcProps.FlowLogKey", nil, "encrypts the CloudWatch log group; with `FlowLogBucket` the bucket's encryption applies")
		}
		if strings.HasPrefix(raw.FlowLogKeyPrefix, "/") {
			l.Addf("VpcProps.FlowLogKeyPrefix", raw.FlowLogKeyPrefix, "must not start with a slash")
		}
		return
	}
	if raw.FlowLogKeyPrefix != "" {
		l.Addf("VpcProps.FlowLogKeyPrefix", raw.FlowLogKeyPrefix, "needs `FlowLogBucket`")
	}
	check.LogRetention(l, "VpcProps.FlowLogRetentionDays", p.FlowLogRetentionDays, raw.AllowShortFlowLogRetention, "AllowShortFlowLogRetention")
	if raw.DNSFirewall && p.Egress != EgressProxy {
		l.Addf("VpcProps.DNSFirewall", true, "set, but egress mode is %s: the firewall allows the proxy's allow-list", p.Egress)
	}
	if raw.OrganizationID != "" {
		check.OrganizationID(l, "VpcProps.OrganizationID", raw.OrganizationID)
	}
	for i, b := range raw.GatewayEndpointBuckets {
		check.BucketName(l, check.Index("VpcProps.GatewayEndpointBuckets", i), b)
	}
	if raw.DisableGatewayEndpoints && len(raw.GatewayEndpointBuckets) > 0 {
		l.Addf("VpcProps.GatewayEndpointBuckets", raw.GatewayEndpointBuckets, "set, but `DisableGatewayEndpoints` leaves out the S3 endpoint")
	}
}

func validateEndpoints(l *check.List, raw VpcProps) {
	for i, name := range raw.InterfaceEndpoints {
		field := fmt.Sprintf("VpcProps.InterfaceEndpoints[%d]", i)
		switch short, full := strings.CutPrefix(name, "com.amazonaws."); {
		case full && strings.Count(short, ".") >= 1 && endpointService.MatchString(short):
			// The full form "com.amazonaws.<region>.<service>" would be prefixed again.
			_, service, _ := strings.Cut(short, ".")
			l.Addf(field, name, "the full service name; give the short one, %q, which the VPC prefixes with com.amazonaws.<region>.", service)
		case !endpointService.MatchString(name):
			l.Addf(field, name, "not an AWS service endpoint name such as \"ssm\" or \"ecr.api\"")
		case !slices.Contains(endpointServiceNames[:], name):
			l.Addf(field, name, "not an interface endpoint service of the AWS CDK's list (InterfaceVpcEndpointAwsService); did you mean %q?", check.Nearest(name, endpointServiceNames[:]))
		}
	}
	check.Duplicates(l, "VpcProps.InterfaceEndpoints[%d]", raw.InterfaceEndpoints)
}
