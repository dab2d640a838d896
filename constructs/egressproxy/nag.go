package egressproxy

import "github.com/go-landingzone/landingzone/internal/nag"

// suppressFindings records why the cdk-nag AwsSolutions findings on the proxy do not
// apply.
func suppressFindings(fp *ForwardProxy) {
	nag.Suppress(fp.Role, true,
		nag.Rule{ID: "AwsSolutions-IAM4", Reason: "AmazonSSMManagedInstanceCore is the AWS-maintained minimum for SSM Session Manager, which replaces SSH on the proxies",
			AppliesTo: []string{"Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore"}},
		nag.Rule{ID: "AwsSolutions-IAM5", Reason: "the instance ID is unknown before launch; the statement is limited to instances tagged as this proxy fleet",
			AppliesTo: []string{"/^Resource::arn:.*:ec2:.*:instance\\/\\*$/"}},
		nag.Rule{ID: "AwsSolutions-IAM5", Reason: "the fleet's allow-list parameters are numbered under its own path, which GetParametersByPath reads as a whole",
			AppliesTo: []string{"/^Resource::arn:.*:ssm:.*:parameter\\/landingzone\\/egressproxy\\/[0-9a-f]+\\/\\*$/"}},
	)
	for _, g := range fp.Groups {
		nag.Suppress(g, true, nag.Rule{ID: "AwsSolutions-AS3", Reason: "a replaced proxy shows in the load balancer's healthy-host metric and the group's activity history; scaling notifications would only repeat that"})
	}
	nag.Suppress(fp.LoadBalancer, true, nag.Rule{ID: "AwsSolutions-ELB2", Reason: nlbAccessLogs})
	suppressControls(fp)
}

// nlbAccessLogs is why the load balancer has no access logs.
const nlbAccessLogs = "Network Load Balancer access logs cover TLS listeners only " +
	"(https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-access-logs.html); " +
	"every request through this TCP listener is in Squid's access log"

// suppressControls records why the AWS Control Tower controls that the proxy does not
// meet do not apply. An organization that enforces one of them cannot deploy the proxy
// and should choose NAT egress.
func suppressControls(fp *ForwardProxy) {
	nag.SuppressControls(fp.LoadBalancer, true, nag.Rule{ID: "CT.ELASTICLOADBALANCING.PR.6", Reason: nlbAccessLogs})
	for _, g := range fp.Groups {
		nag.SuppressControls(g, true,
			nag.Rule{ID: "CT.AUTOSCALING.PR.1", Reason: "each group holds the one proxy of one Availability Zone, which claims that zone's Elastic IP " +
				"(the address allow-lists know); the proxies of the other zones are groups of their own, behind the same load balancer"},
			nag.Rule{ID: "CT.AUTOSCALING.PR.6", Reason: "each group runs exactly one instance of Settings.InstanceType, on an AMI of that type's architecture; " +
				"a second type would change the proxy's size and may need another AMI"},
		)
	}
}

// publicIPControl is why the launch templates assign a public IP.
var publicIPControl = nag.Rule{ID: "CT.EC2.PR.9", Reason: "the proxy is the VPC's egress path and sits in a public subnet: it needs a public IP " +
	"to reach the internet until its bootstrap moves the zone's Elastic IP onto it"}
