package landingzone_test

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone"
	"github.com/go-landingzone/landingzone/internal/bench"
	"github.com/go-landingzone/landingzone/internal/graph"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

// referenceConfigPath is the reference landing zone the README draws.
const referenceConfigPath = "examples/multi-account/landingzone.yaml"

func referenceConfig(t *testing.T) landingzone.Config {
	t.Helper()
	cfg, err := landingzone.LoadConfig(referenceConfigPath)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// The reference diagram names every account, the stacks and the four flows, and
// matches its snapshot.
func TestDiagramOfTheReference(t *testing.T) {
	cfg := referenceConfig(t)
	text := landingzone.Diagram(cfg)
	m := parseMermaid(t, text)
	for _, want := range []string{
		"management account<br/>111111111111", "log archive account<br/>222222222222", "audit account<br/>333333333333",
		"network account<br/>444444444444", "OU Workloads / Prod<br/>2 workload accounts", "OU Workloads / NonProd<br/>1 workload account",
		"payments-prod<br/>555555555555", "payments-dev<br/>666666666666", "data-prod<br/>777777777777",
		"Organization-eu-west-1", "OrgTrail-eu-west-1", "LogArchive-eu-west-1", "Security-eu-west-1", "Network-eu-west-1",
		"Identity-eu-west-1", "IdentityAssignments01", "Baseline-payments-prod-eu-west-1",
		"lz-logs-222222222222-eu-west-1", "landingzone-log-archive", "landingzone-alerts",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("diagram lacks %q", want)
		}
	}
	// One chain per flow, end to end, each edge in its flow's colour.
	for _, flow := range []struct {
		color string
		chain [][2]string
	}{
		{"#1f77b4", [][2]string{{"api", "trail"}, {"trail", "bucket"}, {"trail", "trail_logs"}}},
		{"#2ca02c", [][2]string{{"vpc_payments_prod", "logs_payments_prod"}, {"logs_payments_prod", "sub_payments_prod_eu_west_1"},
			{"sub_payments_prod_eu_west_1", "dest_eu_west_1"}, {"dest_eu_west_1", "firehose"}, {"firehose", "bucket"}}},
		{"#d62728", [][2]string{{"guardduty_eu_west_1", "events_eu_west_1"}, {"securityhub", "events_eu_west_1"}, {"events_eu_west_1", "topic_eu_west_1"},
			{"topic_eu_west_1", "email"}, {"topic_eu_west_1", "slack"}, {"guardduty_eu_west_1", "bucket"}, {"trail_logs", "topic_eu_west_1"}}},
		{"#e67e22", [][2]string{{"vpc_payments_prod", "tgw"}, {"tgw", "egress_vpc"}, {"egress_vpc", "internet"}, {"vpc_data_prod", "internet"},
			{"vpc_payments_dev", "tgw"}}},
	} {
		for _, e := range flow.chain {
			i := m.edge(e[0], e[1])
			if i < 0 {
				t.Errorf("no edge %s -> %s", e[0], e[1])
				continue
			}
			if !strings.Contains(m.linkStyle[i], "stroke:"+flow.color) {
				t.Errorf("edge %s -> %s is styled %q, want %s", e[0], e[1], m.linkStyle[i], flow.color)
			}
		}
	}
	// payments-dev's attachment is not accepted yet: its traffic does not flow.
	if i := m.edge("vpc_payments_dev", "tgw"); i >= 0 && !strings.Contains(m.linkStyle[i], "dasharray") {
		t.Errorf("the unaccepted attachment is drawn as flowing: %q", m.linkStyle[i])
	}
	if landingzone.Diagram(cfg) != text {
		t.Error("two diagrams of the same configuration differ")
	}
	lztest.GoldenText(t, "diagram.mmd", []byte(text))
	lztest.GoldenText(t, "diagram.dot", []byte(landingzone.DiagramDOT(cfg)))
}

// The diagram's stacks are exactly the stacks New builds, by name.
func TestDiagramNamesTheStacksNewBuilds(t *testing.T) {
	twoRegions := stackSetConfig()
	twoRegions.Organization.GovernedRegions = []string{lztest.Region, "eu-central-1"}
	for _, tc := range []struct {
		name string
		cfg  landingzone.Config
	}{
		{"reference", referenceConfig(t)},
		{"stacksets in two regions", twoRegions},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var built []string
			lztest.Do(t, func() {
				lz, err := landingzone.New(lztest.NewApp(t), tc.cfg)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range lz.Stacks {
					built = append(built, *s.StackName())
				}
			})
			drawn := parseMermaid(t, landingzone.Diagram(tc.cfg)).stacks()
			slices.Sort(built)
			if strings.Join(drawn, " ") != strings.Join(built, " ") {
				t.Errorf("diagram draws stacks\n%v\nNew builds\n%v", drawn, built)
			}
		})
	}
}

// Hundreds of workloads collapse into a few by name per OU and one node for the rest.
func TestDiagramCollapsesManyWorkloads(t *testing.T) {
	cfg := bench.GenerateConfig(500, lztest.Region)
	text := landingzone.Diagram(cfg)
	m := parseMermaid(t, text)
	shown := 0
	for id := range m.groups {
		if strings.HasPrefix(id, "wl_") {
			shown++
		}
	}
	if want := 2 * landingzone.DiagramWorkloadsPerOU; shown != want {
		t.Errorf("%d workload accounts drawn, want %d", shown, want)
	}
	more := fmt.Sprintf("+%d more workload accounts", 250-landingzone.DiagramWorkloadsPerOU)
	for _, want := range []string{
		"OU Workloads / Prod<br/>250 workload accounts", "OU Workloads / NonProd<br/>250 workload accounts",
		more + "<br/>122 via Transit Gateway · 123 own egress", more + "<br/>123 via Transit Gateway · 61 own egress · 61 isolated",
		"team000-prod", "team008-prod", "NetworkSpokes-eu-west-1-01 … NetworkSpokes-eu-west-1-04<br/>accept 251 spoke attachments",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("diagram lacks %q", want)
		}
	}
	if strings.Contains(text, "team010-prod") {
		t.Error("diagram draws a sixth Prod workload by name")
	}
	for _, e := range [][2]string{{"more_Prod", "dest_eu_west_1"}, {"more_Prod", "tgw"}, {"more_Prod", "internet"}} {
		if m.edge(e[0], e[1]) < 0 {
			t.Errorf("no edge %s -> %s", e[0], e[1])
		}
	}
	if len(text) > 16_000 || len(m.edges) > 100 {
		t.Errorf("500 workloads take %d bytes and %d edges; the diagram should stay small", len(text), len(m.edges))
	}
	// The order of the workloads in the file does not matter.
	slices.Reverse(cfg.Workloads)
	if landingzone.Diagram(cfg) != text {
		t.Error("the diagram changes with the order of the workloads")
	}
	t.Logf("500 workloads: %d bytes, %d nodes, %d edges", len(text), len(m.nodes), len(m.edges))
}

// Only what the configuration turns on is drawn.
func TestDiagramDrawsOnlyWhatIsOn(t *testing.T) {
	for _, tc := range []struct {
		name          string
		cfg           func() landingzone.Config
		want, without []string
	}{
		{
			name: "network disabled, no Slack, no e-mail",
			cfg: func() landingzone.Config {
				cfg := validConfig()
				cfg.Network.Disabled = true
				return cfg
			},
			want:    []string{"Baseline-network-eu-west-1", "vpc_app_prod -->|\"4 own proxy, no domain allowed\"| internet"},
			without: []string{"Transit Gateway", "tgw", "Network-eu-west-1", "NetworkSpokes", "egress_vpc", "VPN", "Slack", "e-mail", "trail_logs"},
		},
		{
			name: "reference with an on-premises network",
			cfg: func() landingzone.Config {
				cfg := referenceConfig(t)
				cfg.Network.OnPremises = &landingzone.OnPremises{CustomerGatewayIP: "203.0.113.10", CustomerGatewayAsn: 65010, StaticRoutes: []string{"192.168.0.0/16"}}
				return cfg
			},
			want: []string{`vpn("Site-to-Site VPN<br/>segment shared")`, `tgw -->|"4 VPN attachment"| vpn`,
				`n_onprem(["on-premises<br/>203.0.113.10<br/>192.168.0.0/16"])`, `vpn -->|"4 IPsec"| n_onprem`},
		},
		{
			name: "subscriptions disabled, trail to S3 only",
			cfg: func() landingzone.Config {
				cfg := referenceConfig(t)
				cfg.Logging.Subscriptions.Disabled = true
				cfg.Logging.Trail.CloudWatchLogs = false
				return cfg
			},
			want:    []string{`stack_Baseline_management_eu_west_1["Baseline-management-eu-west-1<br/>AWS Config recorder and rules"]`, "dest_eu_west_1 -->"},
			without: []string{"account subscription", "log groups", "2 flow logs", "trail_logs", "CIS alarms"},
		},
		{
			name: "stacksets from a delegated administrator",
			cfg: func() landingzone.Config {
				cfg := stackSetConfig()
				cfg.Deployment.StackSets.AdministratorAccount = "999999999999"
				return cfg
			},
			want: []string{`StackSets administrator account<br/>999999999999`, `subgraph stack_BaselineStackSets_eu_west_1["BaselineStackSets-eu-west-1"]`,
				`("StackSet<br/>lz-governance-eu-west-1")`, "Vpc-app-prod-eu-west-1", "lz-governance-eu-west-1 (StackSet instance)"},
			without: []string{"Baseline-app-prod"},
		},
		{
			name: "adopted bucket, an account still to create",
			cfg: func() landingzone.Config {
				cfg := validConfig()
				cfg.Logging.ExistingBucketName = "aws-controltower-logs-222222222222-eu-west-1"
				cfg.Organization.AccountEmail.Domain = "example.com"
				cfg.Workloads = append(cfg.Workloads, landingzone.Workload{Environment: "dev", Team: "app", OU: "Workloads", CreateAccount: true, VPC: landingzone.VPC{Cidr: "10.2.0.0/16"}})
				return cfg
			},
			want: []string{"adopted log bucket<br/>aws-controltower-logs-222222222222-eu-west-1", `wl_dev_app["dev-app<br/>account to be created"]`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg()
			if err := cfg.Validate(); err != nil {
				t.Fatalf("the case's configuration is invalid: %v", err)
			}
			text := landingzone.Diagram(cfg)
			parseMermaid(t, text)
			for _, want := range tc.want {
				if !strings.Contains(text, want) {
					t.Errorf("diagram lacks %q", want)
				}
			}
			for _, unwanted := range tc.without {
				if strings.Contains(text, unwanted) {
					t.Errorf("diagram has %q", unwanted)
				}
			}
		})
	}
}

// DOT holds the same nodes and edges as the Mermaid text, and is a well-formed
// digraph; where Graphviz is installed, dot renders it.
func TestDiagramDOT(t *testing.T) {
	for _, cfg := range []landingzone.Config{referenceConfig(t), bench.GenerateConfig(40, lztest.Region)} {
		m := parseMermaid(t, landingzone.Diagram(cfg))
		text := landingzone.DiagramDOT(cfg)
		d := parseDOT(t, text)
		if strings.Join(d.nodes, " ") != strings.Join(m.nodeOrder, " ") {
			t.Errorf("DOT nodes\n%v\ndiffer from Mermaid's\n%v", d.nodes, m.nodeOrder)
		}
		if !slices.Equal(d.edges, m.edges) {
			t.Errorf("DOT edges\n%v\ndiffer from Mermaid's\n%v", d.edges, m.edges)
		}
		dot, err := exec.LookPath("dot")
		if err != nil {
			continue
		}
		cmd := exec.Command(dot, "-Tsvg", "-o", os.DevNull)
		cmd.Stdin = strings.NewReader(text)
		if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("dot -Tsvg: %v\n%s", err, out)
		}
	}
}

// README.md embeds the reference diagram under "## Diagram"; it must be the current one.
func TestReadmeEmbedsTheReferenceDiagram(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, found := strings.Cut(string(readme), "\n## Diagram\n")
	if !found {
		t.Skip(`README.md has no "## Diagram" section yet`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	_, block, found := strings.Cut(section, "```mermaid\n")
	block, _, closed := strings.Cut(block, "\n```")
	if !found || !closed {
		t.Fatal("README.md's Diagram section has no ```mermaid block")
	}
	want := landingzone.Diagram(referenceConfig(t))
	if block+"\n" != want {
		t.Errorf("README.md's diagram is not the reference's:\n%s\nPaste testdata/diagram.mmd (or the output of `go run ./examples/diagram`) into the block.",
			lztest.TextDiff("README.md", "Diagram", []byte(block+"\n"), []byte(want)))
	}
}

// mermaid is what parseMermaid reads from a flowchart.
type mermaid struct {
	// nodes and groups map IDs to labels.
	nodes, groups map[string]string
	nodeOrder     []string
	edges         [][2]string
	// linkStyle is the style of each edge, by index.
	linkStyle map[int]string
}

var (
	mermaidID       = `([A-Za-z][A-Za-z0-9_]*)`
	mermaidNode     = regexp.MustCompile(`^ *` + mermaidID + `(\[\(|\(\[|\[|\()"([^"]*)"(\)\]|\]\)|\]|\))$`)
	mermaidSubgraph = regexp.MustCompile(`^ *subgraph ` + mermaidID + `\["([^"]*)"\]$`)
	mermaidEdge     = regexp.MustCompile(`^ *` + mermaidID + ` -->\|"([^"]*)"\| ` + mermaidID + `$`)
	mermaidLinks    = regexp.MustCompile(`^ *linkStyle ([0-9,]+) (.+)$`)
	mermaidOther    = regexp.MustCompile(`^ *(%%.*|end|classDef \w+ .+|class [\w,]+ \w+)$`)
)

// parseMermaid reads the flowchart the diagram writes, failing t on any line it does
// not expect, unsafe or repeated IDs, unbalanced subgraphs and edges to unknown nodes.
func parseMermaid(t *testing.T, text string) mermaid {
	t.Helper()
	m := mermaid{nodes: map[string]string{}, groups: map[string]string{}, linkStyle: map[int]string{}}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if lines[0] != "flowchart LR" {
		t.Fatalf("first line %q, want flowchart LR", lines[0])
	}
	depth := 0
	declare := func(id, label string, into map[string]string) {
		if graph.Safe(id) != id {
			t.Errorf("unsafe ID %q", id)
		}
		if _, dup := m.nodes[id]; dup {
			t.Errorf("ID %q declared twice", id)
		}
		if _, dup := m.groups[id]; dup {
			t.Errorf("ID %q declared twice", id)
		}
		into[id] = label
	}
	for i, line := range lines[1:] {
		switch {
		case mermaidSubgraph.MatchString(line):
			s := mermaidSubgraph.FindStringSubmatch(line)
			declare(s[1], s[2], m.groups)
			depth++
		case strings.TrimSpace(line) == "end":
			if depth--; depth < 0 {
				t.Fatalf("line %d: end without subgraph", i+2)
			}
		case mermaidNode.MatchString(line):
			s := mermaidNode.FindStringSubmatch(line)
			declare(s[1], s[3], m.nodes)
			m.nodeOrder = append(m.nodeOrder, s[1])
		case mermaidEdge.MatchString(line):
			s := mermaidEdge.FindStringSubmatch(line)
			for _, end := range []string{s[1], s[3]} {
				if _, ok := m.nodes[end]; !ok {
					t.Errorf("line %d: edge to undeclared node %q", i+2, end)
				}
			}
			m.edges = append(m.edges, [2]string{s[1], s[3]})
		case mermaidLinks.MatchString(line):
			s := mermaidLinks.FindStringSubmatch(line)
			for _, n := range strings.Split(s[1], ",") {
				var idx int
				fmt.Sscan(n, &idx)
				m.linkStyle[idx] = s[2]
			}
		case mermaidOther.MatchString(line):
		default:
			t.Errorf("line %d: unexpected %q", i+2, line)
		}
	}
	if depth != 0 {
		t.Errorf("%d subgraphs not ended", depth)
	}
	for i := range m.edges {
		if m.linkStyle[i] == "" {
			t.Errorf("edge %d %v has no linkStyle", i, m.edges[i])
		}
	}
	return m
}

// edge returns the index of the first edge from one node to another, or -1.
func (m mermaid) edge(from, to string) int {
	return slices.Index(m.edges, [2]string{from, to})
}

// stacks returns the names of the stacks drawn, sorted: the first label line of every
// node or group whose ID starts with "stack_", ranges expanded to their ends, StackSet
// instances (which CloudFormation creates, not New) left out.
func (m mermaid) stacks() []string {
	var out []string
	for _, labels := range []map[string]string{m.nodes, m.groups} {
		for id, label := range labels {
			name, _, _ := strings.Cut(label, "<br/>")
			if !strings.HasPrefix(id, "stack_") || strings.HasSuffix(name, "(StackSet instance)") {
				continue
			}
			first, last, isRange := strings.Cut(name, " … ")
			out = append(out, first)
			if isRange {
				out = append(out, last)
			}
		}
	}
	slices.Sort(out)
	return out
}

// dotGraph is what parseDOT reads from a digraph.
type dotGraph struct {
	nodes []string
	edges [][2]string
}

var (
	dotString   = `"((?:[^"\\]|\\.)*)"`
	dotStart    = regexp.MustCompile(`^digraph "landingzone" \{$`)
	dotDefaults = regexp.MustCompile(`^ *(graph|node|edge) \[[^\]]*\];$`)
	dotCluster  = regexp.MustCompile(`^ *subgraph "cluster_[A-Za-z0-9_]+" \{$`)
	dotClusterA = regexp.MustCompile(`^ *label=` + dotString + `; style="rounded"; color="#[0-9a-f]{6}";$`)
	dotNode     = regexp.MustCompile(`^ *` + dotString + ` \[label=` + dotString + `, shape=\w+, style="[a-z,]+", fillcolor="#[0-9a-f]{6}", color="#[0-9a-f]{6}"\];$`)
	dotEdge     = regexp.MustCompile(`^ *` + dotString + ` -> ` + dotString + ` \[label=` + dotString + `, color="#[0-9a-f]{6}", fontcolor="#[0-9a-f]{6}", style=(solid|dashed), penwidth=[0-9.]+\];$`)
)

// parseDOT checks that text is a digraph of the form DiagramDOT writes, every
// statement on its line, clusters balanced and every edge between declared nodes.
func parseDOT(t *testing.T, text string) dotGraph {
	t.Helper()
	var d dotGraph
	var lines []string
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if !strings.HasPrefix(line, "//") {
			lines = append(lines, line)
		}
	}
	if len(lines) < 2 || !dotStart.MatchString(lines[0]) || lines[len(lines)-1] != "}" {
		t.Fatalf("not a digraph named landingzone:\n%s", text)
	}
	declared := map[string]bool{}
	depth := 0
	for i, line := range lines[1 : len(lines)-1] {
		switch {
		case dotDefaults.MatchString(line), dotClusterA.MatchString(line):
		case dotCluster.MatchString(line):
			depth++
		case strings.TrimSpace(line) == "}":
			if depth--; depth < 0 {
				t.Fatalf("line %d: } closes the graph early", i+2)
			}
		case dotNode.MatchString(line):
			id := dotNode.FindStringSubmatch(line)[1]
			if declared[id] {
				t.Errorf("node %q declared twice", id)
			}
			declared[id] = true
			d.nodes = append(d.nodes, id)
		case dotEdge.MatchString(line):
			s := dotEdge.FindStringSubmatch(line)
			if !declared[s[1]] || !declared[s[2]] {
				t.Errorf("line %d: edge between undeclared nodes", i+2)
			}
			d.edges = append(d.edges, [2]string{s[1], s[2]})
		default:
			t.Errorf("line %d: unexpected %q", i+2, line)
		}
	}
	if depth != 0 {
		t.Errorf("%d clusters not closed", depth)
	}
	return d
}

// A configuration still being written draws without panicking, well-formed.
func TestDiagramOfAnIncompleteConfig(t *testing.T) {
	for _, cfg := range []landingzone.Config{{}, {Workloads: []landingzone.Workload{{OU: "Nowhere", VPC: landingzone.VPC{Egress: "transit-gateway"}}}}} {
		parseMermaid(t, landingzone.Diagram(cfg))
		parseDOT(t, landingzone.DiagramDOT(cfg))
	}
}
