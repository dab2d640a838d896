package scpsim

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/go-landingzone/landingzone/constructs/organization"
)

type vs = organization.Values

func deny(s organization.Statement) Policy {
	s.Effect = "Deny"
	if s.Resource == nil && s.NotResource == nil {
		s.Resource = vs{"*"}
	}
	return Policy{Name: "p", Document: organization.Document{Version: "2012-10-17", Statement: []organization.Statement{s}}}
}

func levels(p ...Policy) []Level {
	return []Level{{Name: "root", Policies: append([]Policy{FullAWSAccess()}, p...)}, {Name: "account", Policies: []Policy{FullAWSAccess()}}}
}

const admin = "arn:aws:iam::111122223333:role/Admin"

// Each case is a policy, a request and IAM's verdict on it, from the rules of the IAM
// User Guide that the package doc cites.
func TestEvaluate(t *testing.T) {
	when := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name   string
		levels []Level
		req    Request
		want   bool
	}{
		{"FullAWSAccess everywhere allows", levels(), Request{Action: "s3:GetObject"}, true},
		{"no policy at a level allows nothing", []Level{{Name: "root", Policies: []Policy{FullAWSAccess()}}, {Name: "OU"}}, Request{Action: "s3:GetObject"}, false},
		{"an allow of one service leaves others denied", []Level{{Policies: []Policy{{Document: organization.Document{Statement: []organization.Statement{{Effect: "Allow", Action: vs{"s3:*"}, Resource: vs{"*"}}}}}}}}, Request{Action: "ec2:RunInstances"}, false},
		{"action wildcard, case-insensitive", levels(deny(organization.Statement{Action: vs{"cloudtrail:Stop*"}})), Request{Action: "CloudTrail:StopLogging"}, false},
		{"action ? matches one character", levels(deny(organization.Statement{Action: vs{"s3:Get?bject"}})), Request{Action: "s3:GetObject"}, false},
		{"other action passes", levels(deny(organization.Statement{Action: vs{"cloudtrail:StopLogging"}})), Request{Action: "cloudtrail:LookupEvents"}, true},
		{"NotAction denies the rest", levels(deny(organization.Statement{NotAction: vs{"iam:*"}})), Request{Action: "ec2:RunInstances"}, false},
		{"NotAction spares its actions", levels(deny(organization.Statement{NotAction: vs{"iam:*"}})), Request{Action: "iam:CreateRole"}, true},
		{"resource wildcard", levels(deny(organization.Statement{Action: vs{"s3:DeleteBucket"}, Resource: vs{"arn:aws:s3:::lz-logs-*"}})), Request{Action: "s3:DeleteBucket", Resource: "arn:aws:s3:::lz-logs-1-eu-west-1"}, false},
		{"resource is case-sensitive", levels(deny(organization.Statement{Action: vs{"s3:DeleteBucket"}, Resource: vs{"arn:aws:s3:::lz-logs-*"}})), Request{Action: "s3:DeleteBucket", Resource: "arn:aws:s3:::LZ-logs-1"}, true},
		{"NotResource spares its resources", levels(deny(organization.Statement{Action: vs{"s3:*"}, NotResource: vs{"arn:aws:s3:::open-*"}})), Request{Action: "s3:PutObject", Resource: "arn:aws:s3:::open-data/x"}, true},
		{"NotResource denies the rest", levels(deny(organization.Statement{Action: vs{"s3:*"}, NotResource: vs{"arn:aws:s3:::open-*"}})), Request{Action: "s3:PutObject", Resource: "arn:aws:s3:::closed/x"}, false},
		{"ArnNotLike exempts a matching principal", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"ArnNotLike": {"aws:PrincipalArn": vs{"arn:aws:iam::*:role/Admin"}}}})), Request{Action: "s3:GetObject", Principal: admin}, true},
		{"ArnNotLike denies another principal", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"ArnNotLike": {"aws:PrincipalArn": vs{"arn:aws:iam::*:role/Admin"}}}})), Request{Action: "s3:GetObject", Principal: "arn:aws:iam::111122223333:role/Dev"}, false},
		{"ArnNotLike on a missing key is true", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"ArnNotLike": {"aws:PrincipalArn": vs{"arn:aws:iam::*:role/Admin"}}}})), Request{Action: "s3:GetObject"}, false},
		{"ArnLike matches part by part: * stays within the account part", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"ArnLike": {"aws:PrincipalArn": vs{"arn:aws:iam::*:root"}}}})), Request{Action: "s3:GetObject", Principal: "arn:aws:iam::111122223333:role/root"}, true},
		{"ArnLike matches the root user", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"ArnLike": {"aws:PrincipalArn": vs{"arn:aws:iam::*:root"}}}})), Request{Action: "s3:GetObject", Principal: "arn:aws:iam::111122223333:root"}, false},
		{"StringLike on a missing key is false", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"StringLike": {"aws:RequestedRegion": vs{"eu-*"}}}})), Request{Action: "s3:GetObject"}, true},
		{"StringNotEquals over several values", levels(deny(organization.Statement{Action: vs{"ec2:*"}, Condition: organization.Conditions{"StringNotEquals": {"aws:RequestedRegion": vs{"eu-west-1", "eu-central-1"}}}})), Request{Action: "ec2:RunInstances", Region: "eu-central-1"}, true},
		{"StringNotEquals outside the values", levels(deny(organization.Statement{Action: vs{"ec2:*"}, Condition: organization.Conditions{"StringNotEquals": {"aws:RequestedRegion": vs{"eu-west-1", "eu-central-1"}}}})), Request{Action: "ec2:RunInstances", Region: "us-east-1"}, false},
		{"StringEqualsIgnoreCase", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"StringEqualsIgnoreCase": {"aws:RequestedRegion": vs{"US-EAST-1"}}}})), Request{Action: "s3:GetObject", Region: "us-east-1"}, false},
		{"IfExists holds on a missing key", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"StringEqualsIfExists": {"ec2:MetadataHttpTokens": vs{"optional"}}}})), Request{Action: "ec2:RunInstances"}, false},
		{"IfExists checks a present key", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"StringEqualsIfExists": {"ec2:MetadataHttpTokens": vs{"optional"}}}})), Request{Action: "ec2:RunInstances", Context: map[string][]string{"EC2:MetadataHttpTokens": {"required"}}}, true},
		{"Null true on a missing key", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"Null": {"aws:RequestTag/owner": vs{"true"}}}})), Request{Action: "ec2:CreateVolume"}, false},
		{"Null true on a present key", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"Null": {"aws:RequestTag/owner": vs{"true"}}}})), Request{Action: "ec2:CreateVolume", Context: map[string][]string{"aws:RequestTag/owner": {"me"}}}, true},
		{"Bool", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"Bool": {"aws:SecureTransport": vs{"false"}}}})), Request{Action: "s3:GetObject", Context: map[string][]string{"aws:SecureTransport": {"false"}}}, false},
		{"DateGreaterThan after", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"DateGreaterThan": {"aws:CurrentTime": vs{"2026-12-01T00:00:00Z"}}}})), Request{Action: "s3:GetObject", Time: when}, false},
		{"DateGreaterThan before", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"DateGreaterThan": {"aws:CurrentTime": vs{"2027-01-01T00:00:00Z"}}}})), Request{Action: "s3:GetObject", Time: when}, true},
		{"NumericLessThan", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"NumericLessThan": {"s3:max-keys": vs{"10"}}}})), Request{Action: "s3:ListBucket", Context: map[string][]string{"s3:max-keys": {"5"}}}, false},
		{"ForAnyValue on a missing key is false", levels(deny(organization.Statement{Action: vs{"kms:*"}, Condition: organization.Conditions{"ForAnyValue:StringEquals": {"kms:ResourceAliases": vs{"alias/lz"}}}})), Request{Action: "kms:ScheduleKeyDeletion"}, true},
		{"ForAnyValue with one value matching", levels(deny(organization.Statement{Action: vs{"kms:*"}, Condition: organization.Conditions{"ForAnyValue:StringEquals": {"kms:ResourceAliases": vs{"alias/lz"}}}})), Request{Action: "kms:ScheduleKeyDeletion", Context: map[string][]string{"kms:ResourceAliases": {"alias/other", "alias/lz"}}}, false},
		{"ForAllValues on a missing key is true", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"ForAllValues:StringEquals": {"aws:TagKeys": vs{"owner"}}}})), Request{Action: "ec2:CreateTags"}, false},
		{"ForAllValues with one value outside", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"ForAllValues:StringEquals": {"aws:TagKeys": vs{"owner"}}}})), Request{Action: "ec2:CreateTags", Context: map[string][]string{"aws:TagKeys": {"owner", "cost"}}}, true},
		{"operators of a condition are joined by AND", levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"StringNotEquals": {"aws:RequestedRegion": vs{"eu-west-1"}}, "ArnNotLike": {"aws:PrincipalArn": vs{admin}}}})), Request{Action: "ec2:RunInstances", Region: "us-east-1", Principal: admin}, true},
		{"a deny at any level wins", []Level{{Policies: []Policy{FullAWSAccess()}}, {Policies: []Policy{FullAWSAccess(), deny(organization.Statement{Action: vs{"s3:*"}})}}}, Request{Action: "s3:GetObject"}, false},
		{"a pattern request overlapping a denied action", levels(deny(organization.Statement{Action: vs{"s3:PutBucketPolicy"}})), Request{Action: "s3:PutBucket*"}, false},
		{"a pattern request apart from a denied action", levels(deny(organization.Statement{Action: vs{"s3:PutBucketPolicy"}})), Request{Action: "s3:Get*"}, true},
		{"a pattern request inside NotAction", levels(deny(organization.Statement{NotAction: vs{"iam:*"}})), Request{Action: "iam:Create*"}, true},
		{"a pattern request reaching past NotAction", levels(deny(organization.Statement{NotAction: vs{"iam:Get*"}})), Request{Action: "iam:*"}, false},
		{"a pattern resource overlapping a denied one", levels(deny(organization.Statement{Action: vs{"s3:*"}, Resource: vs{"arn:aws:s3:::lz-logs-*"}})), Request{Action: "s3:PutObject", Resource: "arn:aws:s3:::*"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Evaluate(c.levels, c.req)
			if err != nil {
				t.Fatal(err)
			}
			if d.Allowed != c.want {
				t.Errorf("%+v: %s, want allowed=%v", c.req, d, c.want)
			}
		})
	}
}

// A policy Evaluate cannot model faithfully is an error, never a verdict.
func TestEvaluateRefusesWhatItDoesNotKnow(t *testing.T) {
	for name, s := range map[string]organization.Statement{
		"IpAddress":                {Action: vs{"*"}, Condition: organization.Conditions{"NotIpAddress": {"aws:SourceIp": vs{"10.0.0.0/8"}}}},
		"set qualifier":            {Action: vs{"*"}, Condition: organization.Conditions{"ForEachValue:StringEquals": {"aws:TagKeys": vs{"a"}}}},
		"Action and NotAction":     {Action: vs{"*"}, NotAction: vs{"iam:*"}},
		"Resource and NotResource": {Action: vs{"*"}, NotResource: vs{"a"}, Resource: vs{"b"}},
		"bad date":                 {Action: vs{"*"}, Condition: organization.Conditions{"DateLessThan": {"aws:CurrentTime": vs{"soon"}}}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Evaluate(levels(deny(s)), Request{Action: "s3:GetObject", Time: time.Now()})
			if err == nil {
				t.Fatal("no error")
			}
			t.Log(err)
		})
	}
	_, err := Evaluate(levels(deny(organization.Statement{Action: vs{"*"}, Condition: organization.Conditions{"IpAddress": {"aws:SourceIp": vs{"1.2.3.4"}}}})), Request{Action: "s3:GetObject"})
	if !errors.Is(err, ErrUnsupported) {
		t.Errorf("error %v does not wrap ErrUnsupported", err)
	}
	if _, err := Evaluate([]Level{{Policies: []Policy{{Name: "x", Document: organization.Document{Statement: []organization.Statement{{Effect: "Maybe", Action: vs{"*"}, Resource: vs{"*"}}}}}}}}, Request{Action: "s3:GetObject"}); err == nil {
		t.Error("an effect of Maybe is not an error")
	}
}

func TestGlobs(t *testing.T) {
	for _, c := range []struct {
		p, q            string
		overlap, pCover bool
	}{
		{"s3:*", "s3:GetObject", true, true},
		{"s3:*", "s3:Get*", true, true},
		{"s3:Get*", "s3:*", true, false},
		{"s3:Get*", "s3:*Object", true, false},
		{"s3:Get*", "s3:Put*", false, false},
		{"a?c", "abc", true, true},
		{"a?c", "a*", true, false},
		{"*", "", true, true},
		{"ab", "a", false, false},
		{"*b*", "a*", true, false},
	} {
		if got := overlaps(c.p, c.q); got != c.overlap {
			t.Errorf("overlaps(%q, %q) = %v", c.p, c.q, got)
		}
		if got := overlaps(c.q, c.p); got != c.overlap {
			t.Errorf("overlaps(%q, %q) = %v", c.q, c.p, got)
		}
		if got := covers(c.p, c.q); got != c.pCover {
			t.Errorf("covers(%q, %q) = %v", c.p, c.q, got)
		}
	}
}

// A policy as AWS stores it, with single values as strings, reads into a Document.
func TestEvaluateAPolicyReadFromJSON(t *testing.T) {
	var doc organization.Document
	err := json.Unmarshal([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*",
		"Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}}}]}`), &doc)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Statement[0].Resource; len(got) != 1 || got[0] != "*" {
		t.Fatalf("Resource read as %q", got)
	}
	l := levels(Policy{Name: "region", Document: doc})
	for action, want := range map[string]bool{"ec2:RunInstances": false, "iam:CreateRole": true} {
		d, err := Evaluate(l, Request{Action: action, Region: "us-east-1"})
		if err != nil || d.Allowed != want {
			t.Errorf("%s: %s, %v; want allowed=%v", action, d, err, want)
		}
	}
}
