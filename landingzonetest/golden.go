package landingzonetest

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// assetHash matches the SHA-256 hashes the CDK derives from asset contents; they change
// with every CDK release that touches a bundled handler, without meaning anything to a
// reviewer of the template.
var assetHash = regexp.MustCompile(`[0-9a-f]{64}`)

// Golden compares tpl with testdata/<name>.json, where name is the test's name with
// slashes turned into dashes. With -update it writes the file instead. A mismatch
// prints a unified diff and the command that rewrites the snapshot.
func Golden(t testing.TB, tpl *Template) {
	t.Helper()
	GoldenNamed(t, strings.ReplaceAll(t.Name(), "/", "-"), tpl)
}

// GoldenNamed is Golden with an explicit snapshot name, for tests that keep several
// templates.
func GoldenNamed(t testing.TB, name string, tpl *Template) {
	t.Helper()
	got, err := Normalize(tpl.raw)
	if err != nil {
		t.Fatalf("golden %s: %v", name, err)
	}
	GoldenText(t, name+".json", got)
}

// Normalize returns the template as indented JSON with sorted keys and the asset hashes
// replaced by a placeholder.
func Normalize(raw []byte) ([]byte, error) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return assetHash.ReplaceAll(buf.Bytes(), []byte("<asset-hash>")), nil
}

// testRoot is the name of the top-level test, for a -run pattern.
func testRoot(t testing.TB) string {
	name, _, _ := strings.Cut(t.Name(), "/")
	return name
}
