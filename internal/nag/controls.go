package nag

import (
	"encoding/json"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/controls"
)

// SuppressControls exempts the CloudFormation resource of c and, when children is set,
// every resource below it from the Control Tower proactive controls rules name
// ("CT.LAMBDA.PR.3"), each with its reason. The exemption is recorded in the template's
// resource Metadata (controls.MetadataKey), where the test gate of this module reads it
// and a reviewer sees it; Control Tower itself does not read it: a control that an
// organization enforces still blocks the resource, which is why each reason says why
// the finding is acceptable and the README lists them.
//
// Resources that do not exist yet when it is called are not covered. Like Suppress, it
// panics on a rule without a valid reason, a programming error of this module.
func SuppressControls(c constructs.IConstruct, children bool, rules ...Rule) {
	add := make([]controls.Suppression, 0, len(rules))
	for _, r := range rules {
		s := controls.Suppression{ID: r.ID, Reason: r.Reason}
		if err := s.Validate(); err != nil {
			panic(err)
		}
		add = append(add, s)
	}
	targets := []constructs.IConstruct{c}
	if children {
		targets = *c.Node().FindAll(constructs.ConstructOrder_PREORDER)
	}
	for _, x := range targets {
		if !*awscdk.CfnResource_IsCfnResource(x) {
			continue
		}
		res, ok := x.(awscdk.CfnResource)
		if !ok {
			continue
		}
		var entry controls.Entry
		if old := res.GetMetadata(jsii.String(controls.MetadataKey)); old != nil {
			// The metadata came back from JavaScript; JSON is the simplest way back to
			// the Go type, and it was written by this function, so it always parses.
			if b, err := json.Marshal(old); err == nil {
				_ = json.Unmarshal(b, &entry)
			}
		}
	next:
		for _, s := range add {
			for _, have := range entry.RulesToSuppress {
				if have.ID == s.ID {
					continue next
				}
			}
			entry.RulesToSuppress = append(entry.RulesToSuppress, s)
		}
		// jsii passes maps and slices to JavaScript, not Go structs.
		var value map[string]any
		b, _ := json.Marshal(entry)
		_ = json.Unmarshal(b, &value)
		res.AddMetadata(jsii.String(controls.MetadataKey), value)
	}
}

// AccessLogBucketControls returns, in a new slice at each call, the Control Tower
// controls that a bucket receiving S3 server access logs cannot meet, with the reasons;
// every access-log bucket of the module shares them.
func AccessLogBucketControls() []Rule {
	return []Rule{
		{ID: "CT.S3.PR.2", Reason: "this bucket receives server access logs; logging its own access would log into itself or need a third bucket for no audit gain"},
		{ID: "CT.S3.PR.9", Reason: "S3 does not deliver server access logs to a bucket with an Object Lock default retention, and Object Lock without one " +
			"protects no object (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html)"},
		{ID: "CT.S3.PR.10", Reason: "S3 delivers server access logs only to buckets whose default encryption is SSE-S3, not SSE-KMS " +
			"(https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html)"},
	}
}

// HandlerOutsideVPC returns the suppression of Control Tower's CT.LAMBDA.PR.3 with the
// reason the module's custom-resource handlers, and the CDK's, run outside a VPC.
func HandlerOutsideVPC() Rule {
	return Rule{ID: "CT.LAMBDA.PR.3",
		Reason: "a custom-resource handler that runs only while CloudFormation deploys and calls only AWS APIs; in a VPC it would need a NAT " +
			"gateway or an interface endpoint per API in every account, before the landing zone that provides them exists"}
}
