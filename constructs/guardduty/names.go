package guardduty

// DetectorArns is the ARN pattern of the GuardDuty detectors of account in region, in
// the commercial partition: the aws:SourceArn that the log archive's bucket and key
// policies admit for the publishing destination of the audit account.
func DetectorArns(account, region string) string {
	return "arn:aws:guardduty:" + region + ":" + account + ":detector/*"
}
