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
	nag.Suppress(fp.LoadBalancer, true, nag.Rule{ID: "AwsSolutions-ELB2", Reason: "Network Load Balancer access logs cover TLS listeners only; every request through this TCP listener is in Squid's access log"})
}
