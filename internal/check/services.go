package check

import (
	"maps"
	"slices"
)

// resourceTypeGaps are resource types the landing zone creates only where a setting
// asks for them, with the known regions where CloudFormation lacks them, as the
// CDK's own template validation reports (rule F3006, "Resource type ... does not exist
// in ...", aws-cdk-lib 2.270.0 with @aws-cdk/core:validateAgainstDefaultRules).
// TestResourceTypeRegionsAreTheCDKs keeps the table equal to that validation.
var resourceTypeGaps = map[string][]string{
	"AWS::SecurityHub::FindingAggregator": {
		"af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
		"ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1",
		"me-central-1", "mx-central-1",
	},
	"AWS::Chatbot::SlackChannelConfiguration": {"cn-north-1", "cn-northwest-1", "us-gov-east-1", "us-gov-west-1"},
}

// RegionalResourceTypes lists the resource types whose regions ResourceTypeRegion
// knows, sorted.
func RegionalResourceTypes() []string { return slices.Sorted(maps.Keys(resourceTypeGaps)) }

// ResourceTypeAvailable reports whether CloudFormation offers resourceType in region,
// as far as the table knows: true for a type it does not list.
func ResourceTypeAvailable(resourceType, region string) bool {
	return !slices.Contains(resourceTypeGaps[resourceType], region)
}

// ResourceTypeRegion records a problem when CloudFormation lacks resourceType in
// region; need says what needs it there.
func ResourceTypeRegion(l *List, field, region, resourceType, need string) {
	if !ResourceTypeAvailable(resourceType, region) {
		l.Addf(field, region, "CloudFormation has no %s in this region, which %s needs (the AWS CDK's template validation, rule F3006)", resourceType, need)
	}
}
