package egressproxy

import (
	"fmt"
	"strings"
	"testing"
)

func TestCovers(t *testing.T) {
	for _, tc := range []struct {
		wider, narrower string
		want            bool
	}{
		{".example.com", "example.com", true},
		{".example.com", "api.example.com", true},
		{".example.com", ".api.example.com", true},
		{".example.com", "badexample.com", false},
		{"example.com", "api.example.com", false},
		{".example.com", ".example.org", false},
	} {
		if got := covers(tc.wider, tc.narrower); got != tc.want {
			t.Errorf("covers(%q, %q) = %v, want %v", tc.wider, tc.narrower, got, tc.want)
		}
	}
}

func TestSettingsValidate(t *testing.T) {
	if err := (Settings{}).Validate(); err != nil {
		t.Errorf("the zero Settings: %v", err)
	}
	err := Settings{AllowedDomains: []string{".com", "a..b", "x"}, Port: 65536, InstanceType: "t4g small", LogRetentionDays: 14}.Validate()
	for _, want := range []string{
		`egressproxy: AllowedDomains[1] "a..b": not a domain name`,
		`egressproxy: AllowedDomains[2] "x": a single label would allow a whole top-level domain only with a leading dot`,
		`egressproxy: Port 65536: not a port number`,
		`egressproxy: InstanceType "t4g small": not an EC2 instance type`,
		"egressproxy: LogRetentionDays 14: below the 365-day minimum; set `AllowShortLogRetention`",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// Entries that would open the allow-list to anyone's hosts are refused, each named.
func TestAllowListRefusesWhatAdmitsAnyone(t *testing.T) {
	err := Settings{AllowedDomains: []string{
		"*", ".com", "co.uk", ".co.uk", "10.1.2.3", "10.0.0.0/8", "https://example.com/path", strings.Repeat("a", 64) + ".example.com",
		strings.Repeat("abcdefghi.", 26) + "com", ".amazonaws.com", "s3.amazonaws.com", ".aws", ".on.aws", ".cloudfront.net", "pypi.org", ".github.com",
		"pypi.org",
	}}.Validate()
	for _, want := range []string{
		`AllowedDomains[0] "*": not a domain name`,
		`AllowedDomains[1] ".com": a public suffix: it would admit every name under it`,
		`AllowedDomains[2] "co.uk": a public suffix`,
		`AllowedDomains[3] ".co.uk": a public suffix`,
		`AllowedDomains[4] "10.1.2.3": an IP address; the proxy admits names only`,
		`AllowedDomains[5] "10.0.0.0/8": not a domain name`,
		`AllowedDomains[6] "https://example.com/path": not a domain name`,
		`AllowedDomains[7] "` + strings.Repeat("a", 64) + `.example.com": not a domain name`,
		`(263 characters): not a domain name`,
		`AllowedDomains[9] ".amazonaws.com": admits every subdomain of amazonaws.com, where any AWS account has names`,
		`AllowedDomains[10] "s3.amazonaws.com": a domain under which anyone can register names (the Public Suffix List's private section)`,
		`AllowedDomains[11] ".aws": a public suffix`,
		`AllowedDomains[12] ".on.aws": `,
		`AllowedDomains[13] ".cloudfront.net": `,
		`AllowedDomains[16] "pypi.org": duplicate of AllowedDomains[14]`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if err != nil && strings.Contains(err.Error(), `".github.com": `) {
		t.Errorf("an ordinary wildcard entry refused: %v", err)
	}
	many := make([]string, MaxAllowedDomains+1)
	for i := range many {
		many[i] = fmt.Sprintf("host%d.example.com", i)
	}
	if err := (Settings{AllowedDomains: many}).Validate(); err == nil || !strings.Contains(err.Error(), "AllowedDomains 5001: 5001 entries; the proxy takes at most 5000") {
		t.Errorf("5,001 entries: %v", err)
	}
}

func TestSquidConfigDeniesByDefault(t *testing.T) {
	conf := render(squidConf, squidData{
		Settings:    Settings{AllowedDomains: []string{".github.com"}}.withDefaults(),
		ClientCidrs: []string{"10.0.16.0/20", "10.0.32.0/20"}, AllowListFile: allowListFile, LogDir: logDir,
	})
	// Order matters in Squid: the first matching http_access line decides.
	for _, want := range []string{
		"http_port 3128\n",
		"acl clients src 10.0.16.0/20\nacl clients src 10.0.32.0/20\n",
		`acl allowed dstdomain -n "/etc/squid/allowed-domains.txt"` + "\n",
		"acl ip_literal dstdom_regex -n ",
		"http_access deny !Safe_ports\nhttp_access deny CONNECT !SSL_ports\nhttp_access deny !clients\nhttp_access deny ip_literal\nhttp_access allow allowed\nhttp_access deny all\n",
		"access_log stdio:/var/log/squid/access.log landingzone\n",
	} {
		if !strings.Contains(conf, want) {
			t.Errorf("squid.conf lacks %q:\n%s", want, conf)
		}
	}
	if strings.Count(conf, "http_access allow") != 1 {
		t.Errorf("squid.conf has more than the one allow rule:\n%s", conf)
	}
}

func TestBootstrapScriptEmbedsSquidConfig(t *testing.T) {
	script := render(bootstrapScript, bootstrap{Region: "eu-west-1", AllocationID: "eipalloc-1", LogGroup: "proxy-logs", Port: 3128, SquidConf: "http_port 3128\n"})
	for _, want := range []string{
		"set -euo pipefail\n",
		"--region eu-west-1 --allocation-id eipalloc-1",
		"<<'SQUID_CONF'\nhttp_port 3128\nSQUID_CONF\n",
		`"log_group_name": "proxy-logs"`,
		`sport = :3128`,
	} {
		if !strings.Contains(script, want) {
			t.Errorf("bootstrap script lacks %q:\n%s", want, script)
		}
	}
}
