package landingzone

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudformation"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3assets"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/cfnlimits"
)

// StackSetsStack holds the StackSets that roll the workloads' governance out, in the
// StackSets administrator account.
type StackSetsStack struct {
	Stack awscdk.Stack
	// StackSets holds the StackSet of each governed region.
	StackSets map[string]awscloudformation.CfnStackSet
	// Templates holds the template each StackSet deploys, as JSON.
	Templates map[string][]byte
}

// stackSets builds, in deployment mode stacksets, one service-managed StackSet per
// governed region that deploys the governance baseline to the workload OUs and to
// every account that joins them, with automatic deployment.
func (b *builder) stackSets() {
	c := b.cfg
	if !c.Deployment.stackSets() || !c.workloadOUIDsRecorded() {
		// The StackSets deploy to OUs by ID, recorded after the Organization stack's
		// first deploy (Config.Pending).
		return
	}
	d := c.Deployment.StackSets
	admin, callAs := c.stackSetsAdministrator(), "SELF"
	if admin != c.Organization.ManagementAccount {
		callAs = "DELEGATED_ADMIN"
	}
	home := c.Organization.HomeRegion
	s := b.newStack("BaselineStackSets-"+home, admin, home, "StackSets of the workload governance baseline", coreStack)
	dependOn(s, b.organizationStack(), b.logArchiveStack(home))
	st := &StackSetsStack{Stack: s, StackSets: map[string]awscloudformation.CfnStackSet{}, Templates: map[string][]byte{}}
	b.lz.StackSets = st

	var ouIDs []string
	for _, name := range c.workloadOUs() {
		for _, ou := range c.OrganizationalUnits {
			if ou.Name == name {
				ouIDs = append(ouIDs, ou.ID)
			}
		}
	}
	regionConcurrency := "PARALLEL"
	if d.SequentialRegions {
		regionConcurrency = "SEQUENTIAL"
	}
	for _, region := range c.regions() {
		body, err := b.governanceTemplate(region)
		if err != nil {
			b.problems.Addf("deployment", nil, "synthesizing the StackSet template of %s: %v", region, err)
			continue
		}
		st.Templates[region] = body
		props := &awscloudformation.CfnStackSetProps{
			StackSetName:    jsii.String(c.stackSetName(region)),
			Description:     jsii.String("landingzone: governance baseline of the workload accounts in " + region),
			PermissionModel: jsii.String("SERVICE_MANAGED"),
			CallAs:          jsii.String(callAs),
			Capabilities:    jsii.Strings("CAPABILITY_NAMED_IAM"),
			// An account that leaves the OUs keeps its governance: removing Config and
			// the log subscription is a decision, not a side effect.
			AutoDeployment: &awscloudformation.CfnStackSet_AutoDeploymentProperty{Enabled: jsii.Bool(true), RetainStacksOnAccountRemoval: jsii.Bool(true)},
			// The schema types ManagedExecution as free JSON: the key is passed as is.
			ManagedExecution: map[string]interface{}{"Active": true},
			OperationPreferences: &awscloudformation.CfnStackSet_OperationPreferencesProperty{
				FailureTolerancePercentage: jsii.Number(orDefaultInt(d.FailureTolerancePercentage, DefaultFailureTolerancePercentage)),
				MaxConcurrentPercentage:    jsii.Number(orDefaultInt(d.MaxConcurrentPercentage, DefaultMaxConcurrentPercentage)),
				RegionConcurrencyType:      jsii.String(regionConcurrency),
			},
			StackInstancesGroup: &[]interface{}{&awscloudformation.CfnStackSet_StackInstancesProperty{
				DeploymentTargets: &awscloudformation.CfnStackSet_DeploymentTargetsProperty{OrganizationalUnitIds: jsii.Strings(ouIDs...)},
				Regions:           jsii.Strings(region),
			}},
		}
		if len(body) <= cfnlimits.MaxInlineTemplateBytes {
			props.TemplateBody = jsii.String(string(body))
		} else {
			props.TemplateUrl = b.templateAsset(s, region, body)
		}
		st.StackSets[region] = awscloudformation.NewCfnStackSet(s, jsii.String("Governance-"+region), props)
	}
}

// governanceTemplate synthesizes the governance baseline of region in an app of its
// own, with this app's context (feature flags), for an account-agnostic stack that
// skips the bootstrap check, and returns the template as compact JSON.
func (b *builder) governanceTemplate(region string) ([]byte, error) {
	ctx, _ := b.app.Node().GetAllContext(nil).(map[string]interface{})
	outdir, err := os.MkdirTemp("", "landingzone-stackset-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(outdir)
	scratch := awscdk.NewApp(&awscdk.AppProps{Context: &ctx, Outdir: jsii.String(outdir)})
	stack := awscdk.NewStack(scratch, jsii.String("Governance"), &awscdk.StackProps{
		Env:         &awscdk.Environment{Region: jsii.String(region)},
		Synthesizer: awscdk.NewDefaultStackSynthesizer(&awscdk.DefaultStackSynthesizerProps{GenerateBootstrapVersionRule: jsii.Bool(false)}),
	})
	b.governance(stack, region, true)
	raw, err := os.ReadFile(*scratch.Synth(nil).GetStackArtifact(stack.ArtifactId()).TemplateFullPath())
	if err != nil {
		return nil, err
	}
	var compact bytes.Buffer
	err = json.Compact(&compact, raw)
	return compact.Bytes(), err
}

// templateAsset publishes a template over the inline limit as a file asset, whose URL
// the StackSet reads it from. The file is written next to the cloud assembly, under
// stackset-templates/, where it can be read before deploying.
func (b *builder) templateAsset(s awscdk.Stack, region string, body []byte) *string {
	dir := filepath.Join(*awscdk.Stage_Of(s).Outdir(), "stackset-templates")
	path := filepath.Join(dir, "governance-"+region+".json")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.problems.Addf("deployment", nil, "writing the StackSet template of %s: %v", region, err)
		return nil
	}
	if err := os.WriteFile(path, body, 0o644); err != nil {
		b.problems.Addf("deployment", nil, "writing the StackSet template of %s: %v", region, err)
		return nil
	}
	return awss3assets.NewAsset(s, jsii.String("GovernanceTemplate-"+region), &awss3assets.AssetProps{Path: jsii.String(path)}).HttpUrl()
}

func orDefaultInt(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}
