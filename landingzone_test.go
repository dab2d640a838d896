package landingzone_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// validConfig is a small landing zone in the test account's region.
func validConfig() landingzone.Config {
	return landingzone.Config{
		Organization:        landingzone.Organization{ManagementAccount: "111111111111", ID: "o-a1b2c3d4e5", RootID: "r-a1b2", HomeRegion: lztest.Region, GovernedRegions: []string{lztest.Region}},
		Accounts:            landingzone.CoreAccounts{LogArchive: "222222222222", Audit: "333333333333", Network: "444444444444"},
		Logging:             landingzone.Logging{KeyArn: "arn:aws:kms:eu-west-1:222222222222:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"},
		OrganizationalUnits: []landingzone.OrganizationalUnit{{Name: "Workloads"}},
		Workloads: []landingzone.Workload{
			{Name: "app-prod", ID: lztest.Account, Environment: "prod", Team: "app", OU: "Workloads", VPC: landingzone.VPC{Cidr: "10.1.0.0/16", Egress: "proxy"}},
		},
	}
}

// synthLandingZone builds the landing zone of cfg in a new app and synthesizes it
// through the gates of lztest.Synth.
func synthLandingZone(t *testing.T, cfg landingzone.Config) (*landingzone.LandingZone, *lztest.Assembly) {
	t.Helper()
	var lz *landingzone.LandingZone
	asm := lztest.Synth(t, func(app awscdk.App) {
		var err error
		if lz, err = landingzone.New(app, cfg); err != nil {
			t.Fatal(err)
		}
	})
	return lz, asm
}

func TestNewBuildsABaselinePerWorkload(t *testing.T) {
	lz, asm := synthLandingZone(t, validConfig())
	tpl := asm.Stack(t, "Baseline-app-prod-eu-west-1")
	b := lz.Baselines["Baseline-app-prod-eu-west-1"]
	if b == nil || *b.Stack.Account() != lztest.Account || *b.Stack.Region() != lztest.Region || !*b.Stack.TerminationProtection() {
		t.Fatalf("baseline %+v: want the workload's account and region, termination protection on", b)
	}
	if b.Vpc.Egress != "proxy" {
		t.Errorf("egress %q, want proxy", b.Vpc.Egress)
	}
	tpl.HasResourceProperties("AWS::EC2::VPC", map[string]any{"CidrBlock": "10.1.0.0/16", "Tags": []any{map[string]any{"Key": "Name", "Value": "app-prod"}}})
	lztest.AssertStackSetSafe(t, "baseline", tpl)
}

func TestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		modify func(c *landingzone.Config)
		want   []string
	}{
		{"valid", func(*landingzone.Config) {}, nil},
		{"bad management account", func(c *landingzone.Config) { c.Organization.ManagementAccount = "1234" },
			[]string{`organization.managementAccount "1234": not a 12-digit AWS account ID`}},
		{"bad home region", func(c *landingzone.Config) { c.Organization.HomeRegion = "Ireland" },
			[]string{`organization.homeRegion "Ireland": not an AWS region name`}},
		{"bad workload name, id and region", func(c *landingzone.Config) {
			c.Workloads[0].Name, c.Workloads[0].ID, c.Workloads[0].Region = "App_Prod", "12345678901x", "eu-west"
		}, []string{`workloads[0].name "App_Prod"`, `workloads[0].id "12345678901x": not a 12-digit AWS account ID`, `workloads[0].region "eu-west"`}},
		{"duplicates", func(c *landingzone.Config) {
			c.Workloads = append(c.Workloads, landingzone.Workload{Name: "app-prod", ID: lztest.Account, Environment: "dev", Team: "app", OU: "Workloads", VPC: landingzone.VPC{Cidr: "10.2.0.0/16"}})
		}, []string{`workloads[1].name "app-prod": already the name of workloads[0]`, `workloads[1].id "123456789012": already the account of workloads[0]`}},
		{"management account as workload", func(c *landingzone.Config) { c.Workloads[0].ID = "111111111111" },
			[]string{`workloads[0].id "111111111111": already the account of organization.managementAccount`}},
		{"vpc props named by their path in the file", func(c *landingzone.Config) {
			c.Workloads[0].VPC.Cidr = "10.1.0.0/33"
			c.Workloads[0].VPC.Proxy.AllowedDomains = []string{"github.com", ""}
			c.Workloads[0].VPC.FlowLogRetentionDays = 30
		}, []string{
			`workloads[0].vpc.cidr "10.1.0.0/33": not a valid IPv4 CIDR`,
			`workloads[0].vpc.proxy.allowedDomains[1] "": not a domain name`,
			"workloads[0].vpc.flowLogRetentionDays 30: below the 365-day minimum; set `allowShortFlowLogRetention`",
		}},
		{"overlapping vpcs, every pair", func(c *landingzone.Config) {
			c.Workloads = append(c.Workloads,
				landingzone.Workload{Name: "b", ID: "555555555555", Environment: "dev", Team: "b", OU: "Workloads", VPC: landingzone.VPC{Cidr: "10.1.128.0/17"}},
				landingzone.Workload{Name: "c", ID: "666666666666", Environment: "dev", Team: "c", OU: "Workloads", VPC: landingzone.VPC{Cidr: "10.0.0.0/8"}},
			)
		}, []string{
			`workloads[1].vpc.cidr "10.1.128.0/17": overlaps workloads[0].vpc.cidr 10.1.0.0/16`,
			`workloads[2].vpc.cidr "10.0.0.0/8": overlaps workloads[0].vpc.cidr 10.1.0.0/16`,
			`workloads[2].vpc.cidr "10.0.0.0/8": overlaps workloads[1].vpc.cidr 10.1.128.0/17`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := validConfig()
			tc.modify(&cfg)
			err := cfg.Validate()
			if tc.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !errors.Is(err, landingzone.ErrInvalidConfig) {
				t.Fatalf("err = %v, want ErrInvalidConfig", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
		})
	}
}

// Checks that need the region's zones run in New; on error the app keeps no stack.
func TestNewReportsZoneProblemsAndLeavesAppEmpty(t *testing.T) {
	app := lztest.NewApp(t)
	cfg := validConfig()
	cfg.Workloads = append(cfg.Workloads, landingzone.Workload{Name: "wide", ID: "999999999999", Environment: "dev", Team: "wide", OU: "Workloads", VPC: landingzone.VPC{Cidr: "10.9.0.0/16", AZCount: 3}})
	cfg.Workloads[0].VPC.AZCount = 4
	var err error
	lztest.Do(t, func() { _, err = landingzone.New(app, cfg) })
	if err == nil || !strings.Contains(err.Error(), "landingzone: workloads[0].vpc.azCount 4: region eu-west-1 offers 3 Availability Zones") {
		t.Fatalf("err = %v, want the AZ count named by its path", err)
	}
	if n := len(*app.Node().Children()); n != 0 {
		t.Errorf("the app holds %d children after a failed New, want none", n)
	}
}

// Options.Place puts each account's stacks under a scope of the caller's, such as a
// pipeline stage; stacks of different stages do not depend on each other.
func TestPlaceStacksPerAccount(t *testing.T) {
	app := lztest.NewApp(t)
	stages := map[string]awscdk.Stage{}
	place := func(account string) constructs.Construct {
		if _, ok := stages[account]; !ok {
			stages[account] = awscdk.NewStage(app, jsii.String("Account"+account), nil)
		}
		return stages[account]
	}
	var lz *landingzone.LandingZone
	lztest.Do(t, func() {
		var err error
		if lz, err = landingzone.NewWithOptions(app, validConfig(), landingzone.Options{Place: place}); err != nil {
			t.Fatal(err)
		}
	})
	for _, s := range lz.Stacks {
		if want := "Account" + *s.Account(); *awscdk.Stage_Of(s).Node().Id() != want {
			t.Errorf("stack %s is in stage %s, want %s", *s.StackName(), *awscdk.Stage_Of(s).Node().Id(), want)
		}
		for _, d := range *s.Dependencies() {
			if *d.Account() != *s.Account() {
				t.Errorf("stack %s depends on %s of another stage", *s.StackName(), *d.StackName())
			}
		}
	}
	if n := len(stages); n != 5 {
		t.Errorf("%d stages, want one per account: management, log archive, audit, network, workload", n)
	}
	for _, st := range stages {
		lztest.Do(t, func() { st.Synth(nil) })
	}
}
