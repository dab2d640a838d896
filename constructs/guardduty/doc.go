// Package guardduty turns on Amazon GuardDuty for a whole AWS Organization from a
// delegated administrator account, archives every finding in the log archive, and
// sends the severe ones to the alert topic.
//
// # Accounts and deploy order
//
// GuardDuty is regional: everything here is per region, and a landing zone repeats it
// in every region it governs.
//
//  1. Log archive: the bucket and KMS key that receive the findings must admit
//     GuardDuty first (s3:PutObject under DefaultFindingsPrefix, s3:GetBucketLocation,
//     kms:GenerateDataKey, each with aws:SourceAccount and aws:SourceArn of
//     DetectorArns); GuardDuty tests that it can write when the publishing destination
//     is created.
//  2. Management account: NewDelegatedAdmin designates the audit account as GuardDuty's
//     delegated administrator. GuardDuty then enables itself in the audit account, which
//     creates the audit account's detector.
//  3. Audit account: NewDetector, in ModeOrganization, finds that detector, applies the
//     protection features to it, auto-enables GuardDuty with the same features in every
//     existing and future account of the organization, publishes findings to the log
//     archive and routes findings of at least MinSeverity to the alert topic.
//
// Teams without an organization use ModeSingleAccount: NewDetector alone creates the
// account's detector (AWS::GuardDuty::Detector) and routes its findings.
//
// # What CloudFormation does and what custom resources do
//
// CloudFormation has native resources for the detector and the publishing destination,
// and they are used. It has none for designating the delegated administrator
// (EnableOrganizationAdminAccount), for the organization's auto-enable settings
// (UpdateOrganizationConfiguration), or for a detector that GuardDuty created itself;
// those are custom resources served by one small function per stack, written inline
// in the template (handler.py: no asset, so no bootstrap bucket), with an encrypted
// log group and a role whose policy holds exactly the calls its stack makes. Each call
// is repeated on update. The designation is checked before it is made: the same
// account passes, another account fails the deployment with a message that names it.
// Deleting a stack never turns GuardDuty off: threat detection should end by a
// deliberate act, not as a side effect of removing a stack.
//
// # Guardrails
//
// An SCP that protects GuardDuty (package organization's ProtectSecurityServices)
// denies guardduty:UpdateDetector in the audit account too, to every principal it does
// not exempt. DetectorProps.RoleName gives the function's role a name the SCP can
// exempt; the landing zone names it "<bootstrap qualifier>-guardduty-<region>".
//
// # An existing detector
//
// An account has at most one detector per region, and AWS::GuardDuty::Detector fails to
// create when one exists ("a detector already exists for the current account"). Where
// GuardDuty was enabled before, pass its ID (aws guardduty list-detectors) as
// DetectorProps.DetectorID: the detector is then adopted, its features and finding
// frequency set by an UpdateDetector call, and left running if the stack is deleted.
//
// # Cost
//
// GuardDuty bills every account by the volume it analyses, after a 30-day free trial
// per account and feature; see the Feature constants and
// https://aws.amazon.com/guardduty/pricing/ (first-tier list prices, us-east-1). A
// small workload account (1 million CloudTrail management events, 5 GB of VPC flow and
// DNS logs, 2 million S3 data events, 8 EC2 vCPUs with the runtime agent, a 2-vCPU
// database, 1 GB of Lambda network logs, no EKS, no malware finding) costs about:
// foundational detection USD 9, S3 Protection 1.60, Runtime Monitoring 12, RDS
// Protection 3, Lambda Protection 1 a month: roughly USD 25-30 per account and region.
// Runtime Monitoring dominates wherever many vCPUs run; disable it with
// DisabledFeatures where that is not worth it. The audit account adds EventBridge
// (free for AWS service events) and the alert topic (see package alerting).
package guardduty

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
