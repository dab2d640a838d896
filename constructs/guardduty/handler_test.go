package guardduty_test

import (
	"os"
	"os/exec"
	"testing"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

// The inline handler's logic (designation already made, made by another account,
// detector lookup and settings) runs against stand-ins for boto3 and cfnresponse in
// testdata/handler_test.py.
func TestHandlerPython(t *testing.T) {
	python := lztest.Command(t, "python3", "python3")
	cmd := exec.Command(python, "-m", "unittest", "-v", "handler_test")
	cmd.Dir = "testdata"
	// No __pycache__ beside the sources.
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("handler_test.py: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
