package egressproxy

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/go-landingzone/landingzone/internal/check"
)

// Defaults of Settings.
const (
	// DefaultPort is Squid's customary port.
	DefaultPort = 3128
	// DefaultInstanceType is a burstable Graviton instance: a forward proxy for one VPC
	// rarely needs more, and it costs about USD 12 a month in eu-west-1.
	DefaultInstanceType = "t4g.small"
	// DefaultLogRetentionDays keeps Squid's logs for a year.
	DefaultLogRetentionDays = 365
)

var instanceType = regexp.MustCompile(`^[a-z][a-z0-9-]*\.[a-z0-9]+$`)

// Settings are the proxy's own options, shared by ForwardProxyProps and the proxy
// egress mode of network.VpcProps. The zero value is a proxy on DefaultPort that admits
// nothing, on DefaultInstanceType, logging for a year.
type Settings struct {
	// AllowedDomains lists the destinations the proxy admits, in Squid's dstdomain
	// form: "example.com" admits that name only, ".example.com" admits it and every
	// subdomain. Lower case; no entry may be covered by another; no IP address,
	// public suffix (".com", "co.uk") or wildcard over a domain where anyone can get a
	// name (".amazonaws.com": any account's S3 buckets, API Gateway and Lambda URLs,
	// EC2 hosts). Empty means none: the proxy admits nothing. Reach AWS APIs through
	// interface endpoints, or list their regional names ("ssm.eu-west-1.amazonaws.com").
	// At most MaxAllowedDomains entries.
	AllowedDomains []string
	// Port is the port clients connect to, 1-65535. Zero means DefaultPort.
	Port int
	// InstanceType is the EC2 instance type of the proxies; Graviton types get an
	// arm64 image. Empty means DefaultInstanceType.
	InstanceType string
	// LogRetentionDays is how long Squid's logs are kept, one of the periods
	// CloudWatch Logs offers. Zero means DefaultLogRetentionDays. Below 365 needs
	// AllowShortLogRetention.
	LogRetentionDays int
	// AllowShortLogRetention accepts a LogRetentionDays below one year. False
	// refuses it.
	AllowShortLogRetention bool
}

// IsZero reports whether s is the zero value, that is, all defaults.
func (s Settings) IsZero() bool {
	return len(s.AllowedDomains) == 0 && s.Port == 0 && s.InstanceType == "" && s.LogRetentionDays == 0 && !s.AllowShortLogRetention
}

// withDefaults returns a copy of s with zero fields resolved.
func (s Settings) withDefaults() Settings {
	if s.Port == 0 {
		s.Port = DefaultPort
	}
	if s.InstanceType == "" {
		s.InstanceType = DefaultInstanceType
	}
	if s.LogRetentionDays == 0 {
		s.LogRetentionDays = DefaultLogRetentionDays
	}
	return s
}

// Validate returns every problem in s, with field names relative to s ("Port",
// "AllowedDomains[2]"), or nil.
func (s Settings) Validate() error {
	var l check.List
	s.validate(&l, "")
	return l.Err("egressproxy")
}

func (s Settings) validate(l *check.List, prefix string) {
	d := s.withDefaults()
	switch n, size := len(s.AllowedDomains), allowListBytes(s.AllowedDomains); {
	case n > MaxAllowedDomains:
		l.Addf(prefix+"AllowedDomains", n, "%d entries; the proxy takes at most %d", n, MaxAllowedDomains)
	case size > MaxAllowListBytes:
		l.Addf(prefix+"AllowedDomains", n, "%d bytes of entries; the proxy takes at most %d (64 SSM parameters of 4 KB)", size, MaxAllowListBytes)
	}
	sound := make([]bool, len(s.AllowedDomains))
	for i, domain := range s.AllowedDomains {
		field := fmt.Sprintf("%sAllowedDomains[%d]", prefix, i)
		var entry check.List
		check.DomainPattern(&entry, field, domain)
		if entry.Len() == 0 {
			checkAllowListEntry(&entry, field, domain)
		}
		sound[i] = entry.Len() == 0
		l.Merge("", entry.Err(""))
	}
	check.Duplicates(l, prefix+"AllowedDomains[%d]", s.AllowedDomains)
	for i, domain := range s.AllowedDomains {
		for j, wider := range s.AllowedDomains {
			// An entry refused above is reported once, not again as covering others.
			if i != j && sound[i] && sound[j] && domain != wider && covers(wider, domain) {
				// Squid refuses to start on such a list.
				l.Addf(fmt.Sprintf("%sAllowedDomains[%d]", prefix, i), domain, "already admitted by %q (AllowedDomains[%d]); remove one", wider, j)
			}
		}
	}
	if s.Port != 0 {
		check.Port(l, prefix+"Port", s.Port)
	}
	if s.InstanceType != "" && !instanceType.MatchString(s.InstanceType) {
		l.Addf(prefix+"InstanceType", s.InstanceType, "not an EC2 instance type such as %q", DefaultInstanceType)
	}
	check.LogRetention(l, prefix+"LogRetentionDays", d.LogRetentionDays, s.AllowShortLogRetention, "AllowShortLogRetention")
}

// covers reports whether the dstdomain entry wider admits every name that narrower
// admits: ".example.com" covers "example.com", "a.example.com" and ".a.example.com".
func covers(wider, narrower string) bool {
	if !strings.HasPrefix(wider, ".") {
		return false
	}
	bare := strings.TrimPrefix(narrower, ".")
	return bare == wider[1:] || strings.HasSuffix(bare, wider)
}
