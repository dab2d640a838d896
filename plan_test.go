package landingzone_test

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// The README's first-deploy list is the reference's FirstDeploy, written by the code:
// `go test . -run TestReadmeFirstDeploy -update` rewrites it.
func TestReadmeFirstDeploy(t *testing.T) {
	const begin, end = "<!-- first-deploy:begin -->\n", "<!-- first-deploy:end -->"
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	before, rest, found := strings.Cut(string(readme), begin)
	block, after, closed := strings.Cut(rest, end)
	if !found || !closed {
		t.Fatalf("README.md has no %q ... %q block", begin, end)
	}
	want := landingzone.FormatFirstDeploy(referenceConfig(t).FirstDeploy())
	if flag.Lookup("update").Value.String() == "true" {
		if err := os.WriteFile("README.md", []byte(before+begin+want+end+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if block != want {
		t.Errorf("README.md's first deploy is not the reference's FirstDeploy; rewrite it with: go test . -run TestReadmeFirstDeploy -update\n%s",
			lztest.TextDiff("README.md", "FirstDeploy", []byte(block), []byte(want)))
	}
}

// The first deploy of the reference: each core stage once, a value recorded right
// after the stack that outputs it, the pipeline after the core stages, the workloads
// in wave order, then the network account accepts the spokes' attachments and the
// spokes deploy again with their routes.
func TestFirstDeployOfTheReference(t *testing.T) {
	var got []string
	for _, s := range referenceConfig(t).FirstDeploy() {
		line := s.Stage + ":"
		for _, st := range s.Stacks {
			line += " " + st.Name
		}
		if s.Again {
			line += " (again)"
		}
		if s.ByPipeline {
			line += " (pipeline)"
		}
		for _, r := range s.Records {
			line += " -> " + r.Field
		}
		got = append(got, line)
	}
	want := []string{
		"Organization: Organization-eu-west-1 SecurityDelegation-eu-west-1",
		"LogArchive: LogArchive-eu-west-1 Baseline-log-archive-eu-west-1 -> logging.keyArn",
		"Audit: Security-eu-west-1 Baseline-audit-eu-west-1",
		"Management: OrgTrail-eu-west-1 Identity-eu-west-1 IdentityAssignments01 Baseline-management-eu-west-1",
		"Network: Network-eu-west-1 NetworkSpokes-eu-west-1-01 Baseline-network-eu-west-1 -> network.transitGatewayId",
		"Pipeline: Pipeline-eu-west-1",
		"payments-dev: Baseline-payments-dev-eu-west-1 (pipeline) -> workloads[1].transitGatewayAttachmentId",
		"payments-prod: Baseline-payments-prod-eu-west-1 (pipeline) -> workloads[0].transitGatewayAttachmentId",
		"data-prod: Baseline-data-prod-eu-west-1 (pipeline)",
		"Network: Network-eu-west-1 NetworkSpokes-eu-west-1-01 (again) (pipeline)",
		"payments-dev: Baseline-payments-dev-eu-west-1 (again) (pipeline)",
		"payments-prod: Baseline-payments-prod-eu-west-1 (again) (pipeline)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("first deploy:\n%s", lztest.TextDiff("want", "got", []byte(strings.Join(want, "\n")+"\n"), []byte(strings.Join(got, "\n")+"\n")))
	}
}
