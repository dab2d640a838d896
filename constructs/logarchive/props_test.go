package logarchive_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/logarchive"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestLogArchivePropsErrors(t *testing.T) {
	many := make([]string, 330)
	for i := range many {
		many[i] = fmt.Sprintf("%012d", 200000000000+i)
	}
	for _, tc := range []struct {
		name   string
		props  logarchive.LogArchiveProps
		noData bool // leave Bucket and Key unset
		want   []string
	}{
		{"no bucket and no key", logarchive.LogArchiveProps{OrganizationID: orgID}, true,
			[]string{"LogArchiveProps.Bucket: required", "LogArchiveProps.Key: required"}},
		{"no senders", logarchive.LogArchiveProps{}, false,
			[]string{"LogArchiveProps.OrganizationID \"\": required unless `SourceAccounts` lists the accounts that may send logs"}},
		{"malformed organization ID", logarchive.LogArchiveProps{OrganizationID: "o-ABC"}, false,
			[]string{`LogArchiveProps.OrganizationID "o-ABC": not an organization ID`}},
		{"account ID not 12 digits", logarchive.LogArchiveProps{SourceAccounts: []string{"111111111111", "12345", "1234567890123"}}, false,
			[]string{`LogArchiveProps.SourceAccounts[1] "12345": not a 12-digit AWS account ID`, `LogArchiveProps.SourceAccounts[2] "1234567890123": not a 12-digit AWS account ID`}},
		{"duplicate account", logarchive.LogArchiveProps{SourceAccounts: []string{"111111111111", "111111111111"}}, false,
			[]string{`LogArchiveProps.SourceAccounts[1] "111111111111": duplicate of LogArchiveProps.SourceAccounts[0]`}},
		{"organization and accounts", logarchive.LogArchiveProps{OrganizationID: orgID, SourceAccounts: []string{"111111111111"}}, false,
			[]string{"LogArchiveProps.SourceAccounts [\"111111111111\"]: set only one of `OrganizationID` and `SourceAccounts`"}},
		{"accounts beyond the policy limits", logarchive.LogArchiveProps{SourceAccounts: many}, false,
			[]string{`LogArchiveProps.SourceAccounts "330 accounts": the destination policy would be`, "over the 5120-byte limit of CloudWatch Logs; admit the organization with `OrganizationID` instead",
				"the destination role's trust policy would be", "over IAM's default quota of 2048"}},
		{"buffering interval too short", logarchive.LogArchiveProps{OrganizationID: orgID, BufferingIntervalSeconds: 30}, false,
			[]string{"LogArchiveProps.BufferingIntervalSeconds 30: out of range; Firehose with dynamic partitioning allows 60-900"}},
		{"buffering interval too long", logarchive.LogArchiveProps{OrganizationID: orgID, BufferingIntervalSeconds: 901}, false,
			[]string{"LogArchiveProps.BufferingIntervalSeconds 901: out of range"}},
		{"buffering size too small", logarchive.LogArchiveProps{OrganizationID: orgID, BufferingSizeMiB: 5}, false,
			[]string{"LogArchiveProps.BufferingSizeMiB 5: out of range; Firehose with dynamic partitioning allows 64-128"}},
		{"buffering size too large", logarchive.LogArchiveProps{OrganizationID: orgID, BufferingSizeMiB: 256}, false,
			[]string{"LogArchiveProps.BufferingSizeMiB 256: out of range"}},
		{"negative buffering", logarchive.LogArchiveProps{OrganizationID: orgID, BufferingSizeMiB: -1, BufferingIntervalSeconds: -1}, false,
			[]string{"LogArchiveProps.BufferingSizeMiB -1", "LogArchiveProps.BufferingIntervalSeconds -1"}},
		{"key prefix with a leading slash", logarchive.LogArchiveProps{OrganizationID: orgID, KeyPrefix: "/logs"}, false,
			[]string{`LogArchiveProps.KeyPrefix "/logs": must not start with a slash`}},
		{"key prefix with an expression", logarchive.LogArchiveProps{OrganizationID: orgID, KeyPrefix: "logs/!{timestamp:yyyy}"}, false,
			[]string{`LogArchiveProps.KeyPrefix "logs/!{timestamp:yyyy}": must not contain Firehose expressions`}},
		{"key prefix with an empty segment", logarchive.LogArchiveProps{OrganizationID: orgID, KeyPrefix: "logs//cw"}, false,
			[]string{`LogArchiveProps.KeyPrefix "logs//cw": has an empty path segment`}},
		{"stream name", logarchive.LogArchiveProps{OrganizationID: orgID, DeliveryStreamName: "log archive"}, false,
			[]string{`LogArchiveProps.DeliveryStreamName "log archive": not a Firehose stream name`}},
		{"destination name", logarchive.LogArchiveProps{OrganizationID: orgID, DestinationName: "logs:*"}, false,
			[]string{`LogArchiveProps.DestinationName "logs:*": not a destination name`}},
		{"short error log retention", logarchive.LogArchiveProps{OrganizationID: orgID, ErrorLogRetentionDays: 30}, false,
			[]string{"LogArchiveProps.ErrorLogRetentionDays 30: below the 365-day minimum; set `AllowShortErrorLogRetention`"}},
		{"retention CloudWatch does not offer", logarchive.LogArchiveProps{OrganizationID: orgID, ErrorLogRetentionDays: 100}, false,
			[]string{"LogArchiveProps.ErrorLogRetentionDays 100: not a CloudWatch Logs retention"}},
		{"every problem at once", logarchive.LogArchiveProps{OrganizationID: "org", KeyPrefix: "/x", BufferingIntervalSeconds: 1, BufferingSizeMiB: 1, ErrorLogRetentionDays: 7}, true,
			[]string{"LogArchiveProps.Bucket", "LogArchiveProps.Key", `LogArchiveProps.OrganizationID "org"`, `LogArchiveProps.KeyPrefix "/x"`,
				"LogArchiveProps.BufferingIntervalSeconds 1", "LogArchiveProps.BufferingSizeMiB 1", "LogArchiveProps.ErrorLogRetentionDays 7"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() {
				props := tc.props
				if !tc.noData {
					props.Bucket, props.Key = importedBucket(stack)
				}
				_, err = logarchive.NewLogArchive(stack, "LogArchive", props)
			})
			lztest.ExpectInvalid(t, err, "logarchive: LogArchiveProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "LogArchive")
			// Validate, without a stack, finds the same problems.
			if tc.noData {
				lztest.ExpectInvalid(t, tc.props.Validate(), "logarchive: LogArchiveProps.", tc.want...)
			}
		})
	}
}

func TestLogDestinationPropsErrors(t *testing.T) {
	streamArn := logarchive.DeliveryStreamArn(lztest.Region, lztest.Account, logarchive.DefaultDeliveryStreamName)
	for _, tc := range []struct {
		name  string
		props logarchive.LogDestinationProps
		want  []string
	}{
		{"empty stream ARN", logarchive.LogDestinationProps{OrganizationID: orgID},
			[]string{`LogDestinationProps.DeliveryStreamArn "": required: the log archive's Firehose stream in the home region`}},
		{"not a stream ARN", logarchive.LogDestinationProps{OrganizationID: orgID, DeliveryStreamArn: "arn:aws:logs:eu-west-1:123456789012:destination:x"},
			[]string{`LogDestinationProps.DeliveryStreamArn "arn:aws:logs:eu-west-1:123456789012:destination:x": an ARN of service logs, want firehose`}},
		{"not an ARN", logarchive.LogDestinationProps{OrganizationID: orgID, DeliveryStreamArn: "landingzone-log-archive"},
			[]string{`LogDestinationProps.DeliveryStreamArn "landingzone-log-archive": not an ARN`}},
		{"stream of another account", logarchive.LogDestinationProps{OrganizationID: orgID, DeliveryStreamArn: logarchive.DeliveryStreamArn(lztest.Region, "999999999999", "x")},
			[]string{"in account 999999999999, not this stack's account 123456789012"}},
		{"malformed organization ID", logarchive.LogDestinationProps{DeliveryStreamArn: streamArn, OrganizationID: "o-1"},
			[]string{`LogDestinationProps.OrganizationID "o-1": not an organization ID`}},
		{"account ID not 12 digits", logarchive.LogDestinationProps{DeliveryStreamArn: streamArn, SourceAccounts: []string{"abc"}},
			[]string{`LogDestinationProps.SourceAccounts[0] "abc": not a 12-digit AWS account ID`}},
		{"every problem at once", logarchive.LogDestinationProps{DestinationName: "a:b"},
			[]string{"LogDestinationProps.DeliveryStreamArn", "LogDestinationProps.OrganizationID", `LogDestinationProps.DestinationName "a:b"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() { _, err = logarchive.NewLogDestination(stack, "Destination", tc.props) })
			lztest.ExpectInvalid(t, err, "logarchive: LogDestinationProps.", tc.want...)
			lztest.ExpectNoChild(t, stack, "Destination")
		})
	}
}

// An environment-agnostic stack still gets a working archive: the ARNs become tokens.
func TestLogArchiveAgnosticStack(t *testing.T) {
	asm := lztest.Synth(t, func(app awscdk.App) {
		stack := awscdk.NewStack(app, strp("Agnostic"), nil)
		bucket, key := importedBucket(stack)
		if _, err := logarchive.NewLogArchive(stack, "LogArchive", logarchive.LogArchiveProps{Bucket: bucket, Key: key, SourceAccounts: []string{"111111111111"}}); err != nil {
			t.Fatal(err)
		}
	})
	tpl := asm.Stack(t, "Agnostic")
	tpl.ResourceCountIs("AWS::Logs::Destination", 1)
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": map[string]any{"Service": "logs.amazonaws.com"},
			"Condition": map[string]any{"StringEquals": map[string]any{"aws:SourceAccount": []any{"111111111111", map[string]any{"Ref": "AWS::AccountId"}}}},
		}}},
	})
}

func strp(s string) *string { return &s }
