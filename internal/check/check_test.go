package check_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/internal/check"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// TestMain goes through lztest so that `go test ./... -update` is understood here too.
func TestMain(m *testing.M) { lztest.Main(m) }

func TestListReportsEveryProblemInOrder(t *testing.T) {
	var l check.List
	if l.Err("pkg") != nil {
		t.Fatal("an empty list is an error")
	}
	l.Addf("Props.Name", "", "required")
	l.Addf("Props.Count", -1, "must be at least %d", 1)
	l.Addf("Props.Tags", []string{"a", ""}, "no empty tags")
	l.Addf("Props.Vpc", nil, "required")
	err := l.Err("pkg")
	want := "pkg: Props.Name \"\": required\npkg: Props.Count -1: must be at least 1\npkg: Props.Tags [\"a\" \"\"]: no empty tags\npkg: Props.Vpc: required"
	if err.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", err, want)
	}
	if !errors.Is(err, check.ErrInvalidProps) {
		t.Error("errors.Is(err, ErrInvalidProps) = false")
	}
	var p check.Problem
	if !errors.As(err, &p) || p.Field != "Props.Name" {
		t.Errorf("errors.As found %+v, want the first problem", p)
	}
}

func TestMergePrefixesFields(t *testing.T) {
	var inner check.List
	inner.Addf("Port", 0, "bad")
	var outer check.List
	outer.Merge("Props.Proxy.", inner.Err("inner"))
	outer.Merge("Props.Other.", nil)
	outer.Merge("Props.Plain.", errors.New("plain error"))
	got := outer.Err("outer").Error()
	if got != "outer: Props.Proxy.Port 0: bad\nouter: Props.Plain: plain error" {
		t.Errorf("merged:\n%s", got)
	}
}

func TestIPv4CIDR(t *testing.T) {
	for value, want := range map[string]string{
		"10.0.0.0/16":  "",
		"10.0.0.0/33":  "not a valid IPv4 CIDR",
		"10.0.0.1/16":  "host bits are set; the network is 10.0.0.0/16",
		"fd00::/8":     "not a valid IPv4 CIDR",
		"10.0.0.0":     "not a valid IPv4 CIDR",
		"":             "not a valid IPv4 CIDR",
		"0.0.0.0/0":    "",
		" 10.0.0.0/16": "not a valid IPv4 CIDR",
	} {
		var l check.List
		_, ok := check.IPv4CIDR(&l, "F", value)
		err := l.Err("p")
		switch {
		case want == "" && (err != nil || !ok):
			t.Errorf("%q: %v", value, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want) || ok):
			t.Errorf("%q: err %v, want %q", value, err, want)
		}
	}
}

func TestDomainPattern(t *testing.T) {
	for value, valid := range map[string]bool{
		".amazonaws.com": true, "github.com": true, "a-b.example.co.uk": true, ".com": true,
		"": false, ".": false, "com": false, "-a.com": false, "a_b.com": false, "a..com": false,
		"https://x.com": false, "x.com/path": false, "UPPER.com": false, "*.example.com": false,
		strings.Repeat("a", 64) + ".com": false,
	} {
		var l check.List
		check.DomainPattern(&l, "F", value)
		if got := l.Len() == 0; got != valid {
			t.Errorf("DomainPattern(%q) valid = %v, want %v: %v", value, got, valid, l.Err("p"))
		}
	}
}

func TestLogRetention(t *testing.T) {
	for _, tc := range []struct {
		days       int
		allowShort bool
		want       string
	}{
		{365, false, ""}, {3653, false, ""}, {30, true, ""},
		{30, false, "below the 365-day minimum; set `AllowShort` to accept"},
		{366, false, "not a CloudWatch Logs retention"},
		{0, true, "not a CloudWatch Logs retention"},
	} {
		var l check.List
		check.LogRetention(&l, "F", tc.days, tc.allowShort, "AllowShort")
		err := l.Err("p")
		if (err == nil) != (tc.want == "") || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("LogRetention(%d, %v) = %v, want %q", tc.days, tc.allowShort, err, tc.want)
		}
	}
}

func TestPortAndDuplicates(t *testing.T) {
	var l check.List
	check.Port(&l, "P", 0)
	check.Port(&l, "P", 65535)
	check.Duplicates(&l, "D[%d]", []string{"a", "b", "a", "a"})
	got := l.Err("p").Error()
	want := "p: P 0: not a port number; allowed 1-65535\np: D[2] \"a\": duplicate of D[0]\np: D[3] \"a\": duplicate of D[0]"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestJSONName(t *testing.T) {
	for in, want := range map[string]string{
		"Cidr": "cidr", "AZCount": "azCount", "Proxy.AllowedDomains[1]": "proxy.allowedDomains[1]",
		"TransitGatewayID": "transitGatewayId", "ID": "id", "InterfaceEndpoints[0]": "interfaceEndpoints[0]",
		"Assignments[2].GroupID": "assignments[2].groupId", "SubnetIDs[1]": "subnetIds[1]", "IDPool": "idPool",
	} {
		if got := check.JSONName(in); got != want {
			t.Errorf("JSONName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMergeAsRenamesForConfigFiles(t *testing.T) {
	var inner check.List
	inner.Addf("VpcProps.Proxy.AllowedDomains[1]", "", "not a domain name")
	inner.Addf("VpcProps.FlowLogRetentionDays", 30, "below the 365-day minimum; set `AllowShortFlowLogRetention` to accept shorter retention")
	var outer check.List
	outer.MergeAs("workloads[2].vpc.", "VpcProps.", inner.Err("network"))
	got := outer.Err("landingzone").Error()
	want := "landingzone: workloads[2].vpc.proxy.allowedDomains[1] \"\": not a domain name\n" +
		"landingzone: workloads[2].vpc.flowLogRetentionDays 30: below the 365-day minimum; set `allowShortFlowLogRetention` to accept shorter retention"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// MergeFunc renames each problem by a function of its field, leaves out those it
// rejects, and records an error without problems whole.
func TestMergeFuncRenamesOrDrops(t *testing.T) {
	var inner check.List
	inner.Addf("Props.Workloads[1].Name", "prod1", "reserved; see `Props.Waves`")
	inner.Addf("Props.Internal", nil, "dropped")
	var outer check.List
	outer.MergeFunc("props", inner.Err("p"), func(field string) (string, bool) {
		if field == "Props.Internal" {
			return "", false
		}
		return strings.Replace(field, "Props.Workloads[1]", "workloads[4]", 1), true
	})
	outer.MergeFunc("props", errors.New("no problems list"), nil)
	got := outer.Err("landingzone").Error()
	want := "landingzone: workloads[4].Name \"prod1\": reserved; see `props.waves`\n" +
		"landingzone: props: no problems list"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestAWSIdentifiers(t *testing.T) {
	type validator func(l *check.List, field, value string)
	for _, tc := range []struct {
		name string
		fn   validator
		good []string
		bad  []string
	}{
		{"AccountID", check.AccountID, []string{"123456789012"}, []string{"", "12345678901", "1234567890123", "12345678901a"}},
		{"OrganizationID", check.OrganizationID, []string{"o-a1b2c3d4e5", "o-" + strings.Repeat("a", 32)}, []string{"o-abc", "O-a1b2c3d4e5", "o-" + strings.Repeat("a", 33), "r-a1b2"}},
		{"OrganizationalUnitID", check.OrganizationalUnitID, []string{"ou-ab12-cd34ef56"}, []string{"ou-ab12", "o-a1b2c3d4e5", "ou-AB12-cd34ef56"}},
		{"Region", check.Region, []string{"eu-west-1", "us-gov-west-1", "ap-southeast-4"}, []string{"", "eu-west", "EU-WEST-1", "euwest1"}},
		{"Email", check.Email, []string{"a@example.com", "aws+prod-payments@example.co.uk"}, []string{"", "a@b", "Sec <a@example.com>", "a example.com", "a@@example.com"}},
		{"BucketName", check.BucketName, []string{"lz-logs-123456789012-eu-west-1", "a.b-c"}, []string{"ab", "Logs", "a..b", "-ab", "192.168.1.1", "xn--ab", "logs-s3alias", strings.Repeat("a", 64)}},
		{"KeyPrefix", check.KeyPrefix, []string{"", "cloudtrail", "a/b/"}, []string{"/cloudtrail"}},
	} {
		for _, v := range tc.good {
			var l check.List
			tc.fn(&l, "F", v)
			if l.Len() != 0 {
				t.Errorf("%s(%q): %v", tc.name, v, l.Err("p"))
			}
		}
		for _, v := range tc.bad {
			var l check.List
			tc.fn(&l, "F", v)
			if l.Len() == 0 {
				t.Errorf("%s(%q) accepted a bad value", tc.name, v)
			}
		}
	}
}

func TestParseARN(t *testing.T) {
	var l check.List
	a, ok := check.ParseARN(&l, "F", "arn:aws:iam::123456789012:role/Admin", "iam", "role/")
	if !ok || a.Account != "123456789012" || a.Resource != "role/Admin" {
		t.Errorf("ParseARN = %+v, %v: %v", a, ok, l.Err("p"))
	}
	for _, bad := range []struct{ v, service, prefix, want string }{
		{"role/Admin", "iam", "role/", "not an ARN"},
		{"arn:aws:s3:::bucket", "iam", "", "an ARN of service s3, want iam"},
		{"arn:aws:iam::123456789012:user/x", "iam", "role/", `must start with "role/"`},
	} {
		var l check.List
		if _, ok := check.ParseARN(&l, "F", bad.v, bad.service, bad.prefix); ok || !strings.Contains(l.Err("p").Error(), bad.want) {
			t.Errorf("ParseARN(%q): %v, want %q", bad.v, l.Err("p"), bad.want)
		}
	}
}

func TestOneOfAndRange(t *testing.T) {
	var l check.List
	check.OneOf(&l, "Mode", "x", []string{"a", "b"})
	check.OneOf(&l, "Mode", "a", []string{"a", "b"})
	check.Range(&l, "Days", 0, 1, 36500)
	check.Range(&l, "Days", 365, 1, 36500)
	want := "p: Mode \"x\": want one of [\"a\" \"b\"]\np: Days 0: out of range; allowed 1-36500"
	if got := l.Err("p").Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A long value is cut in messages, with its length, so that a mistake such as a file
// pasted into a field does not flood the output.
func TestFormatValueCutsLongValues(t *testing.T) {
	long := strings.Repeat("é", 20_000)
	got := check.FormatValue(long)
	if !strings.HasPrefix(got, `"éééé`) || !strings.HasSuffix(got, `"… (20000 characters)`) || len(got) > 450 {
		t.Errorf("FormatValue of 20,000 characters: %d bytes: %.60s…", len(got), got)
	}
	if got := check.FormatValue(strings.Repeat("\xfd", 300)); len(got) > 450 || !strings.HasSuffix(got, "… (300 characters)") {
		t.Errorf("FormatValue of 300 invalid bytes: %d bytes: %.60s…", len(got), got)
	}
	if got := check.FormatValue(strings.Repeat("a", 200)); got != `"`+strings.Repeat("a", 200)+`"` {
		t.Errorf("200 characters cut: %s", got)
	}
}
