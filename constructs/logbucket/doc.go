// Package logbucket builds the log archive's immutable S3 bucket, into which the
// organization trail, AWS Config, GuardDuty and the CloudWatch Logs Firehose stream
// write, and the bucket that keeps its server access logs.
//
// # The bucket
//
// NewImmutableBucket creates a bucket named BucketName(prefix, account, region), so that
// stacks in other accounts find it without CloudFormation exports, with:
//
//   - S3 Object Lock enabled at creation with a default retention, COMPLIANCE mode for
//     365 days unless configured: no object version can be deleted or overwritten
//     before its retention ends, by anyone. Versioning is on, as Object Lock requires.
//   - SSE-KMS with a customer-managed key with yearly rotation, and S3 Bucket Keys,
//     which cut the KMS requests (and their cost) by orders of magnitude.
//   - All four public-access blocks and bucket-owner-enforced object ownership (ACLs
//     disabled).
//   - A bucket policy that denies plain HTTP and TLS older than 1.2, object deletion and
//     changes to the bucket's protections (see below).
//   - Lifecycle transitions to S3 Standard-IA and Glacier Flexible Retrieval, optional
//     expiry, and RETAIN on the bucket, its key and its policy.
//   - S3 server access logs in a second bucket: versioned, TLS-only, public access
//     blocked, SSE-S3 and without an Object Lock default retention, because S3 delivers
//     server access logs to neither SSE-KMS nor default-retention targets; they expire
//     after a year unless configured. The S3 logging service is admitted by the bucket
//     policy, never an ACL: the construct sets the CDK flag
//     "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy" on its own node, whatever the
//     app's flags.
//
// # Object Lock, the bucket policy and CloudFormation
//
// The bucket policy has two denials with different exemptions:
//
//   - DenyDeletion: s3:DeleteObject, s3:DeleteObjectVersion, s3:BypassGovernanceRetention
//     and s3:DeleteBucket are denied to every principal except the optional break-glass
//     role (BreakGlassRoleArn). CloudFormation never needs them: the bucket is retained
//     when its stack is deleted.
//   - DenyProtectionChanges: changes to versioning, Object Lock, encryption, lifecycle,
//     the bucket policy, the public-access block and object ownership are denied to
//     every principal except the break-glass role and the role CloudFormation deploys
//     with (DeployRoleArn, by default the CDK bootstrap's execution role of the
//     account). CloudFormation calls these APIs when a stack update changes the bucket
//     and when it writes the policy itself; denying them to its role would make every
//     such update fail, and its rollback with it.
//
// What this leaves open, and why it is acceptable: whoever can deploy through the
// exempt role (or assume the break-glass role) can rewrite the policy and so lift the
// denials. The policy therefore guards against everyone else (people, workloads and
// stolen credentials with broad S3 permissions), while Object Lock guards the data
// against everyone, the deployer included: in COMPLIANCE mode no policy change can
// delete a locked version or shorten its retention. The account's root user can always
// delete a bucket policy (S3's own escape hatch against locking oneself out), but not
// Object Lock retention. Keep the deploy role's trust policy narrow, and alarm on its
// use outside pipelines.
//
// In GOVERNANCE mode, principals with s3:BypassGovernanceRetention could delete locked
// versions early; the policy denies that permission to all but the break-glass role.
//
// # Log producers
//
// AllowCloudTrail, AllowConfig, AllowGuardDuty and AllowFirehose add the bucket-policy
// statements (and, for producers that encrypt with the bucket's key, key-policy
// statements) that each producer needs, scoped to its prefix and conditioned on
// aws:SourceArn, aws:SourceAccount or aws:SourceOrgID. The layout of the bucket:
//
//	cloudtrail/AWSLogs/<org-id>/<account>/CloudTrail/<region>/YYYY/MM/DD/   organization trail
//	cloudtrail/AWSLogs/<org-id>/<account>/CloudTrail-Digest/<region>/...    log file validation
//	cloudtrail/AWSLogs/<org-id>/<account>/CloudTrail-Insight/<region>/...   Insights events
//	config/AWSLogs/<account>/Config/<region>/...                            AWS Config
//	guardduty/...                                                           GuardDuty findings
//	cwlogs/...                                                              Firehose (CloudWatch Logs)
//
// # Adopting an existing bucket
//
// An organization that already has a log bucket, such as the one AWS Control Tower
// owns, sets ExistingBucketName (and ExistingKeyArn if it is SSE-KMS): nothing is
// created, and the construct exposes the same fields for wiring. The library can then
// guarantee none of the above and cannot change the bucket's policy: the Allow methods
// return ErrAdopted, and the bucket's owner must admit the producers.
package logbucket

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors
// and Allow methods.
var ErrInvalidProps = check.ErrInvalidProps
