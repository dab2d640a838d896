package guardduty_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/guardduty"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

const auditAccount = "333333333333"

func synthDelegatedAdmin(t *testing.T, props guardduty.DelegatedAdminProps) (*guardduty.DelegatedAdmin, *lztest.Template) {
	t.Helper()
	var d *guardduty.DelegatedAdmin
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if d, err = guardduty.NewDelegatedAdmin(s, "GuardDutyAdmin", props); err != nil {
			t.Fatalf("NewDelegatedAdmin: %v", err)
		}
	})
	return d, tpl
}

// The management account designates the audit account, unless it is already; deleting
// the stack leaves the designation.
func TestDelegatedAdmin(t *testing.T) {
	d, tpl := synthDelegatedAdmin(t, guardduty.DelegatedAdminProps{AdminAccountID: auditAccount})
	if got := d.DetectorArns(); got != "arn:aws:guardduty:eu-west-1:333333333333:detector/*" {
		t.Errorf("DetectorArns() = %q", got)
	}
	c := handlerCalls(t, tpl)["delegate"]
	if c["AdminAccountId"] != auditAccount || c["DisableOnDelete"] != "false" {
		t.Errorf("delegation %v", c)
	}
	assertLines(t, "policy", handlerPolicy(t, tpl),
		// The CDK merges the unconditioned statements and sorts their actions.
		"[guardduty:EnableOrganizationAdminAccount guardduty:ListOrganizationAdminAccounts organizations:DescribeAccount organizations:DescribeOrganization organizations:DescribeOrganizationalUnit organizations:ListAWSServiceAccessForOrganization organizations:ListAccounts organizations:ListDelegatedAdministrators] -> *",
		`[organizations:EnableAWSServiceAccess organizations:RegisterDelegatedAdministrator] -> * if {"StringEquals":{"organizations:ServicePrincipal":"guardduty.amazonaws.com"}}`)
	lztest.Golden(t, tpl)
}

func TestDelegatedAdminDisableOnDelete(t *testing.T) {
	_, tpl := synthDelegatedAdmin(t, guardduty.DelegatedAdminProps{AdminAccountID: auditAccount, DisableOnDelete: true})
	if c := handlerCalls(t, tpl)["delegate"]; c["DisableOnDelete"] != "true" {
		t.Errorf("delegation %v, want DisableOnDelete", c)
	}
	assertLines(t, "policy", handlerPolicy(t, tpl),
		"[guardduty:DisableOrganizationAdminAccount guardduty:EnableOrganizationAdminAccount guardduty:ListOrganizationAdminAccounts organizations:DescribeAccount organizations:DescribeOrganization organizations:DescribeOrganizationalUnit organizations:ListAWSServiceAccessForOrganization organizations:ListAccounts organizations:ListDelegatedAdministrators] -> *",
		`[organizations:DeregisterDelegatedAdministrator organizations:EnableAWSServiceAccess organizations:RegisterDelegatedAdministrator] -> * if {"StringEquals":{"organizations:ServicePrincipal":"guardduty.amazonaws.com"}}`)
}
