# The two commands of the README are `make synth` and `make test`; every target installs
# what it needs: Node 22 and the CDK CLI from package-lock.json (npm ci), Go modules on
# demand.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# jsii starts `node` from PATH: the pinned Node 22 in node_modules/.bin comes first, so
# neither the machine's Node nor a global CDK CLI is used.
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)
# The CLI would try to reach AWS for notices and telemetry; synthesis needs neither.
export CDK_DISABLE_CLI_TELEMETRY := true

GO ?= go
PKGS := ./...
# npm ci rewrites this file, so it is newer than package-lock.json after a good install.
NODE_STAMP := node_modules/.package-lock.json

.PHONY: all synth plan check test bench fuzz diagram lint golden deps clean

all: lint test

$(NODE_STAMP): package.json package-lock.json
	@# --omit=peer: the cfn-guard validator's peers (aws-cdk-lib, constructs) are for a
	@# TypeScript app; the Go tests use only its cfn-guard binary and rules.
	npm ci --omit=peer --no-audit --no-fund --loglevel=error
	@# A go.mod makes node_modules a module of its own, which `go ... ./...` skips;
	@# otherwise the Go templates inside aws-cdk would be read as packages of ours.
	@echo 'module node_modules // not Go code: keeps ./... out of npm packages' > node_modules/go.mod
	@touch $@

deps: $(NODE_STAMP)
	$(GO) mod download

## synth: synthesize the reference landing zone (cdk.json's app) into cdk.out.
synth: deps
	@# cdk synth leaves the files of stacks that no longer exist; start afresh.
	rm -rf cdk.out
	cdk synth --quiet --no-notices
	@# With a pipeline, each stage's templates are in a nested assembly of its own.
	@echo "templates written to cdk.out:" && find cdk.out -name '*.template.json' | sort

## plan: print what the reference awaits, its first deploy and its pipeline waves.
plan:
	$(GO) run ./cmd/landingzone plan examples/multi-account/landingzone.yaml

## check: run the template gates over cdk.out (after make synth), the guardrails included.
check: deps
	$(GO) run ./cmd/landingzone check -config examples/multi-account/landingzone.yaml cdk.out

# cdk-nag's EventBusOpenAccess rule reads the deprecated Principal of every
# CfnEventBusPolicy it checks, and jsii prints a warning each time, which no code of
# ours can avoid. The runtime reads the variable when the test binary starts, so it is
# set here; run with JSII_DEPRECATED=warn to see deprecations again.
test golden: export JSII_DEPRECATED ?= quiet

## test: lint, then run every package's tests (assertions, golden snapshots, cdk-nag).
# The root package synthesizes the reference app many times, each through the cdk-nag and
# Control Tower gates, and applies 14 configuration edits: 8-19 min on two shared cores.
test: deps lint
	$(GO) test -count=1 -timeout 45m $(PKGS)

## bench: measure synthesis speed (jsii floor against the reference app).
bench: deps
	@# LZ_BENCH_WRITE makes the benchmark rewrite BENCHMARKS.md with its table.
	LZ_BENCH_WRITE=1 $(GO) test -run '^$$' -bench . -benchtime 1x -timeout 60m ./internal/bench

# The fuzz targets, package:name; `go test` runs their seed corpora (testdata/fuzz and
# f.Add) with every test run.
FUZZ_TARGETS := .:FuzzParseConfig ./constructs/network:FuzzVpcPropsValidate \
	./constructs/organization:FuzzGuardrailPropsValidate ./internal/propsfuzz:FuzzPropsValidate
FUZZTIME ?= 1m

## fuzz: fuzz each target for FUZZTIME (make fuzz FUZZTIME=5m); a crasher stops it.
fuzz: deps
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzzing $$name in $$pkg for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

## diagram: draw the reference landing zone into cdk.out (SVG where Graphviz is installed).
diagram:
	$(GO) run ./examples/diagram

## lint: gofmt must have nothing to change; go vet and staticcheck must be clean.
lint:
	@unformatted=$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)
	@# staticcheck is pinned as a tool in go.mod (honnef.co/go/tools v0.8.2).
	$(GO) tool staticcheck $(PKGS)

## golden: rewrite the golden snapshots from the code; review `git diff testdata` after.
golden: deps
	$(GO) test -count=1 -timeout 45m $(PKGS) -update

clean:
	rm -rf cdk.out bin
