package landingzone_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// A time-boxed grant is checked against Options.Now, in validation as in the build: a
// grant that has expired by the machine's clock but not by the caller's is accepted.
func TestNewHonoursOptionsNow(t *testing.T) {
	cfg, err := landingzone.LoadConfig(filepath.Join("testdata", "config", "valid.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Identity = &landingzone.Identity{
		InstanceArn: "arn:aws:sso:::instance/ssoins-1234567890abcdef",
		TimeBoxed: []landingzone.TimeBoxed{{
			Name: "IncidentResponse", SessionDuration: "PT1H",
			Grant: landingzone.Grant{Actions: []string{"ec2:RebootInstances"}, Resources: []string{"*"}, ExpiresAt: "2020-06-01T00:00:00Z"},
		}},
	}
	before := time.Date(2020, 5, 25, 0, 0, 0, 0, time.UTC)

	err = cfg.Validate()
	if err == nil || !strings.Contains(err.Error(), "identity.timeBoxed[0].grant.expiresAt") {
		t.Fatalf("Validate at the machine's clock: %v, want the expired grant refused", err)
	}
	if err := cfg.ValidateAt(before); err != nil {
		t.Fatalf("ValidateAt before the expiry: %v", err)
	}
	app := lztest.NewApp(t)
	var lz *landingzone.LandingZone
	lztest.Do(t, func() {
		lz, err = landingzone.NewWithOptions(app, cfg, landingzone.Options{Now: func() time.Time { return before }})
	})
	if err != nil || lz == nil {
		t.Fatalf("New with Options.Now before the expiry: %v", err)
	}
}
