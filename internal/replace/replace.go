// Package replace finds the updates that would make CloudFormation replace a stateful
// resource: a bucket, a key, a log group, the trail, the Transit Gateway and its
// attachments, a permission set, an account or an OU, a VPC or a subnet... Replacing
// one loses its data or its identity (a new bucket is empty, a new key cannot decrypt
// the old objects, a new attachment drops the spoke's traffic), and with the
// landing zone's RETAIN policies it usually fails outright on the name the old one
// still holds.
//
// CloudFormation replaces a resource when its logical ID changes (it creates the new
// one and deletes the old) or when a property it cannot update in place changes. Which
// properties those are comes from the CloudFormation resource specification that the
// CDK itself is generated from, the npm package @aws-cdk/aws-service-spec (its
// "causesReplacement" of each property): replacing.go is written from it by this
// package's test with -update, never by hand.
package replace

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
)

// Finding is one stateful resource that an update would replace.
type Finding struct {
	// Stack names the stack, LogicalID and Type the resource in the template before.
	Stack, LogicalID, Type string
	// Reason says what would replace it.
	Reason string
	// Maybe is true when the property replaces the resource only for some changes
	// (the specification's "maybe"); the finding is then a warning to read.
	Maybe bool
}

func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s (%s) %s", f.Stack, f.LogicalID, f.Type, f.Reason)
	if f.Maybe {
		s += " (may replace it)"
	}
	return s
}

// Stateful reports whether resources of CloudFormation type typ hold state or identity
// that a replacement would lose.
func Stateful(typ string) bool {
	_, ok := replacing[typ]
	return ok
}

// Compare lists every stateful resource of before that after would replace: its
// stack or logical ID gone, its type changed, or a property changed that the resource
// specification says CloudFormation cannot update in place. Templates are keyed by a
// name unique across the assembly (stack name, account and region).
func Compare(before, after map[string]map[string]any) []Finding {
	var out []Finding
	for _, stack := range slices.Sorted(maps.Keys(before)) {
		old := resources(before[stack])
		next, kept := after[stack]
		now := resources(next)
		for _, id := range slices.Sorted(maps.Keys(old)) {
			o := asMap(old[id])
			typ, _ := o["Type"].(string)
			if !Stateful(typ) {
				continue
			}
			f := Finding{Stack: stack, LogicalID: id, Type: typ}
			n, ok := now[id]
			switch {
			case !kept:
				if o["DeletionPolicy"] == "Retain" {
					continue // the stack's deletion leaves it in place
				}
				f.Reason = "is deleted with its stack"
				out = append(out, f)
				continue
			case !ok:
				switch {
				case o["DeletionPolicy"] != "Retain":
					f.Reason = "changes its logical ID or is removed: CloudFormation deletes it"
				case successor(old, now, typ):
					f.Reason = "changes its logical ID: CloudFormation keeps the old one (RETAIN) and creates a new one, which fails on a name the old one holds or splits the state in two"
				default:
					continue // removed and retained: left in place, outside the stack
				}
				out = append(out, f)
				continue
			}
			nm := asMap(n)
			if t, _ := nm["Type"].(string); t != typ {
				f.Reason = "changes type to " + t
				out = append(out, f)
				continue
			}
			op, np := asMap(o["Properties"]), asMap(nm["Properties"])
			for _, p := range replacing[typ] {
				if !reflect.DeepEqual(op[p.name], np[p.name]) {
					g := f
					g.Reason = fmt.Sprintf("changes %s, which CloudFormation cannot update in place", p.name)
					g.Maybe = p.maybe
					out = append(out, g)
				}
			}
		}
	}
	return out
}

// successor reports whether now holds a resource of type typ that old did not: the
// same resource under a new logical ID, as far as a template can tell.
func successor(old, now map[string]any, typ string) bool {
	for id, r := range now {
		if _, existed := old[id]; !existed && asMap(r)["Type"] == typ {
			return true
		}
	}
	return false
}

// property is one property whose change replaces its resource.
type property struct {
	name  string
	maybe bool
}

func resources(tpl map[string]any) map[string]any { return asMap(tpl["Resources"]) }

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// statefulTypes are the resource types replacing.go covers.
func statefulTypes() []string {
	return []string{
		"AWS::CloudTrail::Trail",
		"AWS::Config::ConfigurationRecorder",
		"AWS::Config::DeliveryChannel",
		"AWS::EC2::CustomerGateway",
		"AWS::EC2::Subnet",
		"AWS::EC2::TransitGateway",
		"AWS::EC2::TransitGatewayAttachment",
		"AWS::EC2::TransitGatewayRouteTable",
		"AWS::EC2::TransitGatewayVpcAttachment",
		"AWS::EC2::VPC",
		"AWS::EC2::VPNConnection",
		"AWS::GuardDuty::Detector",
		"AWS::KMS::Alias",
		"AWS::KMS::Key",
		"AWS::KinesisFirehose::DeliveryStream",
		"AWS::Logs::Destination",
		"AWS::Logs::LogGroup",
		"AWS::Organizations::Account",
		"AWS::Organizations::OrganizationalUnit",
		"AWS::Organizations::Policy",
		"AWS::S3::Bucket",
		"AWS::SNS::Topic",
		"AWS::SSO::PermissionSet",
		"AWS::SecurityHub::Hub",
	}
}
