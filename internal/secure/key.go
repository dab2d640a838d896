// Package secure builds the encrypted building blocks that every landingzone construct
// shares: customer-managed KMS keys with rotation, and CloudWatch log groups encrypted
// with such a key and kept at least a year.
package secure

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// KeyPendingWindowDays is how long a key scheduled for deletion can still be recovered.
// The maximum AWS allows, because a deleted log key makes its logs unreadable.
const KeyPendingWindowDays = 30

// NewKey returns a symmetric customer-managed key with yearly automatic rotation that is
// retained when its stack is deleted.
func NewKey(scope constructs.Construct, id, description string) awskms.Key {
	return awskms.NewKey(scope, jsii.String(id), &awskms.KeyProps{
		Description:       jsii.String(description),
		EnableKeyRotation: jsii.Bool(true),
		PendingWindow:     awscdk.Duration_Days(jsii.Number(KeyPendingWindowDays)),
		RemovalPolicy:     awscdk.RemovalPolicy_RETAIN,
	})
}
