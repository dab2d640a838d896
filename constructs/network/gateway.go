package network

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
)

// awsReadBuckets are the AWS-owned buckets that instances of the VPC read through the
// S3 endpoint whatever the organization: the Amazon Linux 2023 package repositories
// (al2023-repos-<region>-de612dc2, which dnf reads, the proxies' bootstrap included)
// and the SSM Agent's update buckets (amazon-ssm-<region>, aws-ssm-<region>), as the
// Amazon Linux 2023 User Guide and the Systems Manager User Guide ("SSM Agent
// communications with AWS managed S3 buckets") name them.
func awsReadBuckets(region string) []string {
	return []string{"al2023-repos-" + region + "-de612dc2", "amazon-ssm-" + region, "aws-ssm-" + region}
}

// addGatewayEndpoints creates the S3 and DynamoDB gateway endpoints with policies that
// admit the organization's resources only (or the account's), so that a workload
// cannot carry data through them to a bucket or table of another organization, and,
// for S3, reading the AWS buckets the instances need.
func (v *Vpc) addGatewayEndpoints(p VpcProps) {
	stack := awscdk.Stack_Of(v)
	own := map[string]any{"StringEquals": map[string]any{"aws:ResourceAccount": *stack.Account()}}
	whose := "Account"
	if p.OrganizationID != "" {
		own = map[string]any{"StringEquals": map[string]any{"aws:ResourceOrgID": p.OrganizationID}}
		whose = "Organization"
	}
	v.GatewayEndpoints = map[string]awsec2.GatewayVpcEndpoint{}
	for _, ep := range []struct {
		id      string
		service awsec2.IGatewayVpcEndpointService
	}{{"S3", awsec2.GatewayVpcEndpointAwsService_S3()}, {"DynamoDB", awsec2.GatewayVpcEndpointAwsService_DYNAMODB()}} {
		e := v.Vpc.AddGatewayEndpoint(jsii.String(ep.id), &awsec2.GatewayVpcEndpointOptions{Service: ep.service})
		e.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Sid:        jsii.String(ep.id + "Only" + whose + "Resources"),
			Principals: &[]awsiam.IPrincipal{awsiam.NewAnyPrincipal()},
			Actions:    jsii.Strings("*"),
			Resources:  jsii.Strings("*"),
			Conditions: &own,
		}))
		v.GatewayEndpoints[ep.id] = e
	}
	var objects []*string
	for _, b := range append(awsReadBuckets(*stack.Region()), p.GatewayEndpointBuckets...) {
		objects = append(objects, jsii.String("arn:"+*stack.Partition()+":s3:::"+b+"/*"))
	}
	v.GatewayEndpoints["S3"].AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String("S3ReadAWSPackagesAndListedBuckets"),
		Principals: &[]awsiam.IPrincipal{awsiam.NewAnyPrincipal()},
		Actions:    jsii.Strings("s3:GetObject"),
		Resources:  &objects,
	}))
}
