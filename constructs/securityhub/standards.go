package securityhub

import "slices"

// CISVersion selects the version of the CIS AWS Foundations Benchmark standard.
type CISVersion string

// The CIS versions Security Hub offers with a regional standards ARN.
const (
	CIS140 CISVersion = "1.4.0"
	CIS300 CISVersion = "3.0.0"
	CIS500 CISVersion = "5.0.0"
)

// DefaultCISVersion is the CIS benchmark a zero HubProps.CISVersion enables.
const DefaultCISVersion = CIS300

// CISVersions returns the versions HubProps.CISVersion accepts, in a new slice at each
// call.
func CISVersions() []CISVersion { return []CISVersion{CIS140, CIS300, CIS500} }

// Valid reports whether v is a known version or the zero value.
func (v CISVersion) Valid() bool { return v == "" || slices.Contains(CISVersions(), v) }

func (v CISVersion) orDefault() CISVersion {
	if v == "" {
		return DefaultCISVersion
	}
	return v
}

// FoundationalStandardArn returns the ARN of AWS Foundational Security Best Practices
// v1.0.0 in region, such as
// "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0".
func FoundationalStandardArn(partition, region string) string {
	return standardArn(partition, region, "aws-foundational-security-best-practices/v/1.0.0")
}

// CISStandardArn returns the ARN of version v of the CIS AWS Foundations Benchmark in
// region, such as "arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0".
func CISStandardArn(partition, region string, v CISVersion) string {
	return standardArn(partition, region, "cis-aws-foundations-benchmark/v/"+string(v))
}

func standardArn(partition, region, standard string) string {
	return "arn:" + partition + ":securityhub:" + region + "::standards/" + standard
}
