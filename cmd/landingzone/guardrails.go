package main

import (
	"fmt"
	"os"
	"slices"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/scpcheck"
)

// Rules of the guardrails gate other than a denying statement.
const (
	ruleNotInConfig = "account-not-in-configuration"
	ruleAgnostic    = "environment-agnostic"
)

// guardrailFindings evaluates, with package scpcheck, every action that the stacks'
// deploy roles and IAM roles are allowed against the service control policies that
// the landing zone of cfg puts in force above each stack's account. A stack's deploy
// role is the execution role its manifest names, or else the CDK bootstrap's of the
// configuration's qualifier. A stack in an account the configuration does not hold,
// or whose account is left to deploy time, is a finding: the guardrails cannot be
// evaluated for it, and a landing zone is meant to govern every account it deploys to.
func guardrailFindings(cfg landingzone.Config, stacks []stack) ([]Finding, *GuardrailStats, error) {
	lz, err := buildLandingZone(cfg)
	if err != nil {
		return nil, nil, err
	}
	accounts := cfg.AccountIDs()
	var out []Finding
	var checked []scpcheck.Stack
	byName := map[string]stack{}
	for _, s := range stacks {
		switch {
		case s.Account == "":
			out = append(out, Finding{Gate: gateGuardrails, Stack: s.ID, Template: s.Path, Rule: ruleAgnostic,
				Message: "the stack leaves its account to deploy time, so the guardrails above it are unknown; set its env"})
			continue
		case !slices.Contains(accounts, s.Account):
			out = append(out, Finding{Gate: gateGuardrails, Stack: s.ID, Template: s.Path, Rule: ruleNotInConfig,
				Message: fmt.Sprintf("account %s is not in the configuration, so the guardrails above it are unknown", s.Account)})
			continue
		}
		role := s.ExecRole
		if role == "" {
			role = scpcheck.BootstrapExecutionRole(cfg.Qualifier(), s.Account, s.Region)
		}
		byName[s.ID] = s
		checked = append(checked, scpcheck.Stack{Name: s.ID, Account: s.Account, Region: s.Region, Template: s.Template, DeployRole: role})
	}
	rep, err := scpcheck.Check(checked, lz.GuardrailLevels)
	if err != nil {
		return nil, nil, fmt.Errorf("guardrails: %w", err)
	}
	for _, f := range rep.Findings {
		d := f.Decision
		rule := d.Policy + "/" + d.Statement
		if d.Policy == "" {
			rule = "not-allowed-at/" + d.Level
		}
		out = append(out, Finding{Gate: gateGuardrails, Stack: f.Stack, Template: byName[f.Stack].Path, Resource: f.Role, Rule: rule,
			Message: fmt.Sprintf("%s may not %s on %s: %s", f.Principal, f.Action, f.Resource, d)})
	}
	return out, &GuardrailStats{Roles: rep.Roles, Requests: rep.Requests, ManagedPoliciesNotRead: rep.ManagedPolicies}, nil
}

// buildLandingZone builds the landing zone of cfg into an app of its own, which is
// never synthesized, for the guardrails it attaches. The CDK reports errors as
// panics; they come back as errors.
func buildLandingZone(cfg landingzone.Config) (lz *landingzone.LandingZone, err error) {
	// The app writes its assembly directory when created; keep it out of the way.
	outdir, err := os.MkdirTemp("", "landingzone-check-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(outdir)
	defer func() {
		if r := recover(); r != nil {
			lz, err = nil, fmt.Errorf("building the landing zone of the configuration: %v", r)
		}
	}()
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(outdir)})
	return landingzone.New(app, cfg)
}
