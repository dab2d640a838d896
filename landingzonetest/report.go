package landingzonetest

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// reportPath finds the validation report that the CDK names when synthesis fails its
// policy validation (cdk-nag errors, CloudFormation rules).
var reportPath = regexp.MustCompile(`\S+validation-report\.json`)

// validationFailures turns the message of a failed synthesis into one line per
// violation, read from the report it names. It returns the message itself when there is
// no readable report.
func validationFailures(msg string) []string {
	path := reportPath.FindString(msg)
	if path == "" {
		return []string{msg}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return []string{msg}
	}
	var report struct {
		PluginReports []struct {
			PluginName string
			Violations []struct {
				RuleName            string
				Description         string
				ViolatingConstructs []struct{ ConstructPath string }
			}
		}
	}
	if err := json.Unmarshal(raw, &report); err != nil {
		return []string{msg}
	}
	var out []string
	for _, plugin := range report.PluginReports {
		for _, v := range plugin.Violations {
			for _, c := range v.ViolatingConstructs {
				out = append(out, fmt.Sprintf("%s at /%s (%s, %s)", strings.TrimSpace(v.Description), c.ConstructPath, v.RuleName, plugin.PluginName))
			}
		}
	}
	if len(out) == 0 {
		return []string{msg}
	}
	return out
}
