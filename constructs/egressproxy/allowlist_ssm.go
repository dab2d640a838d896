package egressproxy

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsssm"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
)

// The allow-list travels in SSM parameters of the standard tier, whose values hold at
// most 4 KB ("Systems Manager service quotas": "Maximum size for parameter value: 4 KB
// (standard)"), so user data stays the same small size whatever the list's length
// (EC2 takes at most 16 KB of it) and the Baseline needs no S3 asset.
const (
	maxParameterBytes = 4096
	// MaxAllowListBytes is the most text (one entry per line) the list may hold: 64
	// parameters.
	MaxAllowListBytes = 64 * maxParameterBytes
	// emptyList is the value of the one parameter of an empty list: SSM refuses an
	// empty value, and Squid reads a line starting with # as a comment.
	emptyList = "# no domain is allowed"
)

// allowListChunks splits the list, one entry per line, into parameter values of at
// most maxParameterBytes, never inside an entry.
func allowListChunks(domains []string) []string {
	if len(domains) == 0 {
		return []string{emptyList}
	}
	var chunks []string
	var b strings.Builder
	for _, d := range domains {
		if b.Len() > 0 && b.Len()+1+len(d) > maxParameterBytes {
			chunks = append(chunks, b.String())
			b.Reset()
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d)
	}
	return append(chunks, b.String())
}

// allowListBytes is the size of the list as one entry per line.
func allowListBytes(domains []string) int {
	n := 0
	for _, d := range domains {
		n += len(d) + 1
	}
	return n
}

// allowListHash identifies the list's content.
func allowListHash(domains []string) string {
	sum := sha256.Sum256([]byte(strings.Join(domains, "\n")))
	return hex.EncodeToString(sum[:8])
}

// newAllowList writes the list into parameters under path and lets role read them.
func newAllowList(scope constructs.Construct, path string, domains []string, role awsiam.Role, arn func(string) string) []awsssm.StringParameter {
	var params []awsssm.StringParameter
	for i, chunk := range allowListChunks(domains) {
		params = append(params, awsssm.NewStringParameter(scope, jsii.String(fmt.Sprintf("AllowList%02d", i+1)), &awsssm.StringParameterProps{
			ParameterName: jsii.String(fmt.Sprintf("%s/%02d", path, i+1)),
			StringValue:   jsii.String(chunk),
			Description:   jsii.String(fmt.Sprintf("Squid allow-list, part %d", i+1)),
			Tier:          awsssm.ParameterTier_STANDARD,
		}))
	}
	role.AddToPolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:       jsii.String("ReadAllowList"),
		Actions:   jsii.Strings("ssm:GetParametersByPath"),
		Resources: jsii.Strings(arn("parameter"+path), arn("parameter"+path+"/*")),
	}))
	return params
}
