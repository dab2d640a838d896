// Package configrules turns on AWS Config in an account and evaluates what it records
// with a typed set of AWS managed rules, and aggregates the results of every account of
// the organization in one place.
//
// # Recorder
//
// NewRecorder records every supported resource type. Global resource types (IAM users,
// groups, roles and policies) are recorded in the home region only, since recording
// them in every region would bill each change once per region; the rules about them
// (RuleRootAccountMFA, RuleIAMUserNoInlinePolicy) exist in the home region only too, as
// AWS advises for rules on global resources. An environment-agnostic stack, such as a
// StackSet template deployed to many regions, decides at deploy time with a
// CloudFormation condition on AWS::Region.
//
// The delivery channel writes configuration history and snapshots to the log archive
// bucket, in another account, under <KeyPrefix>/AWSLogs/<account>/Config/. The bucket
// policy that admits AWS Config there belongs to the log archive: DeliveryStatements
// builds it. AWS Config cannot deliver to a bucket with S3 Object Lock enabled.
//
// NewRecorder creates only native CloudFormation resources (no custom resource, no
// asset), so that its stack can be rolled out by CloudFormation StackSets.
//
// # Rules
//
// Every Rule is on by default; DisabledRules turns rules off by name. The approved-AMI
// rule is on when approved AMIs are given, by ID or by tag. Automatic remediation of
// public S3 buckets (the AWS-managed SSM document AWS-DisableS3BucketPublicReadWrite) is
// off by default because it changes customer buckets.
//
// # Aggregator
//
// NewOrganizationAggregator, in the audit account, collects the configuration and
// compliance of every account and region of the organization. Before it can, the
// management account must enable trusted access for ServicePrincipal
// (config.amazonaws.com) and register the audit account as its delegated
// administrator:
//
//	aws organizations enable-aws-service-access --service-principal config.amazonaws.com
//	aws organizations register-delegated-administrator --service-principal config.amazonaws.com --account-id <audit>
//
// AWS CloudFormation has no resource for either call.
package configrules

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
