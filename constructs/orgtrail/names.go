package orgtrail

// TrailArn is the deterministic ARN of the trail trailName that managementAccount
// creates in region: "arn:<partition>:cloudtrail:<region>:<managementAccount>:trail/<trailName>".
// The log archive's bucket policy admits the trail by this ARN, so that the two stacks,
// in two accounts, agree without CloudFormation exports. An empty partition means
// "aws"; an empty trailName means DefaultTrailName.
func TrailArn(partition, region, managementAccount, trailName string) string {
	if partition == "" {
		partition = "aws"
	}
	if trailName == "" {
		trailName = DefaultTrailName
	}
	return "arn:" + partition + ":cloudtrail:" + region + ":" + managementAccount + ":trail/" + trailName
}
