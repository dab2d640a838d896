// Package logsubscription streams a workload account's CloudWatch Logs to the log
// archive's destination in the same region (package logarchive), with no Lambda
// function and no asset, so that the same template can be rolled out by StackSets.
//
// NewAccountSubscription sets the account-level subscription filter policy
// (AWS::Logs::AccountPolicy of type SUBSCRIPTION_FILTER_POLICY): every log group of the
// account and region, including those created later, streams to the destination,
// except the log groups its selection criteria exclude. An account has at most one such
// policy per region. NewLogGroupSubscription subscribes a single log group with its own
// filter pattern, for a log group the account policy excludes or an account without
// one; a log group holds at most two such subscriptions besides the account policy.
//
// # The Firehose error log group is never subscribed
//
// The log archive's Firehose stream reports its delivery errors to the log group
// logarchive.ErrorLogGroupName(stream name) in the log archive account. Were that log
// group subscribed, a failing stream would feed its own failures back into itself. The
// rule, applied wherever these constructs run:
//
//   - NewAccountSubscription always puts that log group first in its LogGroupName
//     NOT IN [...] selection criteria; it cannot be left out. An exclusion list too
//     long for the selection criteria (25 KB) to also hold it is an error, never a
//     silent truncation. Exclusions are exact names, as CloudWatch Logs matches them;
//     a wildcard is an error.
//   - NewLogGroupSubscription refuses that log group by name. (A name that is a CDK
//     token, known only at deploy time, cannot be checked.)
//
// Both take the stream's name (DeliveryStreamName, by default
// logarchive.DefaultDeliveryStreamName) rather than the log group's, so the exclusion
// follows the stream.
//
// # Permissions
//
// A destination that admits a whole organization needs a role in the sending account
// that CloudWatch Logs assumes to check the sender; both constructs create it (or take
// one) with the permission CloudWatch Logs documents: logs:PutLogEvents on the log
// archive account's CloudWatch Logs resources in the destination's region. Its trust
// policy admits CloudWatch Logs acting for this account and region only.
package logsubscription

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
