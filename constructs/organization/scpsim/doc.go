// Package scpsim evaluates requests against service control policies, so that a test
// can state what the guardrails deny and what they let through: a workload admin
// calling cloudtrail:StopLogging is denied, the landing zone's deploy role is not.
//
// It models exactly this of IAM:
//   - SCP inheritance: a request is allowed only when each Level from the root down to
//     the account allows it and none denies it (AWS Organizations User Guide, "SCP
//     evaluation").
//   - Effect Allow and Deny; Action and NotAction (case-insensitive), Resource and
//     NotResource (case-sensitive), each with the wildcards * and ?.
//   - The condition operators String*, Arn*, Bool, Date*, Numeric* and Null, with the
//     ForAnyValue: and ForAllValues: qualifiers and the IfExists suffix, and IAM's rule
//     for keys missing from the request.
//   - The request context keys aws:PrincipalArn, aws:PrincipalAccount (from the
//     principal's ARN), aws:RequestedRegion, aws:CurrentTime and any others a Request
//     lists.
//
// Anything else in a policy, such as the IpAddress operator or a Principal element
// (which an SCP cannot hold), makes Evaluate return an error wrapping ErrUnsupported,
// so that a test fails rather than trusting a guess. It does not know that SCPs spare
// the management account and service-linked roles: leave those requests out. Nor does
// it know which condition keys an action carries; a Request lists them.
//
// Action and Resource may be patterns: the Decision then says whether some request the
// pattern covers is denied, which is how a landing zone checks that the guardrails
// leave its own roles every action their policies allow.
//
// The maintained IAM simulator on npm, @cloud-copilot/iam-simulate, was the first
// choice; its licence, AGPL-3.0, is one that many platform teams may not bring into
// their CI even as a test dependency, and calling Node for each of the thousands of
// requests of a self-consistency check costs more than the whole evaluation here.
package scpsim
