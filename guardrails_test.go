package landingzone_test

import (
	"sync"
	"testing"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/constructs/organization/scpsim"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// The accounts of the reference, examples/multi-account/landingzone.yaml.
const (
	refManagement = "111111111111"
	refLogArchive = "222222222222"
	refAudit      = "333333333333"
	refNetwork    = "444444444444"
	refProd       = "555555555555" // payments-prod, OU Prod under Workloads
	refDev        = "666666666666" // payments-dev, OU NonProd under Workloads
	refPipeline   = "888888888888"
)

var reference struct {
	once sync.Once
	lz   *landingzone.LandingZone
	err  error
}

// referenceZone builds the reference landing zone once for the tests of this file,
// without synthesizing it: the guardrails are known once New returns.
func referenceZone(t *testing.T) *landingzone.LandingZone {
	t.Helper()
	reference.once.Do(func() {
		cfg, err := landingzone.LoadConfig("examples/multi-account/landingzone.yaml")
		if err != nil {
			reference.err = err
			return
		}
		app := lztest.NewApp(t)
		lztest.Do(t, func() { reference.lz, reference.err = landingzone.New(app, cfg) })
	})
	if reference.err != nil {
		t.Fatal(reference.err)
	}
	return reference.lz
}

func role(account, name string) string { return "arn:aws:iam::" + account + ":role/" + name }

// ssoAdmin is the role IAM Identity Center creates for the Administrator permission set.
func ssoAdmin(account string) string {
	return role(account, "aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Administrator_0a1b2c3d4e5f6a7b")
}

func deployRole(account string) string {
	return role(account, "cdk-lzadmin-cfn-exec-role-"+account+"-eu-west-1")
}

// What the reference's guardrails deny and let through, request by request. The
// expected verdicts are the guardrails' purpose, written out; a change to a guardrail
// that breaks one fails here with the statement that decided.
func TestGuardrailBehaviour(t *testing.T) {
	lz := referenceZone(t)
	const (
		logBucket  = "arn:aws:s3:::lz-logs-222222222222-eu-west-1"
		trail      = "arn:aws:cloudtrail:eu-west-1:111111111111:trail/lz-organization-trail"
		logKey     = "arn:aws:kms:eu-west-1:222222222222:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
		eu, us, ap = "eu-west-1", "us-east-1", "ap-southeast-2"
	)
	req := func(principal, action, resource, region string) scpsim.Request {
		return scpsim.Request{Principal: principal, Action: action, Resource: resource, Region: region}
	}
	launch := func(principal, region, tokens string) scpsim.Request {
		r := req(principal, "ec2:RunInstances", "arn:aws:ec2:"+region+":666666666666:instance/*", region)
		if tokens != "" {
			r.Context = map[string][]string{"ec2:MetadataHttpTokens": {tokens}}
		}
		return r
	}
	onLogKey := func(principal, action string) scpsim.Request {
		r := req(principal, action, logKey, eu)
		r.Context = map[string][]string{"kms:ResourceAliases": {"alias/lz-log-archive"}}
		return r
	}
	cases := []scpsim.Case{
		// Security services keep recording.
		{Name: "workload admin stops the trail", Account: refDev, Request: req(ssoAdmin(refDev), "cloudtrail:StopLogging", trail, eu)},
		{Name: "workload admin deletes a trail", Account: refDev, Request: req(ssoAdmin(refDev), "cloudtrail:DeleteTrail", trail, eu)},
		{Name: "workload admin filters the trail's events", Account: refProd, Request: req(ssoAdmin(refProd), "cloudtrail:PutEventSelectors", trail, eu)},
		{Name: "workload admin reads events", Account: refDev, Request: req(ssoAdmin(refDev), "cloudtrail:LookupEvents", "*", eu), Allowed: true},
		{Name: "audit admin disables the detector", Account: refAudit, Request: req(ssoAdmin(refAudit), "guardduty:UpdateDetector", "*", eu)},
		{Name: "audit admin deletes the findings destination", Account: refAudit, Request: req(ssoAdmin(refAudit), "guardduty:DeletePublishingDestination", "*", eu)},
		{Name: "audit admin reads findings", Account: refAudit, Request: req(ssoAdmin(refAudit), "guardduty:GetFindings", "*", eu), Allowed: true},
		{Name: "workload admin stops the Config recorder", Account: refDev, Request: req(ssoAdmin(refDev), "config:StopConfigurationRecorder", "*", eu)},
		{Name: "workload admin disables Security Hub", Account: refDev, Request: req(ssoAdmin(refDev), "securityhub:DisableSecurityHub", "*", eu)},
		{Name: "workload admin archives analyzer findings", Account: refDev, Request: req(ssoAdmin(refDev), "access-analyzer:CreateArchiveRule", "*", eu)},
		{Name: "pipeline account admin stops the trail", Account: refPipeline, Request: req(ssoAdmin(refPipeline), "cloudtrail:StopLogging", trail, eu)},
		// The landing zone's own principals are exempt: defects 1 and 2 of issue 12.
		{Name: "deploy role of qualifier lzadmin configures the log bucket", Account: refLogArchive, Request: req(deployRole(refLogArchive), "s3:PutEncryptionConfiguration", logBucket, eu), Allowed: true},
		{Name: "deploy role of the CDK's default qualifier configures the log bucket", Account: refLogArchive, Request: req(role(refLogArchive, "cdk-hnb659fds-cfn-exec-role-222222222222-eu-west-1"), "s3:PutBucketPolicy", logBucket, eu)},
		{Name: "deploy role updates the detector", Account: refAudit, Request: req(deployRole(refAudit), "guardduty:UpdateDetector", "*", eu), Allowed: true},
		{Name: "landing zone's GuardDuty role updates the detector", Account: refAudit, Request: req(role(refAudit, "lzadmin-guardduty-eu-west-1"), "guardduty:UpdateDetector", "*", eu), Allowed: true},
		{Name: "custom resource role of a generated name updates the detector", Account: refAudit, Request: req(role(refAudit, "Security-eu-west-1-GuardDutySettingsRole-1A2B3C4D5E6F"), "guardduty:UpdateDetector", "*", eu)},
		{Name: "admin role of the organization stops the trail", Account: refDev, Request: req(role(refDev, "OrganizationAccountAccessRole"), "cloudtrail:StopLogging", trail, eu), Allowed: true},
		{Name: "deploy role leaves the governed regions", Account: refDev, Request: launch(deployRole(refDev), us, "required"), Allowed: true},
		{Name: "StackSets execution role outside deployment mode stacksets", Account: refDev, Request: req(role(refDev, "stacksets-exec-0a1b2c3d4e5f60718293a4b5c6d7e8f9"), "cloudtrail:StopLogging", trail, eu)},
		// Regions.
		{Name: "workload admin launches outside the governed regions", Account: refDev, Request: launch(ssoAdmin(refDev), us, "required")},
		{Name: "production admin launches outside the governed regions", Account: refProd, Request: launch(ssoAdmin(refProd), ap, "required")},
		{Name: "workload admin reads S3 from us-east-1", Account: refDev, Request: req(ssoAdmin(refDev), "s3:GetObject", "arn:aws:s3:::some-bucket/key", us)},
		{Name: "workload admin creates a role from us-east-1", Account: refDev, Request: req(ssoAdmin(refDev), "iam:CreateRole", role(refDev, "app-role"), us), Allowed: true},
		{Name: "workload admin assumes a role from another region", Account: refDev, Request: req(ssoAdmin(refDev), "sts:AssumeRole", role(refProd, "app-role"), ap), Allowed: true},
		{Name: "workload admin uses KMS from us-east-1", Account: refDev, Request: req(ssoAdmin(refDev), "kms:Decrypt", "arn:aws:kms:us-east-1:666666666666:key/1", us), Allowed: true},
		{Name: "workload admin launches in the governed region", Account: refDev, Request: launch(ssoAdmin(refDev), eu, "required"), Allowed: true},
		{Name: "core account launches anywhere: region deny governs the workload OUs", Account: refNetwork, Request: launch(ssoAdmin(refNetwork), us, "required"), Allowed: true},
		// IMDSv2.
		{Name: "workload admin launches with IMDSv1", Account: refDev, Request: launch(ssoAdmin(refDev), eu, "optional")},
		{Name: "workload admin launches without saying which IMDS", Account: refProd, Request: launch(ssoAdmin(refProd), eu, "")},
		{Name: "workload admin turns IMDSv1 back on", Account: refDev, Request: req(ssoAdmin(refDev), "ec2:ModifyInstanceMetadataOptions", "*", eu)},
		// The root user and the organization.
		{Name: "root user of a workload account lists buckets", Account: refDev, Request: req("arn:aws:iam::666666666666:root", "s3:ListAllMyBuckets", "*", eu)},
		{Name: "root user of the log archive reads objects", Account: refLogArchive, Request: req("arn:aws:iam::222222222222:root", "s3:GetObject", logBucket+"/AWSLogs/x", eu)},
		{Name: "root user of a workload account enables its MFA device", Account: refDev, Request: req("arn:aws:iam::666666666666:root", "iam:EnableMFADevice", "arn:aws:iam::666666666666:mfa/root-account-mfa-device", eu), Allowed: true},
		{Name: "root user of a workload account removes its MFA device", Account: refDev, Request: req("arn:aws:iam::666666666666:root", "iam:DeactivateMFADevice", "arn:aws:iam::666666666666:mfa/root-account-mfa-device", eu)},
		{Name: "workload admin leaves the organization", Account: refDev, Request: req(ssoAdmin(refDev), "organizations:LeaveOrganization", "*", us)},
		{Name: "core account admin leaves the organization", Account: refNetwork, Request: req(ssoAdmin(refNetwork), "organizations:LeaveOrganization", "*", us)},
		{Name: "management account is above every SCP", Account: refManagement, Request: req(ssoAdmin(refManagement), "cloudtrail:StopLogging", trail, eu), Allowed: true},
		// The log archive.
		{Name: "log archive admin deletes the log bucket", Account: refLogArchive, Request: req(ssoAdmin(refLogArchive), "s3:DeleteBucket", logBucket, eu)},
		{Name: "log archive admin rewrites the log bucket's policy", Account: refLogArchive, Request: req(ssoAdmin(refLogArchive), "s3:PutBucketPolicy", logBucket, eu)},
		{Name: "log archive admin deletes a log object", Account: refLogArchive, Request: req(ssoAdmin(refLogArchive), "s3:DeleteObject", logBucket+"/AWSLogs/x", eu)},
		{Name: "log archive admin bypasses object lock", Account: refLogArchive, Request: req(ssoAdmin(refLogArchive), "s3:BypassGovernanceRetention", logBucket+"/AWSLogs/x", eu)},
		{Name: "log archive admin deletes the Config bucket", Account: refLogArchive, Request: req(ssoAdmin(refLogArchive), "s3:DeleteBucket", "arn:aws:s3:::lz-config-logs-222222222222-eu-west-1", eu)},
		{Name: "log archive admin writes a log object", Account: refLogArchive, Request: req(ssoAdmin(refLogArchive), "s3:PutObject", logBucket+"/AWSLogs/x", eu), Allowed: true},
		{Name: "log archive admin changes another bucket's policy", Account: refLogArchive, Request: req(ssoAdmin(refLogArchive), "s3:PutBucketPolicy", "arn:aws:s3:::team-bucket", eu), Allowed: true},
		{Name: "log archive admin schedules the log key's deletion", Account: refLogArchive, Request: onLogKey(ssoAdmin(refLogArchive), "kms:ScheduleKeyDeletion")},
		{Name: "log archive admin replaces the log key's policy", Account: refLogArchive, Request: onLogKey(ssoAdmin(refLogArchive), "kms:PutKeyPolicy")},
		{Name: "log archive admin moves the log key's alias", Account: refLogArchive, Request: req(ssoAdmin(refLogArchive), "kms:UpdateAlias", "arn:aws:kms:eu-west-1:222222222222:alias/lz-log-archive", eu)},
		{Name: "log archive admin encrypts with the log key", Account: refLogArchive, Request: onLogKey(ssoAdmin(refLogArchive), "kms:Encrypt"), Allowed: true},
		{Name: "workload admin schedules deletion of its own key", Account: refDev, Request: req(ssoAdmin(refDev), "kms:ScheduleKeyDeletion", "arn:aws:kms:eu-west-1:666666666666:key/1", eu), Allowed: true},
		// The landing zone's roles.
		{Name: "workload admin edits the admin role's trust", Account: refDev, Request: req(ssoAdmin(refDev), "iam:UpdateAssumeRolePolicy", role(refDev, "OrganizationAccountAccessRole"), us)},
		{Name: "workload admin creates a role named like the deploy role", Account: refDev, Request: req(ssoAdmin(refDev), "iam:CreateRole", deployRole(refDev), us)},
		{Name: "workload admin creates a role named like the landing zone's", Account: refAudit, Request: req(ssoAdmin(refAudit), "iam:CreateRole", role(refAudit, "lzadmin-guardduty-eu-west-1"), us)},
		{Name: "workload admin attaches a policy to its own role", Account: refDev, Request: req(ssoAdmin(refDev), "iam:AttachRolePolicy", role(refDev, "app-role"), us), Allowed: true},
		// S3 public access.
		{Name: "workload admin lifts the account's public access block", Account: refDev, Request: req(ssoAdmin(refDev), "s3:PutAccountPublicAccessBlock", "*", eu)},
		{Name: "workload admin lifts it from another region", Account: refProd, Request: req(ssoAdmin(refProd), "s3:PutAccountPublicAccessBlock", "*", us)},
		{Name: "workload admin sets a bucket's public access block", Account: refDev, Request: req(ssoAdmin(refDev), "s3:PutBucketPublicAccessBlock", "arn:aws:s3:::team-bucket", eu), Allowed: true},
	}
	if len(cases) < 40 {
		t.Fatalf("%d cases; the table keeps at least 40", len(cases))
	}
	scpsim.Test(t, lz.GuardrailLevels, cases)
}
