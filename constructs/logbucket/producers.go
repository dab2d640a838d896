package logbucket

import (
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
)

// ErrAdopted is matched by the error of an Allow method on an adopted bucket: its
// policy belongs to its owner, who must admit the producer there.
var ErrAdopted = errors.New("the bucket is adopted; its owner manages its policy")

// ownerFullControl is the canned ACL that CloudTrail and Config send; with ACLs disabled
// (bucket owner enforced) it is accepted and changes nothing, and requiring it keeps the
// statements valid should ownership controls ever change.
var ownerFullControl = map[string]interface{}{"s3:x-amz-acl": "bucket-owner-full-control"}

// AllowCloudTrail lets the organization trail src.TrailArn deliver its log files,
// digest files and Insights events under src.KeyPrefix: for the organization's
// accounts (AWSLogs/<organization>/...) and for the management account's own path
// (AWSLogs/<management account>/...). Every statement is conditioned on the trail's
// ARN. The trail encrypts with its own key in the management account, so the bucket's
// key policy is not touched.
//
// Like every Allow method it returns an error, and changes nothing, when src is invalid,
// when the producer was already admitted, or when the bucket is adopted (ErrAdopted).
func (b *ImmutableBucket) AllowCloudTrail(src CloudTrailSource) error {
	s, err := prepare(b, "AllowCloudTrail", src)
	if err != nil {
		return err
	}
	trail := map[string]interface{}{"aws:SourceArn": s.TrailArn}
	managementAccount := arnAccount(s.TrailArn)
	b.allowService("CloudTrailAclCheck", "cloudtrail.amazonaws.com", []string{"s3:GetBucketAcl"}, []string{b.arn("")}, trail)
	b.allowService("CloudTrailWrite", "cloudtrail.amazonaws.com", []string{"s3:PutObject"}, []string{
		b.arn(joinKey(s.KeyPrefix, "AWSLogs", s.OrganizationID, "*")),
		b.arn(joinKey(s.KeyPrefix, "AWSLogs", managementAccount, "*")),
	}, merge(trail, ownerFullControl))
	return nil
}

// AllowConfig lets the AWS Config delivery channels of every account of
// src.OrganizationID write configuration history and snapshots under
// src.KeyPrefix/AWSLogs/<account>/Config/, and lets Config use the bucket's key through
// S3 for it. Every statement is conditioned on aws:SourceOrgID.
//
// AWS Config's documentation states that it does not support delivery to a bucket with
// Object Lock enabled: check delivery after deploying, and deliver Config to a bucket
// without Object Lock if it fails.
func (b *ImmutableBucket) AllowConfig(src ConfigSource) error {
	s, err := prepare(b, "AllowConfig", src)
	if err != nil {
		return err
	}
	org := map[string]interface{}{"aws:SourceOrgID": s.OrganizationID}
	b.allowService("ConfigAclCheck", "config.amazonaws.com", []string{"s3:GetBucketAcl", "s3:ListBucket"}, []string{b.arn("")}, org)
	b.allowService("ConfigWrite", "config.amazonaws.com", []string{"s3:PutObject"},
		[]string{b.arn(joinKey(s.KeyPrefix, "AWSLogs", "*", "Config", "*"))}, merge(org, ownerFullControl))
	key := b.throughThisBucket()
	key["StringEquals"] = merge(key["StringEquals"].(map[string]interface{}), org)
	b.allowKey("ConfigEncrypt", awsiam.NewServicePrincipal(jsii.String("config.amazonaws.com"), nil), key)
	return nil
}

// AllowGuardDuty lets the GuardDuty detectors of src.AdminAccount, in any region,
// export findings under src.KeyPrefix, encrypted with the bucket's key (the publishing
// destination's kmsKeyArn must be Key's ARN). Every statement is conditioned on the
// administrator account and its detectors' ARNs.
func (b *ImmutableBucket) AllowGuardDuty(src GuardDutySource) error {
	s, err := prepare(b, "AllowGuardDuty", src)
	if err != nil {
		return err
	}
	detectors := map[string]interface{}{
		"StringEquals": map[string]interface{}{"aws:SourceAccount": s.AdminAccount},
		"ArnLike":      map[string]interface{}{"aws:SourceArn": "arn:" + b.partition + ":guardduty:*:" + s.AdminAccount + ":detector/*"},
	}
	principal := awsiam.NewServicePrincipal(jsii.String("guardduty.amazonaws.com"), nil)
	b.allow("GuardDutyBucketLocation", principal, []string{"s3:GetBucketLocation"}, []string{b.arn("")}, detectors)
	b.allow("GuardDutyWrite", principal, []string{"s3:PutObject"}, []string{b.arn(joinKey(s.KeyPrefix, "*"))}, detectors)
	b.allowKey("GuardDutyEncrypt", principal, detectors)
	return nil
}

// AllowFirehose lets the delivery stream's role src.Role write under src.KeyPrefix
// (the actions Firehose's S3 destination needs) and use the bucket's key through S3
// for this bucket only.
func (b *ImmutableBucket) AllowFirehose(src FirehoseSource) error {
	s, err := prepare(b, "AllowFirehose", src)
	if err != nil {
		return err
	}
	principal := awsiam.NewArnPrincipal(s.Role.RoleArn())
	b.allow("FirehoseWrite", principal,
		[]string{"s3:AbortMultipartUpload", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"},
		[]string{b.arn(""), b.arn(joinKey(s.KeyPrefix, "*"))}, nil)
	b.allowKey("FirehoseEncrypt", principal, b.throughThisBucket())
	return nil
}

// source is a producer's description, which validates itself and resolves its
// defaults.
type source[S any] interface {
	validate() (S, error)
}

// prepare validates src and records that method admits its producer, or reports why it
// cannot.
func prepare[S source[S]](b *ImmutableBucket, method string, src S) (S, error) {
	s, err := src.validate()
	if err == nil {
		err = b.admit(method)
	}
	return s, err
}

// admit records that method admitted its producer, or reports why it cannot.
func (b *ImmutableBucket) admit(method string) error {
	switch {
	case b.Adopted:
		return fmt.Errorf("logbucket: %s on %s: %w", method, b.BucketName, ErrAdopted)
	case b.allowed[method]:
		return fmt.Errorf("logbucket: %s was already called for %s; its statements admit one producer", method, b.BucketName)
	}
	b.allowed[method] = true
	return nil
}

// allowService adds a bucket-policy statement for an AWS service conditioned by
// StringEquals on equals.
func (b *ImmutableBucket) allowService(sid, service string, actions, resources []string, equals map[string]interface{}) {
	b.allow(sid, awsiam.NewServicePrincipal(jsii.String(service), nil), actions, resources, map[string]interface{}{"StringEquals": equals})
}

func (b *ImmutableBucket) allow(sid string, principal awsiam.IPrincipal, actions, resources []string, conditions map[string]interface{}) {
	props := &awsiam.PolicyStatementProps{
		Sid:        jsii.String(sid),
		Principals: &[]awsiam.IPrincipal{principal},
		Actions:    jsii.Strings(actions...),
		Resources:  jsii.Strings(resources...),
	}
	if conditions != nil {
		props.Conditions = &conditions
	}
	b.Bucket.AddToResourcePolicy(awsiam.NewPolicyStatement(props))
}

// allowKey lets principal encrypt and decrypt with the bucket's key under conditions.
// A key whose policy the CDK cannot change (imported) is left as it is; the Key field
// documents that its policy must admit the producers itself.
func (b *ImmutableBucket) allowKey(sid string, principal awsiam.IPrincipal, conditions map[string]interface{}) {
	if b.Key == nil {
		return
	}
	b.Key.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Sid:        jsii.String(sid),
		Principals: &[]awsiam.IPrincipal{principal},
		Actions:    jsii.Strings("kms:GenerateDataKey", "kms:Decrypt"),
		Resources:  jsii.Strings("*"),
		Conditions: &conditions,
	}), jsii.Bool(true))
}

// throughThisBucket limits key use to S3 requests for this bucket: with S3 Bucket Keys
// the encryption context is the bucket's ARN, without them the object's.
func (b *ImmutableBucket) throughThisBucket() map[string]interface{} {
	return map[string]interface{}{
		"StringEquals": map[string]interface{}{"kms:ViaService": "s3." + b.region + ".amazonaws.com"},
		"StringLike":   map[string]interface{}{"kms:EncryptionContext:aws:s3:arn": []string{b.arn(""), b.arn("*")}},
	}
}

// merge returns the union of maps; later ones win.
func merge(maps ...map[string]interface{}) map[string]interface{} {
	out := map[string]interface{}{}
	for _, m := range maps {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// arnAccount is the account field of a validated ARN.
func arnAccount(arn string) string { return strings.SplitN(arn, ":", 6)[4] }
