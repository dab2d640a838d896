// Package pipeline delivers the landing zone safely: a self-mutating CDK pipeline
// that deploys the core stages one after the other, then the workload accounts in
// waves of growing size, each watched for a bake time and stopped by an alarm check;
// a change-set review mode for teams that approve every change to the management
// account; and a scheduled drift check of the landing-zone stacks.
package pipeline

import "github.com/go-landingzone/landingzone/internal/check"

// ErrInvalidProps is matched by every validation error of this package's constructors.
var ErrInvalidProps = check.ErrInvalidProps
