package check_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/regioninfo"

	"github.com/go-landingzone/landingzone/internal/check"
)

// The regions Region accepts are the CDK's region facts, partitions included.
func TestKnownRegionsAreTheCDKs(t *testing.T) {
	var cdk []string
	for _, r := range *regioninfo.RegionInfo_Regions() {
		cdk = append(cdk, *r.Name())
		if got := check.RegionPartition(*r.Name()); got != *r.Partition() {
			t.Errorf("%s: partition %q, the CDK says %q", *r.Name(), got, *r.Partition())
		}
	}
	slices.Sort(cdk)
	if got := check.KnownRegions(); !slices.Equal(got, cdk) {
		t.Errorf("known regions\n%v\nthe CDK's\n%v", got, cdk)
	}
}

func TestRegion(t *testing.T) {
	for value, want := range map[string]string{
		"eu-west-1":    "",
		"mx-central-1": "",
		"eu-wset-1":    `f "eu-wset-1": not a region the AWS CDK knows; did you mean "eu-west-1"?`,
		"eu-west-9":    `f "eu-west-9": not a region the AWS CDK knows; did you mean "eu-west-1"?`,
		"us-east-7":    `f "us-east-7": not a region the AWS CDK knows; did you mean "us-east-1"?`,
		"Ireland":      `f "Ireland": not an AWS region name such as "eu-west-1"; did you mean`,
	} {
		var l check.List
		check.Region(&l, "f", value)
		err := l.Err("p")
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", value, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: %v, want %s", value, err, want)
		}
	}
}

// The regions FirehoseRegion refuses are those without the CDK's Firehose fact.
func TestFirehoseRegionsAreTheCDKs(t *testing.T) {
	for _, r := range *regioninfo.RegionInfo_Regions() {
		has := regioninfo.Fact_Find(r.Name(), regioninfo.FactName_FIREHOSE_CIDR_BLOCK()) != nil
		if got := check.HasFirehoseFacts(*r.Name()); got != has {
			t.Errorf("%s: HasFirehoseFacts %v, the CDK's facts say %v", *r.Name(), got, has)
		}
	}
}
