package landingzone_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
	"github.com/go-landingzone/landingzone/internal/replace"
)

// referenceYAML is the reference configuration, which the edits below change.
const referenceYAML = "examples/multi-account/landingzone.yaml"

// edit is a change a platform team makes to its configuration: replacements of text.
type edit struct {
	name string
	// from, to: each from must occur in the reference exactly once.
	pairs [][2]string
	// want are the findings the edit means to cause, as their String() prints them.
	want []string
}

// typicalEdits are changes a team makes to a running landing zone; none may replace a
// stateful resource.
var typicalEdits = []edit{
	{"add a workload", [][2]string{{"\ndeployment:", `
  - name: search-prod
    id: "999999999999"
    environment: prod
    team: search
    ou: Prod
    vpc:
      cidr: 10.40.0.0/16
      egress: nat-per-az
deployment:`}}, nil},
	{"add a governed region", [][2]string{{"governedRegions: [eu-west-1]", "governedRegions: [eu-west-1, eu-central-1]"}}, nil},
	{"rename a workload's team", [][2]string{{"team: data", "team: analytics"}}, nil},
	{"change a workload's egress mode", [][2]string{{"egress: proxy\n      proxy:\n        allowedDomains: [.snowflakecomputing.com]", "egress: nat-per-az"}}, nil},
	{"add a segment", [][2]string{{"\ndeployment:", `
  - name: shared-prod
    id: "121212121212"
    environment: prod
    team: shared
    ou: Prod
    segment: shared
    vpc:
      cidr: 10.50.0.0/16
      egress: transit-gateway
deployment:`}}, nil},
	{"add a permission set", [][2]string{{"    - persona: security-auditor\n", "    - persona: security-auditor\n    - persona: read-only\n      name: SupportReadOnly\n      sessionDuration: PT4H\n"}}, nil},
	{"change the log retention", [][2]string{{"  trail:\n    cloudWatchLogs: true", "  retentionDays: 730\n  trail:\n    cloudWatchLogs: true\n    logRetentionDays: 731"}}, nil},
	// Adopting Control Tower's trail removes the landing zone's own, on purpose (two
	// organization trails would log every event twice); its keys and log group stay.
	{"adopt an existing trail", [][2]string{{"  trail:\n    cloudWatchLogs: true       # for the CIS alarms of the alert topic", "  trail:\n    existingTrailName: aws-controltower-BaselineCloudTrail"}},
		[]string{"OrgTrail-eu-west-1 111111111111/eu-west-1: TrailA0C862CD (AWS::CloudTrail::Trail) is deleted with its stack"}},
	{"add an interface endpoint", [][2]string{{"interfaceEndpoints: [ssm, ssmmessages, ec2messages, kms, logs, sts]", "interfaceEndpoints: [ssm, ssmmessages, ec2messages, kms, logs, sts, ecr.api]"}}, nil},
	{"add an alert address", [][2]string{{"emails: [security@example.com]", "emails: [security@example.com, oncall@example.com]"}}, nil},
	{"add an OU", [][2]string{{"  - name: NonProd\n    parent: Workloads\n", "  - name: NonProd\n    parent: Workloads\n  - name: Sandbox\n    parent: Workloads\n"}}, nil},
	{"exempt a break-glass role", [][2]string{{"\nidentity:", "\nguardrails:\n  exemptRoleNames: [BreakGlass]\n\nidentity:"}}, nil},
	{"accept a spoke's attachment", [][2]string{{"    segment: nonprod\n", "    segment: nonprod\n    transitGatewayAttachmentId: tgw-attach-0b1c2d3e4f5a60718\n"}}, nil},
	{"lengthen the bake", [][2]string{{"bakeTime: PT2H", "bakeTime: PT4H"}}, nil},
}

// TestTypicalEditsReplaceNoStatefulResource applies each typical edit to the reference
// and compares the templates before and after: no bucket, key, log group, trail,
// Transit Gateway attachment, permission set, account, OU, VPC or subnet may be
// replaced. A seeded edit that renames the log bucket (a new organization prefix)
// must be caught, so that the comparison is known to work.
func TestTypicalEditsReplaceNoStatefulResource(t *testing.T) {
	raw, err := os.ReadFile(referenceYAML)
	if err != nil {
		t.Fatal(err)
	}
	base := synthTemplates(t, string(raw))
	for _, e := range typicalEdits {
		t.Run(e.name, func(t *testing.T) {
			var got []string
			for _, f := range replace.Compare(base, synthTemplates(t, apply(t, string(raw), e))) {
				got = append(got, f.String())
			}
			if strings.Join(got, "\n") != strings.Join(e.want, "\n") {
				t.Errorf("stateful resources replaced or deleted:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(e.want, "\n"))
			}
		})
	}
	t.Run("seeded: a new organization prefix renames the log buckets", func(t *testing.T) {
		seeded := edit{name: "prefix", pairs: [][2]string{{"  rootId: r-a1b2\n", "  rootId: r-a1b2\n  prefix: acme\n"}}}
		var buckets []string
		for _, f := range replace.Compare(base, synthTemplates(t, apply(t, string(raw), seeded))) {
			if f.Type == "AWS::S3::Bucket" && strings.Contains(f.Reason, "BucketName") {
				buckets = append(buckets, f.LogicalID)
			}
		}
		if len(buckets) == 0 {
			t.Error("renaming the log buckets went unnoticed")
		}
	})
}

// apply makes e's replacements in the reference text.
func apply(t *testing.T, text string, e edit) string {
	t.Helper()
	for _, p := range e.pairs {
		if n := strings.Count(text, p[0]); n != 1 {
			t.Fatalf("%s: %q occurs %d times in %s, want once", e.name, p[0], n, referenceYAML)
		}
		text = strings.Replace(text, p[0], p[1], 1)
	}
	return text
}

// synthTemplates builds the landing zone of the configuration text and returns its
// templates by stack name, account and region, those of the pipeline's stages too.
// The gates of lztest are left out: this test compares templates, which the other
// tests check.
func synthTemplates(t *testing.T, text string) map[string]map[string]any {
	t.Helper()
	cfg, err := landingzone.ParseConfig(referenceYAML, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	dir := lztest.SynthDir(t, func(app awscdk.App) error {
		_, err := landingzone.New(app, cfg)
		return err
	})
	out := map[string]map[string]any{}
	readTemplates(t, dir, out)
	return out
}

// readTemplates reads the stacks of the cloud assembly in dir, and of its nested
// assemblies, from its manifest: cheaper than a jsii call per stack.
func readTemplates(t *testing.T, dir string, out map[string]map[string]any) {
	t.Helper()
	var manifest struct {
		Artifacts map[string]struct {
			Type        string `json:"type"`
			Environment string `json:"environment"`
			Properties  struct {
				TemplateFile  string `json:"templateFile"`
				StackName     string `json:"stackName"`
				DirectoryName string `json:"directoryName"`
			} `json:"properties"`
		} `json:"artifacts"`
	}
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err == nil {
		err = json.Unmarshal(raw, &manifest)
	}
	if err != nil {
		t.Fatal(err)
	}
	for id, a := range manifest.Artifacts {
		switch a.Type {
		case "aws:cloudformation:stack":
			var tpl map[string]any
			raw, err := os.ReadFile(filepath.Join(dir, a.Properties.TemplateFile))
			if err == nil {
				err = json.Unmarshal(raw, &tpl)
			}
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			name := a.Properties.StackName
			if name == "" {
				name = id
			}
			out[name+" "+strings.TrimPrefix(a.Environment, "aws://")] = tpl
		case "cdk:cloud-assembly":
			readTemplates(t, filepath.Join(dir, a.Properties.DirectoryName), out)
		}
	}
}
