package orgtrail

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudtrail"
	"github.com/aws/jsii-runtime-go"
)

// selectEvents narrows or widens what the trail records. Without data events the trail
// keeps CloudTrail's default, every management event, and no selector is written. With
// data events it needs advanced event selectors, the only kind that can leave out the
// log bucket: recording S3 data events of the bucket the trail writes to would record
// every delivery, and each record's delivery in turn.
func selectEvents(trail awscloudtrail.Trail, partition string, p OrganizationTrailProps) {
	cfn := trail.Node().DefaultChild().(awscloudtrail.CfnTrail)
	// The CDK writes an empty list of basic selectors, which CloudTrail refuses beside
	// advanced ones; this trail uses none.
	cfn.AddPropertyDeletionOverride(jsii.String("EventSelectors"))
	if !p.S3DataEvents && !p.LambdaDataEvents {
		return
	}
	selectors := []interface{}{
		&awscloudtrail.CfnTrail_AdvancedEventSelectorProperty{Name: jsii.String("Management events"), FieldSelectors: &[]interface{}{
			equals("eventCategory", "Management"),
		}},
	}
	if p.S3DataEvents {
		selectors = append(selectors, &awscloudtrail.CfnTrail_AdvancedEventSelectorProperty{
			Name: jsii.String("S3 data events except the log bucket's"),
			FieldSelectors: &[]interface{}{
				equals("eventCategory", "Data"),
				equals("resources.type", "AWS::S3::Object"),
				&awscloudtrail.CfnTrail_AdvancedFieldSelectorProperty{Field: jsii.String("resources.ARN"), NotStartsWith: jsii.Strings("arn:" + partition + ":s3:::" + p.BucketName + "/")},
			},
		})
	}
	if p.LambdaDataEvents {
		selectors = append(selectors, &awscloudtrail.CfnTrail_AdvancedEventSelectorProperty{
			Name: jsii.String("Lambda data events"),
			FieldSelectors: &[]interface{}{
				equals("eventCategory", "Data"),
				equals("resources.type", "AWS::Lambda::Function"),
			},
		})
	}
	cfn.SetAdvancedEventSelectors(&selectors)
}

func equals(field string, values ...string) *awscloudtrail.CfnTrail_AdvancedFieldSelectorProperty {
	return &awscloudtrail.CfnTrail_AdvancedFieldSelectorProperty{Field: jsii.String(field), EqualTo: jsii.Strings(values...)}
}
