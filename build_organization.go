package landingzone

import (
	"strings"
	"unicode"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/organization"
)

// OrganizationStack is the management account's structure and guardrails.
type OrganizationStack struct {
	Stack     awscdk.Stack
	Structure *organization.Structure
	// Guardrails holds the attached SCPs by policy name.
	Guardrails map[string]*organization.Guardrail
}

// organization builds the OU tree, the accounts to create and the guardrails.
func (b *builder) organization() {
	c := b.cfg
	s := b.newStack("Organization-"+c.Organization.HomeRegion, c.Organization.ManagementAccount, c.Organization.HomeRegion,
		"organizational units, accounts and service control policies", coreStack)
	structure, err := organization.NewStructure(s, "Structure", c.structureProps())
	if err != nil {
		b.fail("", "StructureProps.", err)
		return
	}
	o := &OrganizationStack{Stack: s, Structure: structure, Guardrails: map[string]*organization.Guardrail{}}
	b.lz.Organization = o
	for i, ou := range c.OrganizationalUnits {
		if r, ok := structure.OrganizationalUnits[ou.Name]; ok {
			// The index keeps IDs unique when names differ only in punctuation.
			awscdk.NewCfnOutput(s, jsii.String(ouOutput(i, ou.Name)), &awscdk.CfnOutputProps{
				Value:       r.AttrId(),
				Description: jsii.String("ID of OU " + ou.Name + ": set organizationalUnits[].id to it for deployment mode stacksets"),
			})
		}
	}
	for i, w := range c.Workloads {
		if a, ok := structure.Accounts[w.name()]; ok && w.CreateAccount {
			awscdk.NewCfnOutput(s, jsii.String(accountOutput(i, w.name())), &awscdk.CfnOutputProps{
				Value:       a.AttrAccountId(),
				Description: jsii.String("ID of account " + w.name() + ": set workloads[].id to it, and its stacks are built"),
			})
		}
	}
	if c.Guardrails.Disabled {
		return
	}
	root := []organization.Target{structure.Target("")}
	var workload []organization.Target
	for _, ou := range c.workloadOUs() {
		workload = append(workload, structure.Target(ou))
	}
	for _, g := range c.guardrailSpecs(root, workload) {
		guardrail, err := g.build(s, g.id)
		if err != nil {
			b.problems.MergeFunc("guardrails", err, c.guardrailField(g.id))
			continue
		}
		o.Guardrails[guardrail.Name] = guardrail
	}
}

// logArchiveBuckets names the log archive's buckets that the landing zone creates.
func (c Config) logArchiveBuckets() []string {
	if c.Security.Config.AdoptExistingRecorder {
		return []string{c.logBucketName()}
	}
	return []string{c.logBucketName(), c.configBucketName()}
}

// outputName keeps the letters and digits of name, which is all an output's logical
// ID may hold.
func outputName(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// logKeyAlias is the alias of the log archive bucket's key, by which the guardrails
// protect it.
func logKeyAlias(prefix string) string { return "alias/" + prefix + "-log-archive" }
