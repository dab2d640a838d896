// Package transitgateway builds the network account's hub: one Transit Gateway per
// region that every workload VPC of the organization attaches to.
//
// NewTransitGateway creates the Transit Gateway, or adopts an existing one by ID,
// shares it through AWS RAM with the organization or named OUs (never outside the
// organization) and records its flow logs. Shared attachments are not accepted on their
// own, and nothing is associated or propagated by default: nothing joins a route table
// without an explicit decision.
package transitgateway

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
