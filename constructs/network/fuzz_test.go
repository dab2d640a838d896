package network_test

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/constructs/network"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// VpcProps.Validate never panics, and every problem it reports names its field and
// stays short, whatever the input.
func FuzzVpcPropsValidate(f *testing.F) {
	f.Add("10.0.0.0/16", 2, "nat-per-az", 0, 0, "ssm,kms", "tgw-0123456789abcdef0", "10.1.0.0/16", 365)
	f.Add("169.254.0.0/16", -1, "transit-gateway", 29, 33, "com.amazonaws.eu-west-1.ssm", "", "0.0.0.0/0", 7)
	f.Fuzz(func(t *testing.T, cidr string, azs int, egress string, privatePrefix, isolatedPrefix int, endpoints, tgw, routes string, retention int) {
		p := network.VpcProps{
			Cidr: cidr, AZCount: azs, Egress: network.Egress(egress), PrivatePrefix: privatePrefix, IsolatedPrefix: isolatedPrefix,
			TransitGatewayID: tgw, FlowLogRetentionDays: retention,
		}
		if endpoints != "" {
			p.InterfaceEndpoints = strings.Split(endpoints, ",")
		}
		if routes != "" {
			p.TransitGatewayRoutes = strings.Split(routes, ",")
		}
		lztest.CheckFuzzError(t, p.Validate(), "network: VpcProps")
	})
}
