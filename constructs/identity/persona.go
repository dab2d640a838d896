package identity

import (
	"slices"
)

// Persona names a set of permissions for a kind of person, shared by permission sets
// and IAM roles. There is no default persona: every grant of access names one.
type Persona string

// The personas; see the package documentation for what each may do.
const (
	PersonaAdministrator   Persona = "administrator"
	PersonaDeveloper       Persona = "developer"
	PersonaOperator        Persona = "operator"
	PersonaContentEditor   Persona = "content-editor"
	PersonaReadOnly        Persona = "read-only"
	PersonaViewOnly        Persona = "view-only"
	PersonaSecurityAuditor Persona = "security-auditor"
)

// Personas returns every persona, the most powerful first, in a new slice at each call.
func Personas() []Persona {
	return []Persona{PersonaAdministrator, PersonaDeveloper, PersonaOperator, PersonaContentEditor, PersonaReadOnly, PersonaViewOnly, PersonaSecurityAuditor}
}

// AWS managed policies the personas use, by name with path.
const (
	policyAdministrator = "AdministratorAccess"
	policyPowerUser     = "PowerUserAccess"
	policyReadOnly      = "ReadOnlyAccess"
	policyViewOnly      = "job-function/ViewOnlyAccess"
	policySecurityAudit = "SecurityAudit"
	policySupport       = "AWSSupportAccess"
)

// personaSpec is what a persona grants.
type personaSpec struct {
	name        string
	description string
	managed     []string
	// inline builds the persona's own statements for partition.
	inline func(a access, partition string) []statement
	// wildcards says why the wildcards of the inline statements are safe, for the
	// cdk-nag suppression on roles.
	wildcards string
}

var personaSpecs = map[Persona]personaSpec{
	PersonaAdministrator: {name: "Administrator", description: "Full access to the account, for platform administrators",
		managed: []string{policyAdministrator}},
	PersonaDeveloper: {name: "Developer", description: "Everything but IAM and account management (PowerUserAccess)",
		managed: []string{policyPowerUser}},
	PersonaOperator: {name: "Operator",
		description: "Sees everything, opens support cases, starts, stops and reboots instances, opens Session Manager sessions and scales Auto Scaling groups",
		managed:     []string{policyViewOnly, policySupport}, inline: operatorStatements,
		wildcards: "an operator acts on any instance or Auto Scaling group, but of its own account only (aws:ResourceAccount), " +
			"and resumes or ends only the Session Manager sessions it opened (session IDs start with aws:userid)"},
	PersonaContentEditor: {name: "ContentEditor", description: "Reads and writes objects in the tagged buckets of the account, and nothing else",
		inline: contentEditorStatements,
		wildcards: "a content editor reaches only the buckets of its own account that carry the content tag (aws:ResourceTag, aws:ResourceAccount) " +
			"and their keys only through S3 (kms:ViaService); s3:ListAllMyBuckets has no resource-level permissions"},
	PersonaReadOnly: {name: "ReadOnly", description: "Reads every resource and its data (ReadOnlyAccess)",
		managed: []string{policyReadOnly}},
	PersonaViewOnly: {name: "ViewOnly", description: "Sees resource metadata but no data (ViewOnlyAccess)",
		managed: []string{policyViewOnly}},
	PersonaSecurityAuditor: {name: "SecurityAuditor", description: "Reads security configuration and resource metadata (SecurityAudit and ViewOnlyAccess)",
		managed: []string{policySecurityAudit, policyViewOnly}},
}

// Valid reports whether p is one of Personas.
func (p Persona) Valid() bool { return slices.Contains(Personas(), p) }

// DefaultName is the name a permission set of p takes when its props name none, such
// as "Administrator". Empty for an unknown persona.
func (p Persona) DefaultName() string { return personaSpecs[p].name }

// ManagedPolicies lists the AWS managed policies p attaches, by name with path, such
// as "job-function/ViewOnlyAccess".
func (p Persona) ManagedPolicies() []string { return slices.Clone(personaSpecs[p].managed) }

// operatorStatements let an operator act on running workloads of its own account
// without changing code, IAM or data.
func operatorStatements(_ access, partition string) []statement {
	instances := "arn:" + partition + ":ec2:*:*:instance/*"
	own := map[string]map[string]any{"StringEquals": {"aws:ResourceAccount": ownAccount}}
	return []statement{
		{sid: "OperateInstances", actions: []string{"ec2:RebootInstances", "ec2:StartInstances", "ec2:StopInstances"},
			resources: []string{instances}, conditions: own},
		{sid: "StartShellSessions", actions: []string{"ssm:StartSession"},
			resources: []string{instances, "arn:" + partition + ":ssm:*:*:document/SSM-SessionManagerRunShell"}, conditions: own},
		// Session IDs start with the caller's user ID: an operator resumes and ends
		// only sessions it opened.
		{sid: "ManageOwnSessions", actions: []string{"ssm:ResumeSession", "ssm:TerminateSession"},
			resources: []string{"arn:" + partition + ":ssm:*:*:session/${aws:userid}-*"}},
		{sid: "ScaleGroups", actions: []string{"autoscaling:SetDesiredCapacity", "autoscaling:StartInstanceRefresh"},
			resources: []string{"arn:" + partition + ":autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/*"}, conditions: own},
	}
}

// contentEditorStatements let an editor read and write objects in the buckets of its
// own account that carry the content tag. S3 evaluates aws:ResourceTag against the
// bucket's tags only on buckets with attribute-based access control enabled; on other
// buckets the condition never matches, so the grant fails closed. The editor gets no
// permission to tag buckets, delete objects or change ACLs.
func contentEditorStatements(a access, partition string) []statement {
	tagged := map[string]map[string]any{"StringEquals": {
		"aws:ResourceTag/" + a.contentTagKey: a.contentTagValue,
		"aws:ResourceAccount":                ownAccount,
	}}
	return []statement{
		// ListAllMyBuckets has no resource-level permissions; it shows bucket names only.
		{sid: "ListBuckets", actions: []string{"s3:ListAllMyBuckets"}, resources: []string{"*"}},
		{sid: "EditObjectsInTaggedBuckets",
			actions:   []string{"s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket", "s3:PutObject"},
			resources: []string{"arn:" + partition + ":s3:::*", "arn:" + partition + ":s3:::*/*"}, conditions: tagged},
		// Landing zone buckets encrypt with customer-managed keys; S3 uses them on the
		// editor's behalf only.
		{sid: "UseBucketKeysThroughS3", actions: []string{"kms:Decrypt", "kms:GenerateDataKey"},
			resources: []string{"arn:" + partition + ":kms:*:*:key/*"},
			conditions: map[string]map[string]any{
				"StringLike":   {"kms:ViaService": "s3.*.amazonaws.com"},
				"StringEquals": {"aws:ResourceAccount": ownAccount},
			}},
	}
}
