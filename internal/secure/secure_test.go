package secure_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/secure"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// Every retention that validation accepts must map to the CDK's enum.
func TestRetentionDaysCoversValidation(t *testing.T) {
	for _, days := range check.LogRetentionDays() {
		lztest.Do(t, func() { secure.RetentionDays(days) })
	}
}

func TestNewLogGroup(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		secure.NewLogGroup(s, "Logs", secure.LogGroupProps{Name: "/landingzone/test", RetentionDays: 731, Description: "test logs"})
	})
	tpl.HasResource("AWS::Logs::LogGroup", map[string]any{
		"Properties":     map[string]any{"LogGroupName": "/landingzone/test", "RetentionInDays": 731, "KmsKeyId": map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(strp("^LogsKey")), "Arn"}}},
		"DeletionPolicy": "Retain",
	})
	tpl.HasResource("AWS::KMS::Key", map[string]any{
		"Properties": map[string]any{
			"EnableKeyRotation": true, "PendingWindowInDays": 30, "Description": "test logs",
			"KeyPolicy": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{map[string]any{
				"Sid": "AllowCloudWatchLogs", "Effect": "Allow",
				"Principal": map[string]any{"Service": "logs.eu-west-1.amazonaws.com"},
				"Action":    []any{"kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"},
				"Resource":  "*",
				"Condition": map[string]any{"ArnLike": map[string]any{"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:123456789012:log-group:*"}},
			}})},
		},
		"DeletionPolicy": "Retain",
	})
}

func strp(s string) *string { return &s }

// Control Tower's CT.KMS.PR.3 accepts only this exact statement; the gate checks it
// too, this test says what a reviewer should see.
func TestNewKeyDeniesDirectGrants(t *testing.T) {
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) { secure.NewKey(s, "Key", "test key") })
	tpl.HasResourceProperties("AWS::KMS::Key", map[string]any{
		"KeyPolicy": map[string]any{"Statement": assertions.Match_ArrayWith(&[]any{map[string]any{
			"Sid": "DenyGrantsExceptForAWSServices", "Effect": "Deny",
			"Principal": map[string]any{"AWS": "*"},
			"Action":    "kms:CreateGrant",
			"Resource":  "*",
			"Condition": map[string]any{"BoolIfExists": map[string]any{
				"kms:GrantIsForAWSResource": "false",
				"aws:PrincipalIsAWSService": "false",
			}},
		}})},
	})
}
