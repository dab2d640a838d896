package network

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// Name tags applied here outrank the construct-path names the CDK's Vpc applies.
const (
	subnetNamePriority  = 200
	gatewayNamePriority = 300
)

// nameResources gives subnets, their route tables and the NAT gateways readable Name
// tags: "<name>-<tier>-<az>" and "<name>-nat-<az>".
func (v *Vpc) nameResources(name string) {
	tiers := []struct {
		name    string
		subnets []awsec2.ISubnet
	}{
		{TierAttachment, v.AttachmentSubnets},
		{TierPublic, v.PublicSubnets},
		{TierPrivate, v.PrivateSubnets},
		{TierIsolated, v.IsolatedSubnets},
	}
	for _, t := range tiers {
		for i, s := range t.subnets {
			zone := zoneLabel(s, i)
			setName(s, fmt.Sprintf("%s-%s-%s", name, strings.ToLower(t.name), zone), subnetNamePriority)
			// The CDK places a NAT gateway and its Elastic IP under their public subnet.
			for _, child := range []string{"NATGateway", "EIP"} {
				if c := s.Node().TryFindChild(jsii.String(child)); c != nil {
					setName(c, fmt.Sprintf("%s-nat-%s", name, zone), gatewayNamePriority)
				}
			}
		}
	}
}

// zoneLabel is the subnet's AZ name, or its position when the AZ is a token of an
// environment-agnostic stack.
func zoneLabel(s awsec2.ISubnet, i int) string {
	if az := s.AvailabilityZone(); !*awscdk.Token_IsUnresolved(az) {
		return *az
	}
	return fmt.Sprintf("az%d", i+1)
}

func setName(c constructs.IConstruct, name string, priority float64) {
	awscdk.Tags_Of(c).Add(jsii.String("Name"), jsii.String(name), &awscdk.TagProps{Priority: jsii.Number(priority)})
}
