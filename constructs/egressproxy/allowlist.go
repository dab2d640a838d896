package egressproxy

import (
	"net/netip"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/go-landingzone/landingzone/internal/check"
)

// MaxAllowedDomains is the most entries an allow-list may hold; its text, one entry per
// line, may also not exceed MaxAllowListBytes. Squid matches dstdomain against a
// splay tree, so thousands of entries cost it nothing noticeable.
const MaxAllowedDomains = 5000

// multiTenantAWS are the AWS domains under which anyone can obtain a name: S3 buckets,
// API Gateway and Lambda function URLs, EC2 public host names, CloudFront
// distributions, Elastic Beanstalk and Amplify apps (each is in the private section of
// the Public Suffix List, https://publicsuffix.org/list/, under Amazon). An entry that
// admits all of one admits any account's endpoints.
var multiTenantAWS = []string{
	"amazonaws.com", "on.aws", "cloudfront.net", "elasticbeanstalk.com", "amplifyapp.com", "awsapps.com",
}

// checkAllowListEntry records what makes a well-formed dstdomain entry unsafe to admit:
// an IP address, a public suffix, or a subdomain wildcard over a domain where anyone
// can get a name.
func checkAllowListEntry(l *check.List, field, entry string) {
	name := strings.TrimPrefix(entry, ".")
	if _, err := netip.ParseAddr(name); err == nil {
		l.Addf(field, entry, "an IP address; the proxy admits names only, and refuses every IP literal")
		return
	}
	if suffix, icann := publicsuffix.PublicSuffix(name); suffix == name {
		kind := "a public suffix"
		if !icann {
			kind = "a domain under which anyone can register names (the Public Suffix List's private section)"
		}
		l.Addf(field, entry, "%s: it would admit every name under it; list the hosts you need", kind)
		return
	}
	if strings.HasPrefix(entry, ".") {
		for _, shared := range multiTenantAWS {
			if name == shared || strings.HasSuffix(shared, "."+name) {
				l.Addf(field, entry, "admits every subdomain of %s, where any AWS account has names (its S3 buckets, API and function URLs, EC2 hosts); list regional service names such as \"ssm.eu-west-1.amazonaws.com\", or reach AWS APIs through interface endpoints", shared)
				return
			}
		}
	}
}
