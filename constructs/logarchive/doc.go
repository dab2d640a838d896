// Package logarchive builds the receiving end of the landing zone's log flow in the log
// archive account: CloudWatch Logs destinations that accept the log events of every
// account of the organization, and one Amazon Data Firehose stream that writes them,
// partitioned by account and log group, into the immutable log bucket.
//
// # Flow
//
//	workload log groups --(account-level subscription policy)--> Logs destination
//	(one per governed region) --> Firehose stream (home region) --> log bucket
//
// A CloudWatch Logs destination must be in the region of the log groups that send to
// it, but it may target a Firehose stream in another region. NewLogArchive therefore
// builds the stream and the home region's destination, and NewLogDestination adds a
// destination in each further governed region, pointed at the home stream by its ARN.
//
// # Who may send
//
// A destination's access policy admits either the whole organization
// (aws:PrincipalOrgID) or a list of accounts. The policy is limited to 5,120 bytes, a
// little over 300 accounts; the role CloudWatch Logs assumes to write into the stream
// names the same senders in its trust policy (aws:SourceOrgID or aws:SourceAccount),
// whose default quota of 2,048 characters allows about 120 accounts. Prefer the
// organization: it needs no change when accounts join.
//
// # Processing without a Lambda function
//
// CloudWatch Logs delivers gzip-compressed JSON batches: one record holds the owner
// account, the log group, the log stream and the batch's log events with their IDs,
// timestamps and messages. The stream decompresses each record, reads the owner and
// the log group with a JQ query (dynamic partitioning), appends a newline and writes
// GZIP objects ending in ".gz":
//
//	<KeyPrefix>cwlogs/account=<owner>/logGroup=<log group without its leading slash>/<yyyy>/<MM>/<dd>/<stream>-<n>-<yyyy-MM-dd-HH-mm-ss>-<uuid>.gz
//
// Each line of an object is one decompressed batch, so every event keeps its
// timestamp, ID and log stream. Firehose's message extraction is not used: it would
// keep only the messages and drop the account and log group before partitioning.
// CloudWatch Logs control messages, which check that the destination is reachable,
// land under account=control/logGroup=control. Records that cannot be delivered go to
//
//	<KeyPrefix>cwlogs-errors/<error type>/<yyyy>/<MM>/<dd>/...
//
// and the stream reports its own delivery errors to the log group
// /aws/kinesisfirehose/<stream name>, which every subscription built by package
// logsubscription excludes, so that a failing stream never feeds itself.
//
// Dynamic partitioning keeps at most 500 partitions (account and log group pairs)
// active per stream at a time by default; records beyond that go to the error prefix.
// Large organizations raise that Firehose quota (up to 5,000) before onboarding.
package logarchive

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
