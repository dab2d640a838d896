// Package orgtrail builds the organization's CloudTrail trail in the management account,
// delivering to the immutable bucket of the log archive account (package logbucket).
//
// # The trail
//
// NewOrganizationTrail creates one trail for every account of the organization and
// every region: global service events (IAM, STS, CloudFront) included, log file
// validation on (hourly digest files let an auditor prove that no log file was changed
// or removed), all management events, and SSE-KMS encryption with a key in the
// management account. The key's policy lets CloudTrail use it for this trail only
// (aws:SourceArn) and lets the named reader roles decrypt through S3 only.
//
// The trail writes to the log archive bucket by name, under a key prefix:
//
//	<prefix>/AWSLogs/<org-id>/<account>/CloudTrail/<region>/YYYY/MM/DD/<file>.json.gz
//	<prefix>/AWSLogs/<org-id>/<account>/CloudTrail-Digest/<region>/YYYY/MM/DD/<file>.json.gz
//	<prefix>/AWSLogs/<org-id>/<account>/CloudTrail-Insight/<region>/YYYY/MM/DD/<file>.json.gz
//
// # Two accounts, no exports
//
// The trail and the bucket agree through deterministic names: the trail stack knows the
// bucket as logbucket.BucketName(prefix, logArchiveAccount, region), and the log archive
// stack admits the trail by TrailArn(partition, region, managementAccount, trailName)
// with logbucket's AllowCloudTrail. Deploy the log archive stack first: CloudTrail
// checks the bucket policy when the trail is created. The bucket must be in the trail's
// home region, as CloudTrail requires the key to be in the bucket's region.
//
// The organization must have all features enabled. Creating the trail enables
// CloudTrail's trusted access to AWS Organizations and its service-linked role, which
// needs IAM and Organizations permissions that the CDK's execution role has.
//
// # Options and their cost
//
// Off by default, each a field of OrganizationTrailProps: a copy of every event in a
// KMS-encrypted CloudWatch log group (kept at least a year) for metric filters and
// alarms; S3 and Lambda data events, which can outnumber management events by orders
// of magnitude; CloudTrail Insights. The first copy of management events in an
// organization trail is free; the rest is billed per event.
//
// # Adopting an existing trail
//
// An organization that already has an organization trail, such as AWS Control Tower's,
// sets ExistingTrailName: duplicate organization trails double the CloudTrail bill for
// nothing. Nothing is created; the construct exposes the trail's name and ARN for the
// same wiring, and the library can then guarantee none of the trail's settings.
package orgtrail

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
