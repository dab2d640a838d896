package lztest

import (
	"os"
	"os/exec"
	"testing"
)

// Command returns the path of the program name, which the Debian package pkg
// provides. When it is missing, the test fails if the environment variable CI is set
// (CI installs it: a check that silently skipped there would guard nothing) and is
// skipped otherwise; either way the message gives the apt-get line that installs it.
func Command(t testing.TB, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	// Daemons such as squid install into sbin, which a non-root PATH often lacks.
	for _, dir := range []string{"/usr/sbin", "/sbin"} {
		if p, err := exec.LookPath(dir + "/" + name); err == nil {
			return p
		}
	}
	msg := name + " is not installed; install it with: apt-get install -y " + pkg
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}
