package cfnlimits_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	. "github.com/go-landingzone/landingzone/internal/cfnlimits"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// TestMain goes through lztest so that `go test ./... -update` is understood here too.
func TestMain(m *testing.M) { lztest.Main(m) }

func template(resources, parameters, outputs, padding int) []byte {
	t := map[string]map[string]any{"Resources": {}, "Parameters": {}, "Outputs": {}}
	for i := range resources {
		t["Resources"][fmt.Sprintf("R%d", i)] = map[string]string{"Type": "AWS::SNS::Topic"}
	}
	for i := range parameters {
		t["Parameters"][fmt.Sprintf("P%d", i)] = map[string]string{"Type": "String"}
	}
	for i := range outputs {
		t["Outputs"][fmt.Sprintf("O%d", i)] = map[string]string{"Value": "x"}
	}
	if padding > 0 {
		t["Resources"]["Pad"] = map[string]string{"Type": "AWS::SNS::Topic", "Description": strings.Repeat("x", padding)}
	}
	b, _ := json.Marshal(t)
	return b
}

func TestViolations(t *testing.T) {
	for _, tc := range []struct {
		name string
		tpl  []byte
		want []string
	}{
		{"at the limits", template(500, 200, 200, 0), nil},
		{"too many resources", template(501, 0, 0, 0), []string{"501 resources"}},
		{"too many parameters", template(1, 201, 0, 0), []string{"201 parameters"}},
		{"too many outputs", template(1, 0, 201, 0), []string{"201 outputs"}},
		{"too large", template(0, 0, 0, MaxTemplateBytes), []string{"template bytes"}},
		{"everything at once", template(501, 201, 201, MaxTemplateBytes), []string{"resources", "parameters", "outputs", "template bytes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Measure(tc.tpl)
			if err != nil {
				t.Fatal(err)
			}
			got := s.Violations()
			if len(got) != len(tc.want) {
				t.Fatalf("violations %q, want %d matching %q", got, len(tc.want), tc.want)
			}
			for _, w := range tc.want {
				if !strings.Contains(strings.Join(got, "\n"), w) {
					t.Errorf("violations %q lack %q", got, w)
				}
			}
		})
	}
}

func TestMeasureRejectsNonJSON(t *testing.T) {
	if _, err := Measure([]byte("Resources: {}")); err == nil {
		t.Fatal("Measure accepted YAML; want an error")
	}
}
