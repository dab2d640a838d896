package transitgateway

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awsram"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
)

// validateShare checks the share's principals: one organization, or OUs of one
// organization.
func validateShare(l *check.List, p TransitGatewayProps) {
	if p.ShareWithOrganization != "" {
		organizationArn(l, "TransitGatewayProps.ShareWithOrganization", p.ShareWithOrganization)
		if len(p.ShareWithOrganizationalUnits) > 0 {
			l.Addf("TransitGatewayProps.ShareWithOrganizationalUnits", p.ShareWithOrganizationalUnits, "covered by `ShareWithOrganization`; set one of the two")
		}
		return
	}
	org, first := "", ""
	for i, arn := range p.ShareWithOrganizationalUnits {
		field := check.Index("TransitGatewayProps.ShareWithOrganizationalUnits", i)
		switch id := organizationalUnitArn(l, field, arn); {
		case id == "":
		case org == "":
			org, first = id, field
		case id != org:
			l.Addf(field, arn, "an OU of organization %s, but %s is one of %s", id, first, org)
		}
	}
	check.Duplicates(l, "TransitGatewayProps.ShareWithOrganizationalUnits[%d]", p.ShareWithOrganizationalUnits)
}

// share shares the Transit Gateway through AWS RAM with the organization or OUs of
// p, and with no principal outside the organization.
func (t *TransitGateway) share(p TransitGatewayProps) {
	principals := p.ShareWithOrganizationalUnits
	if p.ShareWithOrganization != "" {
		principals = []string{p.ShareWithOrganization}
	}
	if len(principals) == 0 {
		return
	}
	t.Share = awsram.NewCfnResourceShare(t, jsii.String(idShare), &awsram.CfnResourceShareProps{
		Name:                    jsii.String(p.Name),
		ResourceArns:            jsii.Strings(t.Arn),
		Principals:              jsii.Strings(principals...),
		AllowExternalPrincipals: jsii.Bool(false),
	})
}
