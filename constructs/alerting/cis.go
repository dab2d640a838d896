package alerting

import "slices"

// CISAlarm is one monitoring control of the CIS AWS Foundations Benchmark: a metric
// filter on the CloudTrail log group and an alarm on its first match.
type CISAlarm struct {
	// ControlID identifies the control: the AWS Security Hub control ID
	// ("CloudWatch.1"), or the CIS recommendation ("CIS-4.15") where Security Hub has
	// none.
	ControlID string
	// Name is the metric name and the construct ID of the alarm, such as
	// "RootAccountUsage".
	Name string
	// Description says what the alarm reports.
	Description string
	// Pattern is the metric filter's pattern, exactly as the control prescribes it:
	// Security Hub fails the control if a term is added or changed.
	Pattern string
}

// CISAlarms returns the monitoring controls NewTrailAlarms creates, in control order, as
// a new slice at each call. The patterns are those of the AWS Security Hub controls
// CloudWatch.1 to CloudWatch.14 (CIS AWS Foundations Benchmark v1.2.0 section 3 and
// v1.4.0 section 4) and of CIS v1.4.0 recommendation 4.15 for AWS Organizations.
func CISAlarms() []CISAlarm { return slices.Clone(cisAlarms) }

// cisAlarms is the list CISAlarms copies; NewTrailAlarms reads it directly.
var cisAlarms = []CISAlarm{
	{"CloudWatch.1", "RootAccountUsage", "The root user was used",
		`{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}`},
	{"CloudWatch.2", "UnauthorizedAPICalls", "API calls were refused as unauthorized",
		`{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}`},
	{"CloudWatch.3", "ConsoleSigninWithoutMFA", "An IAM user signed in to the console without MFA",
		`{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }`},
	{"CloudWatch.4", "IAMPolicyChanges", "An IAM policy was created, changed, attached or detached",
		`{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}`},
	{"CloudWatch.5", "CloudTrailChanges", "A CloudTrail trail was created, changed, stopped or deleted",
		`{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}`},
	{"CloudWatch.6", "ConsoleAuthenticationFailures", "A console sign-in failed",
		`{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}`},
	{"CloudWatch.7", "DisableOrDeleteCMK", "A customer-managed KMS key was disabled or scheduled for deletion",
		`{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}`},
	{"CloudWatch.8", "S3BucketPolicyChanges", "An S3 bucket policy, ACL, CORS, lifecycle or replication setting changed",
		`{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}`},
	{"CloudWatch.9", "AWSConfigChanges", "An AWS Config recorder or delivery channel was changed or stopped",
		`{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}`},
	{"CloudWatch.10", "SecurityGroupChanges", "A security group or its rules changed",
		`{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}`},
	{"CloudWatch.11", "NACLChanges", "A network ACL or its entries changed",
		`{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}`},
	{"CloudWatch.12", "NetworkGatewayChanges", "An internet or customer gateway changed",
		`{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}`},
	{"CloudWatch.13", "RouteTableChanges", "A route table or route changed",
		`{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}`},
	{"CloudWatch.14", "VPCChanges", "A VPC, its attributes or a peering connection changed",
		`{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}`},
	{"CIS-4.15", "OrganizationsChanges", "The AWS Organization, its accounts, OUs or policies changed",
		`{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }`},
}
