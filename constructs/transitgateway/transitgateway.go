package transitgateway

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsec2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsram"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
)

// Defaults of TransitGatewayProps.
const (
	// DefaultAmazonSideAsn is the first private ASN, which AWS also picks by default.
	// Give each region's Transit Gateway its own ASN if they may ever peer.
	DefaultAmazonSideAsn int64 = 64512
	// DefaultFlowLogRetentionDays keeps flow logs in CloudWatch for a year.
	DefaultFlowLogRetentionDays = 365
)

// FlowLogKeyPrefix is where the Transit Gateway's flow logs land in FlowLogBucket.
const FlowLogKeyPrefix = "transit-gateway-flow-logs"

// Construct IDs are part of the public API: changing one replaces the resource.
const (
	idResource     = "Resource"
	idShare        = "Share"
	idFlowLog      = "FlowLog"
	idFlowLogGroup = "FlowLogs"
	idFlowLogRole  = "FlowLogRole"
)

// TransitGatewayProps configures NewTransitGateway. The zero value is a Transit Gateway
// with ASN 64512 that accepts no shared attachment on its own and associates and
// propagates nothing by default, shared with nobody, whose flow logs go to a
// KMS-encrypted log group kept for a year.
type TransitGatewayProps struct {
	// Name tags the Transit Gateway and names its RAM share. Empty means the construct
	// ID.
	Name string
	// ExistingTransitGatewayID adopts a Transit Gateway ("tgw-...") that exists
	// already instead of creating one: only the share and flow logs are created for it.
	// Its own settings stay as they are; see the package documentation for the ones the
	// segments expect. Empty creates one.
	ExistingTransitGatewayID string
	// AmazonSideAsn is the BGP ASN of the Amazon side, in 64512-65534 or
	// 4200000000-4294967294. Zero means DefaultAmazonSideAsn. An error with
	// ExistingTransitGatewayID, whose ASN is fixed.
	AmazonSideAsn int64

	// ShareWithOrganization is the ARN of the organization whose accounts may attach
	// ("arn:aws:organizations::111111111111:organization/o-a1b2c3d4e5"; see
	// OrganizationArn). AWS RAM must have sharing with AWS Organizations enabled.
	// Empty shares with the organization only through ShareWithOrganizationalUnits.
	ShareWithOrganization string
	// ShareWithOrganizationalUnits are the ARNs of the OUs whose accounts may attach
	// (see OrganizationalUnitArn). An error together with ShareWithOrganization,
	// which covers them. Empty with an empty ShareWithOrganization means no share:
	// only this account can attach.
	ShareWithOrganizationalUnits []string

	// FlowLogBucket receives the flow logs, for example the log archive bucket
	// imported by name, as hourly-partitioned Parquet under FlowLogKeyPrefix. Its policy
	// must admit the log delivery service for this account. Nil sends them to a
	// KMS-encrypted CloudWatch log group.
	FlowLogBucket awss3.IBucket
	// FlowLogRetentionDays is how long the CloudWatch log group keeps flow logs; one of
	// the periods CloudWatch Logs offers. Zero means DefaultFlowLogRetentionDays. Below
	// 365 needs AllowShortFlowLogRetention. An error with FlowLogBucket.
	FlowLogRetentionDays int
	// AllowShortFlowLogRetention accepts a FlowLogRetentionDays below one year. False
	// refuses it.
	AllowShortFlowLogRetention bool
}

// TransitGateway is a Transit Gateway, created or adopted, with its RAM share and flow
// logs.
type TransitGateway struct {
	constructs.Construct
	// ID is the Transit Gateway's ID: the adopted one, or a token for the one created.
	ID string
	// Arn is the Transit Gateway's ARN.
	Arn string
	// Resource is the Transit Gateway created; nil when adopted.
	Resource awsec2.CfnTransitGateway
	// Share shares the Transit Gateway with the organization or OUs; nil when it is not
	// shared.
	Share awsram.CfnResourceShare
	// FlowLog records the traffic through the Transit Gateway.
	FlowLog awsec2.FlowLog
	// FlowLogGroup holds the flow logs; nil when they go to a bucket.
	FlowLogGroup awslogs.LogGroup
}

// withDefaults returns a copy of p with zero fields resolved.
func (p TransitGatewayProps) withDefaults(id string) TransitGatewayProps {
	if p.Name == "" {
		p.Name = id
	}
	if p.AmazonSideAsn == 0 && p.ExistingTransitGatewayID == "" {
		p.AmazonSideAsn = DefaultAmazonSideAsn
	}
	if p.FlowLogRetentionDays == 0 && p.FlowLogBucket == nil {
		p.FlowLogRetentionDays = DefaultFlowLogRetentionDays
	}
	return p
}

// Validate reports every problem in p, with fields named as in TransitGatewayProps.
func (p TransitGatewayProps) Validate() error {
	var l check.List
	p.validate(&l, p.withDefaults("TransitGateway"))
	return l.Err("transitgateway")
}

// validate checks p as the caller wrote it; r is p with defaults resolved.
func (p TransitGatewayProps) validate(l *check.List, r TransitGatewayProps) {
	check.NameTag(l, "TransitGatewayProps.Name", r.Name, 0)
	if p.ExistingTransitGatewayID != "" {
		if !transitGatewayIDRegexp.MatchString(p.ExistingTransitGatewayID) {
			l.Addf("TransitGatewayProps.ExistingTransitGatewayID", p.ExistingTransitGatewayID, "not a Transit Gateway ID such as \"tgw-0123456789abcdef0\"")
		}
		if p.AmazonSideAsn != 0 {
			l.Addf("TransitGatewayProps.AmazonSideAsn", p.AmazonSideAsn, "belongs to the Transit Gateway of `ExistingTransitGatewayID`, which cannot change it")
		}
	} else {
		privateAsn(l, "TransitGatewayProps.AmazonSideAsn", r.AmazonSideAsn)
	}
	validateShare(l, p)
	if p.FlowLogBucket != nil {
		if p.FlowLogRetentionDays != 0 || p.AllowShortFlowLogRetention {
			l.Addf("TransitGatewayProps.FlowLogRetentionDays", p.FlowLogRetentionDays, "applies to the CloudWatch log group; with `FlowLogBucket` the bucket's lifecycle decides")
		}
		return
	}
	check.LogRetention(l, "TransitGatewayProps.FlowLogRetentionDays", r.FlowLogRetentionDays, p.AllowShortFlowLogRetention, "AllowShortFlowLogRetention")
}

// NewTransitGateway validates props, then creates the Transit Gateway, or adopts the
// existing one, shares it and records its flow logs. On error nothing is added to
// scope.
func NewTransitGateway(scope constructs.Construct, id string, props TransitGatewayProps) (*TransitGateway, error) {
	if err := scopecheck.Check("transitgateway", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	var l check.List
	p := props.withDefaults(id)
	props.validate(&l, p)
	if err := l.Err("transitgateway"); err != nil {
		return nil, err
	}
	tgw := &TransitGateway{}
	// Registering tgw itself as the construct lets callers pass *TransitGateway wherever
	// the CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(tgw, scope, jsii.String(id))
	c := tgw.Construct
	stack := awscdk.Stack_Of(c)
	if p.ExistingTransitGatewayID != "" {
		tgw.ID = p.ExistingTransitGatewayID
		tgw.Arn = TransitGatewayArn(*stack.Partition(), *stack.Region(), *stack.Account(), tgw.ID)
	} else {
		tgw.Resource = awsec2.NewCfnTransitGateway(c, jsii.String(idResource), &awsec2.CfnTransitGatewayProps{
			Description:   jsii.String("landingzone Transit Gateway " + p.Name),
			AmazonSideAsn: jsii.Number(float64(p.AmazonSideAsn)),
			// Nothing joins the hub or a segment without an explicit decision: shared
			// attachments wait for acceptance, and each is associated and propagated by
			// the segments.
			AutoAcceptSharedAttachments:  jsii.String("disable"),
			DefaultRouteTableAssociation: jsii.String("disable"),
			DefaultRouteTablePropagation: jsii.String("disable"),
			DnsSupport:                   jsii.String("enable"),
			// Both tunnels of a VPN carry traffic, and several VPNs to one site add up.
			VpnEcmpSupport:                  jsii.String("enable"),
			MulticastSupport:                jsii.String("disable"),
			SecurityGroupReferencingSupport: jsii.String("disable"),
			Tags:                            &[]*awscdk.CfnTag{{Key: jsii.String("Name"), Value: jsii.String(p.Name)}},
		})
		tgw.ID = *tgw.Resource.AttrId()
		tgw.Arn = *tgw.Resource.AttrTransitGatewayArn()
	}
	tgw.share(p)
	tgw.addFlowLog(p)
	return tgw, nil
}

// Adopted reports whether the Transit Gateway existed before: then Resource is nil.
//
// Like every construct type of this module, TransitGateway has at least one method
// with a pointer receiver: jsii registers such a Go struct as the construct itself.
func (t *TransitGateway) Adopted() bool { return t.Resource == nil }
