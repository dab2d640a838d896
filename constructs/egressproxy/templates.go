package egressproxy

import (
	_ "embed"
	"strings"
	"text/template"
)

var (
	//go:embed squid.conf.tmpl
	squidTemplate string
	//go:embed bootstrap.sh.tmpl
	bootstrapTemplate string

	squidConf       = template.Must(template.New("squid.conf").Parse(squidTemplate))
	bootstrapScript = template.Must(template.New("bootstrap.sh").Parse(bootstrapTemplate))
)

// squidData is what squid.conf is rendered from.
type squidData struct {
	Settings
	// ClientCidrs may be CDK tokens that CloudFormation resolves at deploy time.
	ClientCidrs []string
	// AllowListFile holds the allowed domains, one per line.
	AllowListFile string
	// LogDir holds access.log and cache.log.
	LogDir string
}

// Where the instances keep the allow-list and the logs.
const (
	allowListFile = "/etc/squid/allowed-domains.txt"
	logDir        = "/var/log/squid"
)

// bootstrap is what one proxy instance needs to know at boot. The string fields may be
// CDK tokens; CloudFormation substitutes the values into the user data.
type bootstrap struct {
	Region       string
	AllocationID string
	LogGroup     string
	Port         int
	SquidConf    string
	// AllowListPath is the SSM path whose parameters hold the allow-list, and
	// AllowListFile where the instance writes it.
	AllowListPath, AllowListFile string
	// AllowListHash identifies the list's content, so that changing it changes the user
	// data and the instances are replaced with ones that read the new list.
	AllowListHash string
}

// render executes one of the package's templates. They are constants fed with plain
// strings and ints, so a failure is a bug in this package, not a user error.
func render(t *template.Template, data any) string {
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		panic("egressproxy: rendering " + t.Name() + ": " + err.Error())
	}
	return b.String()
}
