// Package egressproxy builds a Squid forward proxy that lets private subnets reach only
// an allow-list of domains, in place of a NAT gateway that would let them reach any
// host. It follows the pattern of the AWS blog post "How to add DNS filtering to your
// NAT instance with Squid", hardened and made self-healing.
//
// # Design
//
// One Auto Scaling group of one instance per Availability Zone runs Squid on Amazon
// Linux 2023 in that AZ's public subnet, behind an internal Network Load Balancer in the
// private subnets. The proxy URL (the load balancer's DNS name and the port) is stable
// across instance replacements. Each AZ owns an Elastic IP that its instance claims at
// boot, so partners can allow-list a fixed set of egress addresses.
//
// An instance that fails the load balancer's health check is replaced by its group.
// A change of settings replaces the instances one AZ at a time: each group waits for
// its new instance to signal that Squid listens before the next group starts, while
// the load balancer (cross-zone) sends clients to the other AZs.
//
// # Security
//
//   - Deny by default: Squid answers only clients from the allowed CIDRs (its ACL and
//     both security groups), only for allow-listed domains, only on ports 80 and 443
//     (CONNECT to 443 only). The instances may connect out on 80 and 443 only.
//   - No SSH and no key pair: administration goes through SSM Session Manager
//     (AmazonSSMManagedInstanceCore). IMDSv2 is required; EBS volumes are encrypted
//     with the account's default EBS key.
//   - Squid's access and cache logs go to a KMS-encrypted CloudWatch log group kept a
//     year by default.
//
// Each instance needs a public address for a moment at boot to call the EC2 API that
// attaches its Elastic IP; the launch template asks for one, and the Elastic IP
// replaces it. No subnet assigns public addresses on launch.
package egressproxy

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
