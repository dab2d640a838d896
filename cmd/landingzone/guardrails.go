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
	// The landing zone is built, never synthesized, for the guardrails it attaches.
	var lz *landingzone.LandingZone
	if err := withLandingZone(cfg, func(_ awscdk.App, _ string, built *landingzone.LandingZone) error {
		lz = built
		return nil
	}); err != nil {
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

// withLandingZone builds the landing zone of cfg in an app of its own, whose
// assembly directory dir is removed afterwards, and calls fn with them. New validates
// cfg first and reports its problems as errors, not panics (package landingzone).
func withLandingZone(cfg landingzone.Config, fn func(app awscdk.App, dir string, lz *landingzone.LandingZone) error) error {
	dir, err := os.MkdirTemp("", "landingzone-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(dir)})
	lz, err := landingzone.New(app, cfg)
	if err != nil {
		return err
	}
	return fn(app, dir, lz)
}
