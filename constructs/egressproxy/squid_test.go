package egressproxy

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

// squidForTest renders the construct's squid.conf for a Squid on a loopback port
// that admits 127.0.0.1 only and allows exact.invalid and .wild.invalid (RFC 6761 names, which never resolve), plus the few
// lines a test run needs (no DNS server, files in dir), and starts it. It returns the
// proxy's address.
func squidForTest(t *testing.T) string {
	t.Helper()
	squid := lztest.Command(t, "squid", "squid")
	dir, err := os.MkdirTemp("", "squid-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// Squid drops root's privileges to its own user, which must reach the files.
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()

	settings := Settings{AllowedDomains: []string{"exact.invalid", ".wild.invalid"}, Port: port}.withDefaults()
	list := filepath.Join(dir, "allowed-domains.txt")
	if err := os.WriteFile(list, []byte(strings.Join(allowListChunks(settings.AllowedDomains), "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	conf := render(squidConf, squidData{Settings: settings, ClientCidrs: []string{"127.0.0.1/32"}, AllowListFile: list, LogDir: dir})
	conf = strings.Replace(conf, fmt.Sprintf("http_port %d", port), fmt.Sprintf("http_port 127.0.0.1:%d", port), 1)
	// For the test only: no DNS (the machine may be offline; a lookup must fail fast),
	// and every file in dir.
	conf += fmt.Sprintf("\nhosts_file none\ndns_nameservers 127.0.0.1\ndns_timeout 2 seconds\npid_filename %s/squid.pid\ncoredump_dir %s\nshutdown_lifetime 0 seconds\n", dir, dir)
	// A service name of its own keeps this Squid's shared memory segments apart from
	// any other Squid's on the machine, a parallel test's included.
	service := "lztest" + filepath.Base(dir)[len("squid-test-"):]
	path := filepath.Join(dir, "squid.conf")
	if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(squid, "-n", service, "-k", "parse", "-f", path).CombinedOutput(); err != nil {
		t.Fatalf("squid -k parse: %v\n%s", err, out)
	}
	cmd := exec.Command(squid, "-n", service, "-N", "-f", path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// SIGTERM lets Squid remove its shared memory; SIGKILL if it lingers.
		cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return addr
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "cache.log"))
			t.Fatalf("squid did not listen on %s:\n%s\n%s", addr, stderr.String(), log)
		}
	}
}

// unreachable stands for the answer to an admitted request for a name that does not
// resolve: a 5xx error of Squid's, whichever the machine's DNS leads to.
const unreachable = -1

// ask sends one request line through the proxy from source (empty means any local
// address) and returns the status code and Squid's error page name (X-Squid-Error).
func ask(t *testing.T, proxy, source, requestLine, host string) (int, string) {
	t.Helper()
	d := net.Dialer{Timeout: 5 * time.Second}
	if source != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(source)}
	}
	c, err := d.Dial("tcp", proxy)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(15 * time.Second))
	fmt.Fprintf(c, "%s\r\nHost: %s\r\nConnection: close\r\n\r\n", requestLine, host)
	r := bufio.NewReader(c)
	status, err := r.ReadString('\n')
	if err != nil {
		t.Fatalf("%s: no answer: %v", requestLine, err)
	}
	var code int
	if _, err := fmt.Sscanf(status, "HTTP/1.1 %d", &code); err != nil {
		t.Fatalf("%s: status line %q", requestLine, status)
	}
	squidError := ""
	for {
		line, err := r.ReadString('\n')
		if err != nil || strings.TrimSpace(line) == "" {
			break
		}
		if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(k, "X-Squid-Error") {
			squidError, _, _ = strings.Cut(strings.TrimSpace(v), " ")
		}
	}
	return code, squidError
}

// The construct's own squid.conf, run by a real Squid: an allowed name passes the
// access rules (and, offline, then fails to resolve), everything else is refused with
// Squid's access-denied page.
func TestSquidAdmitsOnlyTheAllowList(t *testing.T) {
	proxy := squidForTest(t)
	for _, c := range []struct {
		name, source, request, host string
		code                        int
		squidError                  string
	}{
		{"allowed name passes the ACL, then cannot be reached", "", "GET http://www.wild.invalid/ HTTP/1.1", "www.wild.invalid", unreachable, ""},
		{"allowed exact name over CONNECT", "", "CONNECT exact.invalid:443 HTTP/1.1", "exact.invalid:443", unreachable, ""},
		{"name not listed", "", "GET http://other.invalid/ HTTP/1.1", "other.invalid", 403, "ERR_ACCESS_DENIED"},
		{"subdomain of an exact entry", "", "GET http://www.exact.invalid/ HTTP/1.1", "www.exact.invalid", 403, "ERR_ACCESS_DENIED"},
		{"CONNECT to an IPv4 literal", "", "CONNECT 93.184.216.34:443 HTTP/1.1", "93.184.216.34:443", 403, "ERR_ACCESS_DENIED"},
		{"CONNECT to an IPv6 literal", "", "CONNECT [2606:2800:220:1::]:443 HTTP/1.1", "[2606:2800:220:1::]:443", 403, "ERR_ACCESS_DENIED"},
		{"CONNECT to port 22 of an allowed name", "", "CONNECT www.wild.invalid:22 HTTP/1.1", "www.wild.invalid:22", 403, "ERR_ACCESS_DENIED"},
		{"client outside the client ACL", "127.0.0.2", "GET http://www.wild.invalid/ HTTP/1.1", "www.wild.invalid", 403, "ERR_ACCESS_DENIED"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, squidError := ask(t, proxy, c.source, c.request, c.host)
			if c.code == unreachable {
				// Admitted: Squid looked the name up (RFC 6761 reserves .invalid, so the
				// lookup fails: ERR_DNS_FAIL with a resolver, a read error without one)
				// rather than answering with its access-denied page.
				if code < 500 || squidError == "ERR_ACCESS_DENIED" {
					t.Errorf("%s: %d %s, want a failure to reach the server, not a refusal", c.request, code, squidError)
				}
				t.Logf("%s: %d %s", c.request, code, squidError)
				return
			}
			if code != c.code || squidError != c.squidError {
				t.Errorf("%s: %d %s, want %d %s", c.request, code, squidError, c.code, c.squidError)
			}
		})
	}
}

// The bootstrap script, as rendered for an instance, passes shellcheck.
func TestBootstrapScriptPassesShellcheck(t *testing.T) {
	shellcheck := lztest.Command(t, "shellcheck", "shellcheck")
	settings := Settings{AllowedDomains: []string{"example.org"}}.withDefaults()
	squid := render(squidConf, squidData{Settings: settings, ClientCidrs: []string{"10.0.0.0/16"}, AllowListFile: allowListFile, LogDir: logDir})
	script := "#!/bin/bash\n" + render(bootstrapScript, bootstrap{
		Region: "eu-west-1", AllocationID: "eipalloc-0123456789abcdef0", LogGroup: "lz-proxy", Port: settings.Port, SquidConf: squid,
		AllowListPath: "/landingzone/egressproxy/c8a1", AllowListFile: allowListFile, AllowListHash: allowListHash(settings.AllowedDomains),
	})
	cmd := exec.Command(shellcheck, "-s", "bash", "-")
	cmd.Stdin = strings.NewReader(script)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("shellcheck: %v\n%s", err, out)
	}
}
