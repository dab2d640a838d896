package controls

import "flag"

// `make golden` passes -update to every package; this one has no golden files.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")
