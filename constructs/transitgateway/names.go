package transitgateway

import (
	"regexp"

	"github.com/go-landingzone/landingzone/internal/check"
)

// OrganizationArn is the ARN of the organization whose management account is
// managementAccount, in the aws partition, as AWS RAM takes it for sharing with the
// whole organization.
func OrganizationArn(managementAccount, organizationID string) string {
	return "arn:aws:organizations::" + managementAccount + ":organization/" + organizationID
}

// OrganizationalUnitArn is the ARN of an organizational unit, in the aws partition, as
// AWS RAM takes it for sharing with the accounts of that OU and the OUs below it.
func OrganizationalUnitArn(managementAccount, organizationID, ouID string) string {
	return "arn:aws:organizations::" + managementAccount + ":ou/" + organizationID + "/" + ouID
}

// TransitGatewayArn is the ARN of Transit Gateway id, owned by account in region.
func TransitGatewayArn(partition, region, account, id string) string {
	return "arn:" + partition + ":ec2:" + region + ":" + account + ":transit-gateway/" + id
}

// Shapes of the identifiers this package takes, from the service API references.
var (
	orgArnPattern          = regexp.MustCompile(`^arn:aws(-cn|-us-gov)?:organizations::\d{12}:organization/(o-[a-z0-9]{10,32})$`)
	ouArnPattern           = regexp.MustCompile(`^arn:aws(-cn|-us-gov)?:organizations::\d{12}:ou/(o-[a-z0-9]{10,32})/ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$`)
	transitGatewayIDRegexp = regexp.MustCompile(`^tgw-[0-9a-f]{8,17}$`)
	attachmentIDRegexp     = regexp.MustCompile(`^tgw-attach-[0-9a-f]{8,17}$`)
	segmentNameRegexp      = regexp.MustCompile(`^[a-z][a-z0-9-]{0,31}$`)
)

// organizationArn records a problem unless value is an organization ARN, and returns
// the organization ID.
func organizationArn(l *check.List, field, value string) string {
	m := orgArnPattern.FindStringSubmatch(value)
	if m == nil {
		l.Addf(field, value, "not an organization ARN such as %q", OrganizationArn("111111111111", "o-a1b2c3d4e5"))
		return ""
	}
	return m[2]
}

// organizationalUnitArn records a problem unless value is an OU ARN, and returns the
// ID of the organization the OU belongs to.
func organizationalUnitArn(l *check.List, field, value string) string {
	m := ouArnPattern.FindStringSubmatch(value)
	if m == nil {
		l.Addf(field, value, "not an organizational unit ARN such as %q", OrganizationalUnitArn("111111111111", "o-a1b2c3d4e5", "ou-ab12-cd34ef56"))
		return ""
	}
	return m[2]
}
