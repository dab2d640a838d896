package securityhub_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/securityhub"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

func TestDelegatedAdmin(t *testing.T) {
	var admin *securityhub.DelegatedAdmin
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		if admin, err = securityhub.NewDelegatedAdmin(s, "SecurityHubAdmin", securityhub.DelegatedAdminProps{AdminAccount: "333333333333"}); err != nil {
			t.Fatal(err)
		}
	})
	tpl.HasResourceProperties("AWS::SecurityHub::DelegatedAdmin", map[string]any{"AdminAccountId": "333333333333"})
	if admin.AdminAccount() != "333333333333" {
		t.Errorf("AdminAccount() = %q", admin.AdminAccount())
	}
	lztest.Golden(t, tpl)
}

func TestDelegatedAdminPropsErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		account string
		want    string
	}{
		{"missing", "", `DelegatedAdminProps.AdminAccount "": required`},
		{"malformed", "33333333333a", `DelegatedAdminProps.AdminAccount "33333333333a": not a 12-digit AWS account ID`},
		{"the management account itself", lztest.Account, `DelegatedAdminProps.AdminAccount "123456789012": is this stack's account, the management account`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := lztest.NewStack(t)
			var err error
			lztest.Do(t, func() {
				_, err = securityhub.NewDelegatedAdmin(stack, "SecurityHubAdmin", securityhub.DelegatedAdminProps{AdminAccount: tc.account})
			})
			lztest.ExpectInvalid(t, err, "securityhub: DelegatedAdminProps.", tc.want)
			lztest.ExpectNoChild(t, stack, "SecurityHubAdmin")
		})
	}
}
