// Package securityhub runs AWS Security Hub (CSPM) for a whole organization from the
// audit account, and sends the findings that matter to the alert topic.
//
// # Accounts and order
//
// NewDelegatedAdmin, in the management account's home region, makes the audit account
// Security Hub's delegated administrator. Designating it enables trusted access with
// AWS Organizations and turns Security Hub on in the audit account's home region, which
// is why the audit account's stack creates no AWS::SecurityHub::Hub of its own: one
// would fail as "already subscribed". Deploy it before the audit account's NewHub.
//
// NewHub, in the audit account's home region, then:
//
//   - aggregates findings of every linked region into the home region (a finding
//     aggregator, which central configuration requires);
//   - switches the organization to central configuration, without auto-enable
//     settings, which central configuration replaces;
//   - creates a configuration policy that turns Security Hub on with AWS Foundational
//     Security Best Practices and the CIS AWS Foundations Benchmark, every control of
//     them on (including controls AWS adds later) unless listed in DisabledControls;
//   - associates the policy with the organization's root, so that every account, present
//     and future, in the home region and every linked region, is configured alike;
//   - routes new, active findings of HIGH and CRITICAL severity (by default), from every
//     account and linked region, through EventBridge to the alert topic, unchanged, so
//     that e-mail subscribers and AWS Chatbot receive the full finding.
//
// Security Hub's controls evaluate AWS Config's records: every account needs a recorder
// (package configrules) in every linked region.
package securityhub

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
