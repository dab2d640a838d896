package logarchive

import "github.com/go-landingzone/landingzone/internal/nag"

// suppressFindings records why cdk-nag's findings on the archive do not apply.
func (a *LogArchive) suppressFindings() {
	nag.Suppress(a.DeliveryRole, true, nag.Rule{
		ID:     "AwsSolutions-IAM5",
		Reason: "Firehose names its objects at delivery time; writes are limited to the archive's two key prefixes",
		AppliesTo: []string{
			"/^Resource::.*\\/" + DataKeyPrefix + "\\*$/",
			"/^Resource::.*\\/" + ErrorKeyPrefix + "\\*$/",
		},
	})
}
