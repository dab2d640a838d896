package landingzonetest

import (
	"flag"
	"os"
	"testing"

	"github.com/aws/jsii-runtime-go"
)

// update makes Golden write snapshots instead of comparing them.
var update = flag.Bool("update", false, "rewrite golden snapshots under testdata/ instead of comparing them")

// Main runs the package's tests, then stops the jsii runtime so that its Node process
// and temporary directory do not outlive the test binary.
func Main(m *testing.M) {
	code := m.Run()
	jsii.Close()
	os.Exit(code)
}
