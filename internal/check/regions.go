package check

import (
	"maps"
	"slices"
)

// knownRegions are the regions of the CDK's region facts (regioninfo.RegionInfo_Regions
// of aws-cdk-lib 2.270.0), with their partitions. TestKnownRegionsAreTheCDKs keeps the
// list equal to the CDK's, so that a CDK upgrade that adds a region fails until it is
// added here; the list is Go so that validation needs no jsii runtime.
var knownRegions = map[string]string{
	"af-south-1": "aws", "ap-east-1": "aws", "ap-east-2": "aws", "ap-northeast-1": "aws",
	"ap-northeast-2": "aws", "ap-northeast-3": "aws", "ap-south-1": "aws", "ap-south-2": "aws",
	"ap-southeast-1": "aws", "ap-southeast-2": "aws", "ap-southeast-3": "aws", "ap-southeast-4": "aws",
	"ap-southeast-5": "aws", "ap-southeast-6": "aws", "ap-southeast-7": "aws", "ca-central-1": "aws",
	"ca-west-1": "aws", "cn-north-1": "aws-cn", "cn-northwest-1": "aws-cn", "eu-central-1": "aws",
	"eu-central-2": "aws", "eu-isoe-west-1": "aws-iso-e", "eu-north-1": "aws", "eu-south-1": "aws",
	"eu-south-2": "aws", "eu-west-1": "aws", "eu-west-2": "aws", "eu-west-3": "aws",
	"eusc-de-east-1": "aws-eusc", "il-central-1": "aws", "me-central-1": "aws", "me-south-1": "aws",
	"mx-central-1": "aws", "sa-east-1": "aws", "us-east-1": "aws", "us-east-2": "aws",
	"us-gov-east-1": "aws-us-gov", "us-gov-west-1": "aws-us-gov", "us-iso-east-1": "aws-iso",
	"us-iso-west-1": "aws-iso", "us-isob-east-1": "aws-iso-b", "us-isob-west-1": "aws-iso-b",
	"us-isof-east-1": "aws-iso-f", "us-isof-south-1": "aws-iso-f", "us-west-1": "aws", "us-west-2": "aws",
}

// KnownRegions returns the names of the regions Region accepts, sorted.
func KnownRegions() []string { return slices.Sorted(maps.Keys(knownRegions)) }

// RegionPartition returns the partition of a known region ("aws", "aws-cn"...), or ""
// for a region the CDK does not know.
func RegionPartition(region string) string { return knownRegions[region] }

// nearestRegion is the known region closest to value, for a did-you-mean.
func nearestRegion(value string) string { return Nearest(value, KnownRegions()) }

// Nearest returns the candidate closest to value by edit distance (the first of equals),
// for a did-you-mean; "" when there are no candidates.
func Nearest(value string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		if d := EditDistance(value, c); bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// EditDistance is the Levenshtein distance between a and b, for did-you-means.
func EditDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// noFirehoseFacts are the known regions for which the CDK's region facts hold no
// Kinesis Data Firehose CIDR block (FactName.FIREHOSE_CIDR_BLOCK): the CDK's Firehose
// delivery stream reads that fact from a mapping, which fails synthesis in these
// regions. TestFirehoseRegionsAreTheCDKs keeps the list equal to the facts.
var noFirehoseFacts = map[string]bool{
	"ap-southeast-6": true, "eu-isoe-west-1": true, "eusc-de-east-1": true, "mx-central-1": true,
	"us-iso-east-1": true, "us-iso-west-1": true, "us-isob-east-1": true, "us-isob-west-1": true,
	"us-isof-east-1": true, "us-isof-south-1": true,
}

// FirehoseRegion records a problem when region is a known region in which the CDK
// cannot build a Firehose delivery stream, which the log archive needs.
func FirehoseRegion(l *List, field, region string) {
	if noFirehoseFacts[region] {
		l.Addf(field, region, "the AWS CDK has no Kinesis Data Firehose facts for this region (FactName.FIREHOSE_CIDR_BLOCK), so the log archive's delivery streams cannot be built there")
	}
}

// HasFirehoseFacts reports whether the CDK knows Firehose in region.
func HasFirehoseFacts(region string) bool {
	return knownRegions[region] != "" && !noFirehoseFacts[region]
}
