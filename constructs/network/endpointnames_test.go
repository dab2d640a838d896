package network

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The interface endpoint names VpcProps accepts are those the CDK's
// InterfaceVpcEndpointAwsService defines with the default prefix, read from the
// aws-cdk-lib that the Go module embeds.
func TestEndpointServicesAreTheCDKs(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/aws/aws-cdk-go/awscdk/v2").Output()
	if err != nil {
		t.Fatalf("locating aws-cdk-go: %v", err)
	}
	dir := strings.TrimSpace(string(out))
	matches, _ := filepath.Glob(filepath.Join(dir, "jsii", "aws-cdk-lib-*.tgz"))
	if len(matches) != 1 {
		t.Fatalf("no aws-cdk-lib tarball in %s", dir)
	}
	f, err := os.Open(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var js []byte
	for {
		h, err := tr.Next()
		if err != nil {
			t.Fatalf("no aws-ec2/lib/vpc-endpoint.js in %s: %v", matches[0], err)
		}
		if h.Name == "package/aws-ec2/lib/vpc-endpoint.js" {
			if js, err = io.ReadAll(tr); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	var cdk []string
	for _, m := range regexp.MustCompile(`new InterfaceVpcEndpointAwsService\("([^"]+)"\)`).FindAllSubmatch(js, -1) {
		if n := string(m[1]); !slices.Contains(cdk, n) {
			cdk = append(cdk, n)
		}
	}
	slices.Sort(cdk)
	if got := endpointServiceNames[:]; !slices.Equal(got, cdk) {
		t.Errorf("%d names here, %d in the CDK; the lists differ", len(got), len(cdk))
	}
	if len(cdk) < 300 {
		t.Errorf("only %d services read from the CDK: the pattern no longer matches its code", len(cdk))
	}
}
