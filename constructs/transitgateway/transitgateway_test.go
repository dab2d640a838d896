package transitgateway_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/transitgateway"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestTransitGateway(t *testing.T) {
	var tgw *transitgateway.TransitGateway
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		var err error
		tgw, err = transitgateway.NewTransitGateway(s, "TransitGateway", transitgateway.TransitGatewayProps{
			ShareWithOrganization: transitgateway.OrganizationArn(managementAccount, organizationID),
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	// Nothing joins the hub or a segment on its own.
	tpl.HasResourceProperties("AWS::EC2::TransitGateway", map[string]any{
		"AmazonSideAsn":                64512,
		"AutoAcceptSharedAttachments":  "disable",
		"DefaultRouteTableAssociation": "disable",
		"DefaultRouteTablePropagation": "disable",
		"DnsSupport":                   "enable",
		"VpnEcmpSupport":               "enable",
	})
	// Shared with the organization and nobody outside it.
	tpl.ResourceCountIs("AWS::RAM::ResourceShare", 1)
	tpl.HasResourceProperties("AWS::RAM::ResourceShare", map[string]any{
		"Principals":              []any{"arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5"},
		"AllowExternalPrincipals": false,
		"ResourceArns":            []any{map[string]any{"Fn::GetAtt": []any{assertions.Match_StringLikeRegexp(jsii.String("^TransitGateway")), "TransitGatewayArn"}}},
	})
	// Flow logs of the Transit Gateway in an encrypted log group kept a year.
	tpl.HasResourceProperties("AWS::EC2::FlowLog", map[string]any{
		"ResourceType": "TransitGateway", "LogDestinationType": "cloud-watch-logs", "MaxAggregationInterval": 60,
		"TrafficType": assertions.Match_Absent(),
	})
	tpl.HasResource("AWS::Logs::LogGroup", map[string]any{
		"Properties":     map[string]any{"RetentionInDays": 365, "KmsKeyId": map[string]any{"Fn::GetAtt": assertions.Match_AnyValue()}},
		"DeletionPolicy": "Retain",
	})
	tpl.HasResourceProperties("AWS::KMS::Key", map[string]any{"EnableKeyRotation": true})
	// The delivery role trusts flow logs of this account and region only.
	tpl.HasResourceProperties("AWS::IAM::Role", map[string]any{
		"AssumeRolePolicyDocument": map[string]any{"Statement": []any{map[string]any{
			"Action": "sts:AssumeRole", "Effect": "Allow",
			"Principal": map[string]any{"Service": "vpc-flow-logs.amazonaws.com"},
			"Condition": map[string]any{
				"StringEquals": map[string]any{"aws:SourceAccount": "123456789012"},
				"ArnLike":      map[string]any{"aws:SourceArn": "arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*"},
			},
		}}},
	})
	if tgw.Adopted() {
		t.Error("a created Transit Gateway reports itself adopted")
	}
	lztest.Golden(t, tpl)
}

// An adopted Transit Gateway gets the share and flow logs only; with a bucket they go
// to the log archive.
func TestTransitGatewayAdopted(t *testing.T) {
	ous := []string{
		transitgateway.OrganizationalUnitArn(managementAccount, organizationID, "ou-ab12-prod0001"),
		transitgateway.OrganizationalUnitArn(managementAccount, organizationID, "ou-ab12-dev00001"),
	}
	var tgw *transitgateway.TransitGateway
	tpl := lztest.SynthStack(t, func(s awscdk.Stack) {
		bucket := awss3.Bucket_FromBucketName(s, jsii.String("LogArchive"), jsii.String("lz-logs-999999999999-eu-west-1"))
		var err error
		tgw, err = transitgateway.NewTransitGateway(s, "TransitGateway", transitgateway.TransitGatewayProps{
			Name: "hub", ExistingTransitGatewayID: existingTGW, ShareWithOrganizationalUnits: ous, FlowLogBucket: bucket,
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	tpl.ResourceCountIs("AWS::EC2::TransitGateway", 0)
	tpl.HasResourceProperties("AWS::RAM::ResourceShare", map[string]any{
		"Principals":              []any{ous[0], ous[1]},
		"AllowExternalPrincipals": false,
		"ResourceArns":            []any{"arn:aws:ec2:eu-west-1:123456789012:transit-gateway/" + existingTGW},
	})
	tpl.HasResourceProperties("AWS::EC2::FlowLog", map[string]any{
		"ResourceType": "TransitGateway", "ResourceId": existingTGW, "LogDestinationType": "s3",
		"LogDestination":     assertions.Match_StringLikeRegexp(jsii.String(`lz-logs-999999999999-eu-west-1/transit-gateway-flow-logs/$`)),
		"DestinationOptions": map[string]any{"FileFormat": "parquet", "HiveCompatiblePartitions": true, "PerHourPartition": true},
	})
	tpl.ResourceCountIs("AWS::Logs::LogGroup", 0)
	if !tgw.Adopted() || tgw.ID != existingTGW {
		t.Errorf("Adopted() = %v, ID = %q; want the adopted %s", tgw.Adopted(), tgw.ID, existingTGW)
	}
	lztest.Golden(t, tpl)
}

func TestTransitGatewayPropsErrors(t *testing.T) {
	org := transitgateway.OrganizationArn(managementAccount, organizationID)
	ou := transitgateway.OrganizationalUnitArn(managementAccount, organizationID, "ou-ab12-cd34ef56")
	for _, tc := range []struct {
		name  string
		props transitgateway.TransitGatewayProps
		want  []string
	}{
		{"name over a Name tag's 256 characters", transitgateway.TransitGatewayProps{Name: strings.Repeat("t", 257)},
			[]string{`257 characters; it becomes a Name tag, which holds at most 256`}},
		{"ASN below the 16-bit private range", transitgateway.TransitGatewayProps{AmazonSideAsn: 64511},
			[]string{`TransitGatewayProps.AmazonSideAsn 64511: not a private ASN; allowed 64512-65534 or 4200000000-4294967294`}},
		{"ASN above the 16-bit private range", transitgateway.TransitGatewayProps{AmazonSideAsn: 65535}, []string{`AmazonSideAsn 65535: not a private ASN`}},
		{"ASN below the 32-bit private range", transitgateway.TransitGatewayProps{AmazonSideAsn: 4199999999}, []string{`AmazonSideAsn 4199999999: not a private ASN`}},
		{"ASN above the 32-bit private range", transitgateway.TransitGatewayProps{AmazonSideAsn: 4294967295}, []string{`AmazonSideAsn 4294967295: not a private ASN`}},
		{"negative ASN", transitgateway.TransitGatewayProps{AmazonSideAsn: -1}, []string{`AmazonSideAsn -1: not a private ASN`}},
		{"malformed existing ID", transitgateway.TransitGatewayProps{ExistingTransitGatewayID: "tgw-XYZ"},
			[]string{`TransitGatewayProps.ExistingTransitGatewayID "tgw-XYZ": not a Transit Gateway ID`}},
		{"ASN of an adopted Transit Gateway", transitgateway.TransitGatewayProps{ExistingTransitGatewayID: existingTGW, AmazonSideAsn: 64600},
			[]string{"TransitGatewayProps.AmazonSideAsn 64600: belongs to the Transit Gateway of `ExistingTransitGatewayID`"}},
		{"organization ID instead of ARN", transitgateway.TransitGatewayProps{ShareWithOrganization: organizationID},
			[]string{`TransitGatewayProps.ShareWithOrganization "o-a1b2c3d4e5": not an organization ARN such as "arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5"`}},
		{"organization ARN with a region", transitgateway.TransitGatewayProps{ShareWithOrganization: "arn:aws:organizations:eu-west-1:111111111111:organization/o-a1b2c3d4e5"},
			[]string{`TransitGatewayProps.ShareWithOrganization "arn:aws:organizations:eu-west-1:111111111111:organization/o-a1b2c3d4e5": not an organization ARN`}},
		{"OU ARN without the organization", transitgateway.TransitGatewayProps{ShareWithOrganizationalUnits: []string{"arn:aws:organizations::111111111111:ou/ou-ab12-cd34ef56"}},
			[]string{`TransitGatewayProps.ShareWithOrganizationalUnits[0] "arn:aws:organizations::111111111111:ou/ou-ab12-cd34ef56": not an organizational unit ARN`}},
		{"organization ARN as an OU", transitgateway.TransitGatewayProps{ShareWithOrganizationalUnits: []string{ou, org}},
			[]string{`TransitGatewayProps.ShareWithOrganizationalUnits[1] "arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5": not an organizational unit ARN`}},
		{"OUs of two organizations", transitgateway.TransitGatewayProps{ShareWithOrganizationalUnits: []string{ou, transitgateway.OrganizationalUnitArn(managementAccount, "o-zzzzzzzzzz", "ou-ab12-cd34ef56")}},
			[]string{`TransitGatewayProps.ShareWithOrganizationalUnits[1] "arn:aws:organizations::111111111111:ou/o-zzzzzzzzzz/ou-ab12-cd34ef56": an OU of organization o-zzzzzzzzzz, but TransitGatewayProps.ShareWithOrganizationalUnits[0] is one of o-a1b2c3d4e5`}},
		{"duplicate OU", transitgateway.TransitGatewayProps{ShareWithOrganizationalUnits: []string{ou, ou}},
			[]string{`TransitGatewayProps.ShareWithOrganizationalUnits[1] "` + ou + `": duplicate of TransitGatewayProps.ShareWithOrganizationalUnits[0]`}},
		{"organization and OUs", transitgateway.TransitGatewayProps{ShareWithOrganization: org, ShareWithOrganizationalUnits: []string{ou}},
			[]string{"TransitGatewayProps.ShareWithOrganizationalUnits [\"" + ou + "\"]: covered by `ShareWithOrganization`; set one of the two"}},
		{"short flow-log retention", transitgateway.TransitGatewayProps{FlowLogRetentionDays: 30},
			[]string{"TransitGatewayProps.FlowLogRetentionDays 30: below the 365-day minimum; set `AllowShortFlowLogRetention`"}},
		{"every problem at once", transitgateway.TransitGatewayProps{AmazonSideAsn: 100, ShareWithOrganization: "o-a1b2c3d4e5", FlowLogRetentionDays: 42},
			[]string{`AmazonSideAsn 100`, `ShareWithOrganization "o-a1b2c3d4e5"`, `FlowLogRetentionDays 42: not a CloudWatch Logs retention`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, "TransitGateway", "transitgateway: TransitGatewayProps.", func(s awscdk.Stack) error {
				_, err := transitgateway.NewTransitGateway(s, "TransitGateway", tc.props)
				return err
			}, tc.want...)
		})
	}
}

// The retention belongs to the log group: with a bucket it is refused.
func TestTransitGatewayPropsErrorsWithBucket(t *testing.T) {
	expectInvalid(t, "TransitGateway", "transitgateway: TransitGatewayProps.", func(s awscdk.Stack) error {
		bucket := awss3.Bucket_FromBucketName(s, jsii.String("Logs"), jsii.String("logs-bucket"))
		_, err := transitgateway.NewTransitGateway(s, "TransitGateway", transitgateway.TransitGatewayProps{FlowLogBucket: bucket, FlowLogRetentionDays: 731})
		return err
	}, "TransitGatewayProps.FlowLogRetentionDays 731: applies to the CloudWatch log group; with `FlowLogBucket` the bucket's lifecycle decides")
}

// Validate needs no stack.
func TestTransitGatewayPropsValidate(t *testing.T) {
	if err := (transitgateway.TransitGatewayProps{}).Validate(); err != nil {
		t.Errorf("zero props: %v", err)
	}
	lztest.ExpectInvalid(t, transitgateway.TransitGatewayProps{AmazonSideAsn: 1}.Validate(), "transitgateway: TransitGatewayProps.", "AmazonSideAsn 1")
}
