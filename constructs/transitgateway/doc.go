// Package transitgateway builds the network account's hub: one Transit Gateway per
// region that every workload VPC of the organization attaches to, segmented route
// tables, a central egress VPC and Site-to-Site VPN to on-premises networks.
//
// # Constructs
//
//   - NewTransitGateway creates the Transit Gateway, or adopts an existing one by ID,
//     shares it through AWS RAM with the organization or named OUs (never outside the
//     organization) and records its flow logs. Shared attachments are not accepted on
//     their own, and nothing is associated or propagated by default: nothing joins a
//     segment without an explicit decision.
//   - NewSegments creates one route table per segment (see Segment) and the blackhole
//     routes. Everything else takes the Segments and so works on an adopted Transit
//     Gateway as well.
//   - NewEgressVpc builds the central egress VPC (network.NewVpc with NAT gateways or
//     the forward proxy and TransitGatewayRoutes) in the egress segment.
//   - NewSpokeAttachments accepts the registered attachments of workload VPCs and
//     places each in its segment.
//   - NewVpnConnection connects an on-premises network, with BGP or static routes.
//   - CheckCidrPlan checks that no two ranges of the address plan overlap.
//
// # Segments
//
// A segment is a route table. Reachability is declared once per pair of segments and
// turned into resources:
//
//   - an attachment is associated with its segment's table;
//   - its routes propagate into the tables of the segments that reach its segment (and
//     its own, for a Mesh segment); a VPN without BGP gets static routes instead;
//   - the egress VPC's attachment is the static default route of every segment that
//     reaches the egress segment;
//   - those segments blackhole the private ranges (BlackholeCidrs). Without this,
//     production traffic for a non-production range would follow the default route
//     into the egress VPC, whose routes back to every spoke would deliver it. Routes to
//     the attachments a segment may reach are more specific, so they still win. The
//     egress segment's own table holds no blackholes: it must return traffic to every
//     spoke.
//
// DefaultSegments is prod and nonprod, which cannot reach each other, both reaching
// shared and egress, and shared reaching egress.
//
// # Attaching a spoke from another account
//
// Auto-accept is off and the attachment belongs to the workload account, so the
// network account accepts it explicitly, from a registry of spokes that it fills after
// each spoke deploys:
//
//  1. The network stack is deployed with the Transit Gateway, its share, the segments
//     and the egress VPC. Its Transit Gateway ID goes into the configuration.
//  2. The workload account's Baseline deploys a VPC in network.EgressTransitGateway
//     mode. Its attachment waits in pendingAcceptance; the stack outputs its ID.
//  3. That ID is registered as the spoke's Spoke.AttachmentID, with its account and
//     segment.
//  4. The network stack is deployed again. A custom resource checks that the attachment
//     comes from the registered account and attaches to this Transit Gateway, accepts it
//     and waits until it is available; then CloudFormation associates and propagates
//     it. Its handler may accept the registered attachments and nothing else.
//
// Adding subnets to a spoke never replaces its attachment, whose dedicated subnets are
// allocated first in the VPC range.
//
// # Adopting a Transit Gateway
//
// TransitGatewayProps.ExistingTransitGatewayID adopts a Transit Gateway created
// elsewhere. Its options stay as they were; the segments expect default route table
// association and propagation to be off, as NewTransitGateway sets them, and an
// attachment already associated with another route table must be disassociated
// before its segment can take it.
package transitgateway

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
