package landingzone

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/alerting"
	"github.com/go-landingzone/landingzone/constructs/orgtrail"
)

// OrgTrailStack is the management account's organization trail.
type OrgTrailStack struct {
	Stack awscdk.Stack
	Trail *orgtrail.OrganizationTrail
	// Alarms are the CIS alarms on the trail's log group; nil without one.
	Alarms *alerting.TrailAlarms
}

// orgTrail builds the organization trail, after the bucket it writes to. An adopted
// trail (logging.trail.existingTrailName) gets no stack: it would hold no resource,
// which CloudFormation refuses.
func (b *builder) orgTrail() {
	c := b.cfg
	if c.Logging.Trail.ExistingTrailName != "" {
		return
	}
	s := b.newStack("OrgTrail-"+c.Organization.HomeRegion, c.Organization.ManagementAccount, c.Organization.HomeRegion, "organization trail", coreStack)
	if home := b.lz.LogArchives[c.Organization.HomeRegion]; home != nil {
		dependOn(s, home.Stack)
	}
	trail, err := orgtrail.NewOrganizationTrail(s, "Trail", c.trailProps())
	if err != nil {
		b.fail("logging.trail.", "OrganizationTrailProps.", err)
		return
	}
	b.lz.OrgTrail = &OrgTrailStack{Stack: s, Trail: trail}
}
