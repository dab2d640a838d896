// Package network builds VPCs for a landing zone: subnets in tiers, one of five egress
// modes, flow logs, VPC endpoints and a default security group without rules.
//
// # Egress modes
//
// How private subnets reach the internet is a typed choice (Egress):
//
//   - EgressNatPerAZ (the default): a NAT gateway with its own Elastic IP in every
//     Availability Zone; an AZ outage cuts only that AZ's egress.
//   - EgressSingleNat: one NAT gateway for all AZs. It costs a third to a half less
//     for two or three AZs but is not AZ-resilient: if its AZ fails, every private
//     subnet loses egress, and cross-AZ traffic to it is charged.
//   - EgressProxy: no NAT; a Squid forward proxy (package egressproxy) admits only an
//     allow-list of domains. Private subnets have no default route to the internet;
//     clients use the proxy URL. The most control, and the only mode that stops data
//     leaving for an arbitrary host.
//   - EgressNone: no public subnets, no internet gateway, no route out. For isolated
//     workloads that reach AWS services through VPC endpoints only.
//   - EgressTransitGateway: no public subnets; dedicated attachment subnets and a
//     default route from the private subnets to a Transit Gateway, whose central egress
//     VPC provides the internet path.
//
// A VPC with its own egress becomes that central egress VPC with TransitGatewayRoutes:
// attachment subnets whose traffic leaves through the NAT gateway of their AZ (or,
// behind the proxy, only through the proxy), and routes back to the Transit Gateway for
// the listed spoke ranges. Package transitgateway builds the hub around it.
//
// # Subnets
//
// Tiers are allocated from the VPC CIDR in a fixed order, one subnet per AZ each:
// Transit Gateway attachment subnets first (so that adding a tier later never moves
// them), then public (only when the egress mode needs them), private and isolated.
// No subnet assigns public IP addresses on launch. Subnets, route tables and gateways
// carry readable Name tags such as "prod-private-eu-west-1a".
//
// # Availability Zones
//
// Without explicit AvailabilityZones the VPC takes the first AZCount zones of its
// stack's region, as the CDK looks them up and caches in cdk.context.json. Commit that
// file: it keeps synthesis deterministic and free of AWS calls, which is also why the
// reference example ships one.
//
// # Default security group
//
// Every VPC's default security group is emptied. By default the CDK's own custom
// resource does it at deploy time; stacks that must stay free of custom resources and
// assets (a StackSet baseline) choose DefaultSecurityGroupConfigRemediation, an AWS
// Config rule with automatic remediation through an AWS-managed SSM document.
package network

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
