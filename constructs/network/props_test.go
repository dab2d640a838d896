package network_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/egressproxy"
	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestVpcPropsErrors(t *testing.T) {
	proxy := func(s egressproxy.Settings) network.VpcProps {
		return network.VpcProps{Egress: network.EgressProxy, Proxy: s}
	}
	for _, tc := range []struct {
		name  string
		props network.VpcProps
		want  []string
	}{
		{"invalid cidr", network.VpcProps{Cidr: "10.0.0.0/33"}, []string{`VpcProps.Cidr "10.0.0.0/33": not a valid IPv4 CIDR`}},
		{"not a cidr", network.VpcProps{Cidr: "vpc"}, []string{`VpcProps.Cidr "vpc": not a valid IPv4 CIDR`}},
		{"host bits", network.VpcProps{Cidr: "10.0.0.1/16"}, []string{`VpcProps.Cidr "10.0.0.1/16": host bits are set; the network is 10.0.0.0/16`}},
		{"vpc too large", network.VpcProps{Cidr: "10.0.0.0/8"}, []string{`VpcProps.Cidr "10.0.0.0/8": a VPC must be /16 to /28`}},
		{"subnet larger than the vpc", network.VpcProps{Cidr: "10.0.0.0/22"},
			[]string{`VpcProps.PrivatePrefix 20: a /20 subnet is larger than the /22 VPC 10.0.0.0/22`}},
		{"prefix too small for the subnets", network.VpcProps{Cidr: "10.0.0.0/18", AZCount: 3},
			[]string{`VpcProps.Cidr "10.0.0.0/18": too small for 3 AZs of subnets public /24, private /20, isolated /24: the layout needs 17152 addresses (a /17), the VPC has 16384`}},
		{"subnet prefix out of range", network.VpcProps{PrivatePrefix: 29, IsolatedPrefix: 15},
			[]string{`VpcProps.PrivatePrefix 29: a subnet must be /16 to /28`, `VpcProps.IsolatedPrefix 15: a subnet must be /16 to /28`}},
		{"negative AZ count", network.VpcProps{AZCount: -1}, []string{`VpcProps.AZCount -1: must be at least 1; zero means 2`}},
		{"more AZs than the region", network.VpcProps{AZCount: 4}, []string{`VpcProps.AZCount 4: region eu-west-1 offers 3 Availability Zones`}},
		{"zone of another region", network.VpcProps{AvailabilityZones: []string{"eu-west-1a", "us-east-1a"}},
			[]string{`VpcProps.AvailabilityZones[1] "us-east-1a": not in the stack's region eu-west-1`}},
		{"unknown zone", network.VpcProps{AvailabilityZones: []string{"eu-west-1d"}},
			[]string{`VpcProps.AvailabilityZones[0] "eu-west-1d": not one of the region's zones`}},
		{"duplicate zone", network.VpcProps{AvailabilityZones: []string{"eu-west-1a", "eu-west-1a"}},
			[]string{`VpcProps.AvailabilityZones[1] "eu-west-1a": duplicate of VpcProps.AvailabilityZones[0]`}},
		{"zone count mismatch", network.VpcProps{AZCount: 3, AvailabilityZones: []string{"eu-west-1a"}},
			[]string{"VpcProps.AZCount 3: differs from the 1 `AvailabilityZones` given"}},
		{"unknown egress mode", network.VpcProps{Egress: "nat-instance"}, []string{`VpcProps.Egress "nat-instance": unknown egress mode`}},
		{"unknown default security group mode", network.VpcProps{DefaultSecurityGroup: "keep"}, []string{`VpcProps.DefaultSecurityGroup "keep": unknown mode`}},
		{"empty allow-list entry", proxy(egressproxy.Settings{AllowedDomains: []string{"github.com", ""}}),
			[]string{`VpcProps.Proxy.AllowedDomains[1] "": not a domain name`}},
		{"malformed allow-list entry", proxy(egressproxy.Settings{AllowedDomains: []string{"https://github.com", "exa mple.com", "Example.com"}}),
			[]string{`VpcProps.Proxy.AllowedDomains[0] "https://github.com": not a domain name`, `VpcProps.Proxy.AllowedDomains[1] "exa mple.com": not a domain name`, `VpcProps.Proxy.AllowedDomains[2] "Example.com": not a domain name`}},
		{"allow-list entry covered by another", proxy(egressproxy.Settings{AllowedDomains: []string{".github.com", "api.github.com"}}),
			[]string{`VpcProps.Proxy.AllowedDomains[1] "api.github.com": already admitted by ".github.com" (AllowedDomains[0])`}},
		{"proxy port too high", proxy(egressproxy.Settings{Port: 70000}), []string{`VpcProps.Proxy.Port 70000: not a port number; allowed 1-65535`}},
		{"proxy port negative", proxy(egressproxy.Settings{Port: -1}), []string{`VpcProps.Proxy.Port -1: not a port number`}},
		{"proxy settings without proxy mode", network.VpcProps{Proxy: egressproxy.Settings{Port: 8080}},
			[]string{`VpcProps.Proxy: set, but egress mode is nat-per-az`}},
		{"duplicate interface endpoints", network.VpcProps{InterfaceEndpoints: []string{"ssm", "kms", "ssm"}},
			[]string{`VpcProps.InterfaceEndpoints[2] "ssm": duplicate of VpcProps.InterfaceEndpoints[0]`}},
		{"malformed interface endpoint", network.VpcProps{InterfaceEndpoints: []string{"com.amazonaws.eu-west-1.ssm "}},
			[]string{`VpcProps.InterfaceEndpoints[0] "com.amazonaws.eu-west-1.ssm ": not an AWS service endpoint name`}},
		{"interface endpoint in full form", network.VpcProps{InterfaceEndpoints: []string{"com.amazonaws.eu-west-1.ssm"}},
			[]string{`VpcProps.InterfaceEndpoints[0] "com.amazonaws.eu-west-1.ssm": the full service name; give the short one, "ssm"`}},
		{"interface endpoint that is no service", network.VpcProps{InterfaceEndpoints: []string{"ssmm", "s3-bucket"}},
			[]string{`VpcProps.InterfaceEndpoints[0] "ssmm": not an interface endpoint service of the AWS CDK's list (InterfaceVpcEndpointAwsService); did you mean "ssm"?`,
				`VpcProps.InterfaceEndpoints[1] "s3-bucket": not an interface endpoint service`}},
		{"name too long for the Name tags it prefixes", network.VpcProps{Name: strings.Repeat("v", 225)},
			[]string{`characters; it prefixes Name tags of up to 32 more, and a tag value holds at most 256`}},
		{"DNS firewall without the proxy", network.VpcProps{DNSFirewall: true},
			[]string{`VpcProps.DNSFirewall true: set, but egress mode is nat-per-az: the firewall allows the proxy's allow-list`}},
		{"malformed organization ID", network.VpcProps{OrganizationID: "org-1"}, []string{`VpcProps.OrganizationID "org-1": not an organization ID`}},
		{"malformed endpoint bucket", network.VpcProps{GatewayEndpointBuckets: []string{"Bad_Bucket"}}, []string{`VpcProps.GatewayEndpointBuckets[0] "Bad_Bucket"`}},
		{"endpoint buckets without endpoints", network.VpcProps{DisableGatewayEndpoints: true, GatewayEndpointBuckets: []string{"partner-bucket"}},
			[]string{"VpcProps.GatewayEndpointBuckets [\"partner-bucket\"]: set, but `DisableGatewayEndpoints` leaves out the S3 endpoint"}},
		{"link-local range", network.VpcProps{Cidr: "169.254.0.0/16"},
			[]string{`VpcProps.Cidr "169.254.0.0/16": overlaps link-local (169.254.0.0/16), where AWS serves instance metadata, which a VPC cannot use`}},
		{"multicast range", network.VpcProps{Cidr: "224.1.0.0/16"}, []string{`VpcProps.Cidr "224.1.0.0/16": overlaps multicast (224.0.0.0/4)`}},
		{"loopback range", network.VpcProps{Cidr: "127.0.0.0/16"}, []string{`VpcProps.Cidr "127.0.0.0/16": overlaps loopback (127.0.0.0/8)`}},
		{"short flow-log retention without opt-out", network.VpcProps{FlowLogRetentionDays: 90},
			[]string{"VpcProps.FlowLogRetentionDays 90: below the 365-day minimum; set `AllowShortFlowLogRetention`"}},
		{"flow-log retention CloudWatch does not offer", network.VpcProps{FlowLogRetentionDays: 100},
			[]string{`VpcProps.FlowLogRetentionDays 100: not a CloudWatch Logs retention`}},
		{"flow-log prefix without bucket", network.VpcProps{FlowLogKeyPrefix: "flow"}, []string{"VpcProps.FlowLogKeyPrefix \"flow\": needs `FlowLogBucket`"}},
		{"transit gateway mode without ID", network.VpcProps{Egress: network.EgressTransitGateway},
			[]string{`VpcProps.TransitGatewayID "": required with egress mode transit-gateway`}},
		{"malformed transit gateway ID", network.VpcProps{Egress: network.EgressTransitGateway, TransitGatewayID: "tgw-xyz"},
			[]string{`VpcProps.TransitGatewayID "tgw-xyz": not a Transit Gateway ID`}},
		{"transit gateway ID without the mode", network.VpcProps{TransitGatewayID: "tgw-0123456789abcdef0"},
			[]string{`VpcProps.TransitGatewayID "tgw-0123456789abcdef0": set, but egress mode is nat-per-az`}},
		{"attachment subnets too small", network.VpcProps{Egress: network.EgressTransitGateway, TransitGatewayID: "tgw-0123456789abcdef0", AttachmentPrefix: 29},
			[]string{`VpcProps.AttachmentPrefix 29: attachment subnets too small: a Transit Gateway attachment needs a /28 or larger subnet`}},
		{"attachment prefix without attachment subnets", network.VpcProps{AttachmentPrefix: 27},
			[]string{"VpcProps.AttachmentPrefix 27: only egress mode transit-gateway or `TransitGatewayRoutes` create attachment subnets"}},
		{"attachment ID without transit gateway egress", network.VpcProps{TransitGatewayAttachmentID: "tgw-attach-0a1b2c3d4e5f60718"},
			[]string{`VpcProps.TransitGatewayAttachmentID "tgw-attach-0a1b2c3d4e5f60718": set, but egress mode is nat-per-az`}},
		{"malformed attachment ID", network.VpcProps{Egress: network.EgressTransitGateway, TransitGatewayID: "tgw-0123456789abcdef0", TransitGatewayAttachmentID: "tgw-0123456789abcdef0"},
			[]string{`VpcProps.TransitGatewayAttachmentID "tgw-0123456789abcdef0": not a Transit Gateway attachment ID`}},
		{"transit gateway routes in spoke mode", network.VpcProps{Egress: network.EgressTransitGateway, TransitGatewayID: "tgw-0123456789abcdef0", TransitGatewayRoutes: []string{"10.1.0.0/16"}},
			[]string{`VpcProps.TransitGatewayRoutes ["10.1.0.0/16"]: egress mode transit-gateway routes every range to the Transit Gateway already`}},
		{"transit gateway routes without ID", network.VpcProps{TransitGatewayRoutes: []string{"10.1.0.0/16"}},
			[]string{"VpcProps.TransitGatewayID \"\": required with `TransitGatewayRoutes`"}},
		{"bad transit gateway routes", network.VpcProps{TransitGatewayID: "tgw-0123456789abcdef0", TransitGatewayRoutes: []string{"10.1.0.0/33", "0.0.0.0/0", "10.0.128.0/20", "10.2.0.0/16", "10.2.0.0/16"}},
			[]string{
				`VpcProps.TransitGatewayRoutes[0] "10.1.0.0/33": not a valid IPv4 CIDR`,
				`VpcProps.TransitGatewayRoutes[1] "0.0.0.0/0": a default route would take the internet path away`,
				`VpcProps.TransitGatewayRoutes[2] "10.0.128.0/20": inside the VPC's own range 10.0.0.0/16, which its local route serves`,
				`VpcProps.TransitGatewayRoutes[4] "10.2.0.0/16": duplicate of VpcProps.TransitGatewayRoutes[3]`,
			}},
		{"public prefix without public subnets", network.VpcProps{Egress: network.EgressNone, PublicPrefix: 26},
			[]string{`VpcProps.PublicPrefix 26: egress mode none has no public subnets`}},
		{"every problem at once", network.VpcProps{Cidr: "10.0.0.0/33", AZCount: -2, Egress: "bogus", FlowLogRetentionDays: 7, InterfaceEndpoints: []string{"sts", "sts"}},
			[]string{`VpcProps.Cidr "10.0.0.0/33"`, `VpcProps.AZCount -2`, `VpcProps.Egress "bogus"`, `VpcProps.FlowLogRetentionDays 7`, `VpcProps.InterfaceEndpoints[1] "sts"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = network.NewVpc(stack, "Vpc", tc.props) })
			lztest.ExpectInvalid(t, err, "network: VpcProps.", tc.want...)
			if n := len(*stack.Node().Children()); n != 0 {
				t.Errorf("the stack has %d children after a failed NewVpc, want none", n)
			}
		})
	}
}

// Fields that belong to the CloudWatch destination are refused with a bucket.
func TestVpcPropsErrorsWithBucket(t *testing.T) {
	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() {
		bucket := awss3.Bucket_FromBucketName(stack, jsii.String("Logs"), jsii.String("logs-bucket"))
		_, err = network.NewVpc(stack, "Vpc", network.VpcProps{FlowLogBucket: bucket, FlowLogRetentionDays: 731, FlowLogKeyPrefix: "/flow"})
	})
	lztest.ExpectInvalid(t, err, "network: VpcProps.",
		`VpcProps.FlowLogRetentionDays 731: applies to the CloudWatch log group`,
		`VpcProps.FlowLogKeyPrefix "/flow": must not start with a slash`)
	lztest.ExpectNoChild(t, stack, "Vpc")
}

// Validate needs no stack: it skips the checks that depend on the region.
func TestVpcPropsValidateWithoutStack(t *testing.T) {
	if err := (network.VpcProps{AZCount: 5}).Validate(); err != nil {
		t.Errorf("AZCount 5 without a region: %v", err)
	}
	err := network.VpcProps{Cidr: "10.0.0.0/8", AvailabilityZones: []string{"eu-west-1a", "us-east-1a"}}.Validate()
	lztest.ExpectInvalid(t, err, "network: VpcProps.", `VpcProps.Cidr "10.0.0.0/8"`)
	if err != nil && strings.Contains(err.Error(), "AvailabilityZones") {
		t.Errorf("zones were checked against an unknown region: %v", err)
	}
}

// A route to a range around the VPC's own is how an egress VPC returns traffic to
// every spoke: the local route stays more specific.
func TestVpcPropsAcceptSupernetRoutes(t *testing.T) {
	err := network.VpcProps{Cidr: "10.255.0.0/20", PrivatePrefix: 24, TransitGatewayID: "tgw-0123456789abcdef0", TransitGatewayRoutes: []string{"10.0.0.0/8", "172.16.0.0/12"}}.Validate()
	if err != nil {
		t.Error(err)
	}
}
