package egressproxy

import (
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
	if err != nil && strings.Contains(err.Error(), `".com"`) {
		t.Errorf("a leading-dot top-level domain is a valid (if wide) entry: %v", err)
	}
}

func TestSquidConfigDeniesByDefault(t *testing.T) {
	conf := render(squidConf, squidData{
		Settings:    Settings{AllowedDomains: []string{".amazonaws.com", "github.com"}}.withDefaults(),
		ClientCidrs: []string{"10.0.16.0/20", "10.0.32.0/20"},
	})
	// Order matters in Squid: the first matching http_access line decides.
	for _, want := range []string{
		"http_port 3128\n",
		"acl clients src 10.0.16.0/20\nacl clients src 10.0.32.0/20\n",
		"acl allowed dstdomain .amazonaws.com\nacl allowed dstdomain github.com\n",
		"http_access deny !Safe_ports\nhttp_access deny CONNECT !SSL_ports\nhttp_access deny !clients\nhttp_access allow allowed\nhttp_access deny all\n",
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
