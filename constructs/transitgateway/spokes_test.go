package transitgateway_test

import (
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"

	"github.com/go-landingzone/landingzone/constructs/transitgateway"
)

func TestSpokeAttachmentsPropsErrors(t *testing.T) {
	spoke := func(name, account, segment, attachment string) transitgateway.Spoke {
		return transitgateway.Spoke{Name: name, Account: account, Segment: segment, AttachmentID: attachment}
	}
	for _, tc := range []struct {
		name   string
		spokes []transitgateway.Spoke
		want   []string
	}{
		{"spoke in an unknown segment", []transitgateway.Spoke{spoke("app", prodAccount, "production", "")},
			[]string{`SpokeAttachmentsProps.Spokes[0].Segment "production": unknown segment; want one of ["prod" "nonprod" "shared" "egress"]`}},
		{"spoke without segment", []transitgateway.Spoke{spoke("app", prodAccount, "", prodAttachment)},
			[]string{`SpokeAttachmentsProps.Spokes[0].Segment "": required`}},
		{"spoke in the egress segment", []transitgateway.Spoke{spoke("app", prodAccount, "egress", prodAttachment)},
			[]string{`SpokeAttachmentsProps.Spokes[0].Segment "egress": the egress segment holds the egress VPC only`}},
		{"malformed account", []transitgateway.Spoke{spoke("app", "2222", "prod", "")},
			[]string{`SpokeAttachmentsProps.Spokes[0].Account "2222": not a 12-digit AWS account ID`}},
		{"malformed attachment ID", []transitgateway.Spoke{spoke("app", prodAccount, "prod", "tgw-0123456789abcdef0")},
			[]string{`SpokeAttachmentsProps.Spokes[0].AttachmentID "tgw-0123456789abcdef0": not a Transit Gateway attachment ID`}},
		{"duplicates", []transitgateway.Spoke{spoke("app", prodAccount, "prod", prodAttachment), spoke("app", nonProdAccount, "nonprod", prodAttachment)},
			[]string{`SpokeAttachmentsProps.Spokes[1].Name "app": already the name of SpokeAttachmentsProps.Spokes[0]`,
				`SpokeAttachmentsProps.Spokes[1].AttachmentID "` + prodAttachment + `": already the attachment of SpokeAttachmentsProps.Spokes[0]`}},
		{"malformed name", []transitgateway.Spoke{spoke("App_1", prodAccount, "prod", "")},
			[]string{`SpokeAttachmentsProps.Spokes[0].Name "App_1": want lower-case letters`}},
		{"every problem at once", []transitgateway.Spoke{spoke("", "x", "lab", "tgw-attach-1")},
			[]string{`Spokes[0].Name ""`, `Spokes[0].Account "x"`, `Spokes[0].Segment "lab"`, `Spokes[0].AttachmentID "tgw-attach-1"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectInvalid(t, "Spokes", "transitgateway: SpokeAttachmentsProps.", func(s awscdk.Stack) error {
				_, err := transitgateway.NewSpokeAttachments(s, "Spokes", transitgateway.SpokeAttachmentsProps{Segments: newSegments(t, s), Spokes: tc.spokes})
				return err
			}, tc.want...)
		})
	}
	expectInvalid(t, "Spokes", "transitgateway: SpokeAttachmentsProps.", func(s awscdk.Stack) error {
		_, err := transitgateway.NewSpokeAttachments(s, "Spokes", transitgateway.SpokeAttachmentsProps{})
		return err
	}, `SpokeAttachmentsProps.Segments: required`)
}
