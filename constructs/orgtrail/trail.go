package orgtrail

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudtrail"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone/constructs/logbucket"
	"github.com/go-landingzone/landingzone/internal/nag"
	"github.com/go-landingzone/landingzone/internal/scopecheck"
	"github.com/go-landingzone/landingzone/internal/secure"
	"github.com/go-landingzone/landingzone/internal/stackenv"
)

// Construct IDs are part of the public API: changing one replaces the resource.
const (
	idResource = "Resource"
	idKey      = "Key"
	idLogs     = "Logs"
	idBucket   = "Bucket"
)

// missingOrgIDWarning is the CDK's warning that it added no bucket-policy statement for
// an organization trail; the bucket is in another account, whose stack adds them.
const missingOrgIDWarning = "@aws-cdk/aws-cloudtrail:missingOrgIdForOrganizationTrail"

// OrganizationTrail is the organization's CloudTrail trail with its key, or an adopted
// trail known by name.
type OrganizationTrail struct {
	constructs.Construct
	// Trail is the trail; nil when adopted.
	Trail awscloudtrail.Trail
	// Key encrypts the trail's log files; nil when adopted.
	Key awskms.Key
	// LogGroup receives the trail's events when CloudWatchLogs is set; nil otherwise.
	LogGroup awslogs.LogGroup
	// TrailName and TrailArn name the trail, for the log archive's bucket policy
	// (TrailArn equals the package function TrailArn for the stack's account and
	// region).
	TrailName string
	TrailArn  string
	// BucketName and KeyPrefix are where the trail writes; empty when adopted.
	BucketName string
	KeyPrefix  string
	// Adopted reports a trail adopted with ExistingTrailName.
	Adopted bool
}

// NewOrganizationTrail validates props, then creates the organization trail and its key
// in the management account, or adopts an existing trail. On error nothing is added to
// scope.
//
// The stack must be in the organization's management account with a concrete account
// and region: the trail's home region, which must be the log bucket's.
func NewOrganizationTrail(scope constructs.Construct, id string, props OrganizationTrailProps) (*OrganizationTrail, error) {
	if err := scopecheck.Check("orgtrail", scope, id, scopecheck.InStack, props); err != nil {
		return nil, err
	}
	stack := awscdk.Stack_Of(scope)
	e := stackenv.Of(stack)
	p, err := validate(props, e.Concrete())
	if err != nil {
		return nil, err
	}
	t := &OrganizationTrail{
		TrailName: p.TrailName,
		TrailArn:  TrailArn(e.Partition, e.Region, e.Account, p.TrailName),
		Adopted:   p.adopts(),
	}
	// Registering t itself as the construct lets callers pass *OrganizationTrail
	// wherever the CDK wants a construct (Tags_Of, aspects, nag suppressions).
	constructs.NewConstruct_Override(t, scope, jsii.String(id))
	if !p.adopts() {
		t.create(e, p)
	}
	return t, nil
}

// create builds the key, the optional log group and the trail.
func (t *OrganizationTrail) create(e stackenv.Env, p OrganizationTrailProps) {
	c := t.Construct
	t.BucketName, t.KeyPrefix = p.BucketName, p.KeyPrefix
	t.Key = newTrailKey(c, e.Region, t.TrailArn, p.ReaderRoleArns)
	props := &awscloudtrail.TrailProps{
		TrailName:                  jsii.String(p.TrailName),
		Bucket:                     awss3.Bucket_FromBucketName(c, jsii.String(idBucket), jsii.String(p.BucketName)),
		S3KeyPrefix:                jsii.String(p.KeyPrefix),
		EncryptionKey:              t.Key,
		IsOrganizationTrail:        jsii.Bool(true),
		IsMultiRegionTrail:         jsii.Bool(true),
		IncludeGlobalServiceEvents: jsii.Bool(true),
		EnableFileValidation:       jsii.Bool(true),
	}
	if p.CloudWatchLogs {
		group := secure.NewLogGroup(c, idLogs, secure.LogGroupProps{
			RetentionDays: p.LogRetentionDays,
			Description:   "Encrypts the CloudWatch copy of the organization trail " + p.TrailName,
		})
		t.LogGroup = group.LogGroup
		props.SendToCloudWatchLogs = jsii.Bool(true)
		props.CloudWatchLogGroup = group.LogGroup
	}
	if p.Insights {
		props.InsightTypes = &[]awscloudtrail.InsightType{awscloudtrail.InsightType_API_CALL_RATE(), awscloudtrail.InsightType_API_ERROR_RATE()}
	}
	awscdk.Annotations_Of(c).AcknowledgeWarning(jsii.String(missingOrgIDWarning), jsii.String("the log bucket is in the log archive account; its own stack admits the trail"))
	t.Trail = awscloudtrail.NewTrail(c, jsii.String(idResource), props)
	if !p.CloudWatchLogs {
		nag.SuppressControls(t.Trail, true, nag.Rule{ID: "CT.CLOUDTRAIL.PR.3",
			Reason: "CloudWatch Logs delivery is off (OrganizationTrailProps.CloudWatchLogs): it is charged per event of the whole organization, " +
				"so it is the user's choice; the validated log files reach the immutable log archive bucket either way"})
	}
	selectEvents(t.Trail, e.Partition, p)
}

// LogPath is the key prefix under which the trail delivers the log files of account in
// region, as logbucket.CloudTrailPath describes it; empty for an adopted trail, whose
// prefix is not known here.
func (t *OrganizationTrail) LogPath(organizationID, account, region string) string {
	if t.Adopted {
		return ""
	}
	return logbucket.CloudTrailPath(t.KeyPrefix, organizationID, account, region)
}
