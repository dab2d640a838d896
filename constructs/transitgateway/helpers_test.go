package transitgateway_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// Identifiers of the test organization.
const (
	managementAccount = "111111111111"
	organizationID    = "o-a1b2c3d4e5"
	existingTGW       = "tgw-0123456789abcdef0"
	prodAccount       = "222222222222"
	nonProdAccount    = "333333333333"
	sharedAccount     = "444444444444"
	prodAttachment    = "tgw-attach-0aaaaaaaaaaaaaaa1"
	nonProdAttachment = "tgw-attach-0bbbbbbbbbbbbbbb2"
	sharedAttachment  = "tgw-attach-0ccccccccccccccc3"
)

// expectInvalid runs build against a fresh stack and checks that it failed with want
// and added nothing under id.
func expectInvalid(t *testing.T, id, linePrefix string, build func(s awscdk.Stack) error, want ...string) {
	t.Helper()
	stack := lztest.NewStack(t)
	var err error
	lztest.Do(t, func() { err = build(stack) })
	lztest.ExpectInvalid(t, err, linePrefix, want...)
	lztest.ExpectNoChild(t, stack, id)
}
