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

// The management account designates the audit account; deleting the stack leaves the
// designation.
func TestDelegatedAdmin(t *testing.T) {
	d, tpl := synthDelegatedAdmin(t, guardduty.DelegatedAdminProps{AdminAccountID: auditAccount})
	if got := d.DetectorArns(); got != "arn:aws:guardduty:eu-west-1:333333333333:detector/*" {
		t.Errorf("DetectorArns() = %q", got)
	}
	for _, event := range []string{"Create", "Update"} {
		c := customCalls(t, tpl, event)["EnableOrganizationAdminAccount"]
		if c.Service != "GuardDuty" || c.Parameters["AdminAccountId"] != auditAccount || c.PhysicalResourceID["id"] != auditAccount {
			t.Errorf("%s call %+v", event, c)
		}
		// Only GuardDuty's generic client error is ignored, for an existing designation.
		if c.IgnoreErrorCodesMatching != "^BadRequestException$" {
			t.Errorf("%s ignores %q", event, c.IgnoreErrorCodesMatching)
		}
	}
	if deletes := customCalls(t, tpl, "Delete"); len(deletes) != 0 {
		t.Errorf("calls on delete %v, want none", deletes)
	}
	assertLines(t, "policy", policyOf(t, tpl, "GuardDutyAdmin"),
		// The CDK merges the unconditioned statements and sorts their actions.
		"[guardduty:EnableOrganizationAdminAccount organizations:DescribeAccount organizations:DescribeOrganization organizations:DescribeOrganizationalUnit organizations:ListAWSServiceAccessForOrganization organizations:ListAccounts organizations:ListDelegatedAdministrators] -> *",
		`[organizations:EnableAWSServiceAccess organizations:RegisterDelegatedAdministrator] -> * if {"StringEquals":{"organizations:ServicePrincipal":"guardduty.amazonaws.com"}}`)
	lztest.Golden(t, tpl)
}

func TestDelegatedAdminDisableOnDelete(t *testing.T) {
	_, tpl := synthDelegatedAdmin(t, guardduty.DelegatedAdminProps{AdminAccountID: auditAccount, DisableOnDelete: true})
	c, ok := customCalls(t, tpl, "Delete")["DisableOrganizationAdminAccount"]
	if !ok || c.Parameters["AdminAccountId"] != auditAccount {
		t.Errorf("delete calls %v, want DisableOrganizationAdminAccount of %s", customCalls(t, tpl, "Delete"), auditAccount)
	}
	assertLines(t, "policy", policyOf(t, tpl, "GuardDutyAdmin"),
		"[guardduty:DisableOrganizationAdminAccount guardduty:EnableOrganizationAdminAccount organizations:DescribeAccount organizations:DescribeOrganization organizations:DescribeOrganizationalUnit organizations:ListAWSServiceAccessForOrganization organizations:ListAccounts organizations:ListDelegatedAdministrators] -> *",
		`[organizations:DeregisterDelegatedAdministrator organizations:EnableAWSServiceAccess organizations:RegisterDelegatedAdministrator] -> * if {"StringEquals":{"organizations:ServicePrincipal":"guardduty.amazonaws.com"}}`)
}
