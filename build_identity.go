package landingzone

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/identity"
)

// IdentityStacks are the Identity Center stacks of the management account.
type IdentityStacks struct {
	// Stack holds the permission sets.
	Stack          awscdk.Stack
	PermissionSets []identity.PermissionSetRef
	// Assignments holds the assignment stacks; nil without assignments.
	Assignments *identity.AssignmentStacks
}

// identity builds the permission sets and the assignment stacks.
func (b *builder) identity() {
	c := b.cfg
	id := c.Identity
	if id == nil || len(id.PermissionSets)+len(id.TimeBoxed) == 0 {
		// An identity section may only federate or name an auditor, which the
		// Baselines carry; an Identity stack would be empty.
		return
	}
	region := c.identityRegion()
	s := b.newStack("Identity-"+region, c.Organization.ManagementAccount, region, "IAM Identity Center permission sets", coreStack)
	dependOn(s, b.organizationStack())
	st := &IdentityStacks{Stack: s}
	b.lz.Identity = st
	for i, p := range id.PermissionSets {
		ps, err := identity.NewPermissionSet(s, fmt.Sprintf("PermissionSet%d", i+1), p.props(id.InstanceArn))
		if err != nil {
			b.fail(fmt.Sprintf("identity.permissionSets[%d].", i), "PermissionSetProps.", err)
			continue
		}
		st.PermissionSets = append(st.PermissionSets, ps)
	}
	for i, t := range id.TimeBoxed {
		props, _ := t.props(id.InstanceArn, b.opts.Now)
		ps, err := identity.NewTimeBoxedPermissionSet(s, fmt.Sprintf("TimeBoxed%d", i+1), props)
		if err != nil {
			b.fail(fmt.Sprintf("identity.timeBoxed[%d].", i), "TimeBoxedPermissionSetProps.", err)
			continue
		}
		st.PermissionSets = append(st.PermissionSets, ps)
	}
	if len(id.Assignments) == 0 {
		return
	}
	assignments := c.assignments(&b.problems)
	stacks, err := identity.NewAssignmentStacks(b.scope(c.Organization.ManagementAccount), "IdentityAssignments", identity.AssignmentStacksProps{
		Account:                c.Organization.ManagementAccount,
		Region:                 region,
		InstanceArn:            id.InstanceArn,
		PermissionSets:         st.PermissionSets,
		ParameterPrefix:        "/" + c.prefix() + "/identity/permission-sets",
		BootstrapQualifier:     c.qualifier(),
		OrganizationalUnits:    c.ouAccounts(),
		Assignments:            assignments,
		MaxAssignmentsPerStack: id.MaxAssignmentsPerStack,
		StackCount:             id.StackCount,
	})
	if err != nil {
		b.fail("identity.", "AssignmentStacksProps.", err)
		return
	}
	st.Assignments = stacks
	for _, s := range stacks.Stacks {
		b.built(s, *s.StackName(), c.Organization.ManagementAccount, region)
	}
}
