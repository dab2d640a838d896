package graph_test

import (
	"strings"
	"testing"

	"github.com/go-landingzone/landingzone/internal/graph"
	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

func TestSafe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"payments-prod", "payments_prod"},
		{"Workloads / Prod", "Workloads_Prod"},
		{"--a--b--", "a_b"},
		{"", "n_"},
		{"123", "n_123"},
		{"ou_Prod", "n_ou_Prod"},
		{"x", "n_x"},
		{"end", "n_end"},
		{"End", "n_End"},
		{"subgraph", "n_subgraph"},
		{"Zürich", "Z_rich"},
		{"a\"b<c>", "a_b_c"},
	} {
		if got := graph.Safe(tc.in); got != tc.want {
			t.Errorf("Safe(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIDsAreUniqueAndStable(t *testing.T) {
	var ids graph.IDs
	got := []string{ids.New("wl", "a-b"), ids.New("wl", "a_b"), ids.New("wl", "a b"), ids.New("stack", "a")}
	want := []string{"wl_a_b", "wl_a_b_2", "wl_a_b_3", "stack_a"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("IDs = %v, want %v", got, want)
	}
}

// sample is a graph with a group in a group, every shape, two edge styles and text
// that needs escaping.
func sample() *graph.Graph {
	g := &graph.Graph{Name: "sample", Comment: []string{"a sample"}}
	g.AddStyle("red", graph.Style{Color: "#ff0000"})
	g.AddStyle("blue", graph.Style{Color: "#0000ff"})
	g.AddNode("net", graph.Outside, "the internet")
	acct := g.AddGroup("acct", "account", "111111111111")
	stack := acct.AddGroup("stack", "Stack-1")
	stack.AddNode("res", graph.Rounded, `say "hi" <b> | #1 & more`)
	stack.AddNode("db", graph.Store, "bucket")
	acct.AddNode("spare", graph.Box, "Other-1", "summary")
	acct.AddNode("more", graph.Summary, "+3 more")
	g.AddEdge("res", "db", "red", "1 write")
	g.AddEdge("db", "net", "blue", `2 "quoted"`)
	g.Edges = append(g.Edges, graph.Edge{From: "more", To: "net", Style: "red", Label: "1 later", Dashed: true})
	return g
}

func TestMermaid(t *testing.T) {
	got := sample().Mermaid()
	for _, want := range []string{
		"flowchart LR\n    %% a sample\n",
		`    net(["the internet"])`,
		`    subgraph acct["account<br/>111111111111"]`,
		`        subgraph stack["Stack-1"]`,
		`            res("say #34;hi#34; #60;b#62; #124; #35;1 #38; more")`,
		`            db[("bucket")]`,
		`        spare["Other-1<br/>summary"]`,
		`    res -->|"1 write"| db`,
		`    db -->|"2 #34;quoted#34;"| net`,
		"    class spare stack\n",
		"    class more summary\n",
		"    linkStyle 0 stroke:#ff0000,stroke-width:2px,color:#ff0000\n",
		"    linkStyle 2 stroke:#ff0000,stroke-width:2px,color:#ff0000,stroke-dasharray:6 4\n",
		"    linkStyle 1 stroke:#0000ff,",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Mermaid lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "subgraph ") != strings.Count(got, "end\n") {
		t.Errorf("subgraph and end do not pair:\n%s", got)
	}
}

func TestDOT(t *testing.T) {
	got := sample().DOT()
	for _, want := range []string{
		"// a sample\ndigraph \"sample\" {\n",
		`"net" [label="the internet", shape=ellipse`,
		`subgraph "cluster_acct" {`,
		`label="account\n111111111111";`,
		`subgraph "cluster_stack" {`,
		`"res" [label="say \"hi\" <b> | #1 & more"`,
		`"db" [label="bucket", shape=cylinder`,
		`"more" [label="+3 more", shape=box, style="dashed,filled"`,
		`"res" -> "db" [label="1 write", color="#ff0000"`,
		`"db" -> "net" [label="2 \"quoted\"", color="#0000ff"`,
		`"more" -> "net" [label="1 later", color="#ff0000", fontcolor="#ff0000", style=dashed`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("DOT lacks %q:\n%s", want, got)
		}
	}
	if !strings.HasSuffix(got, "}\n") || strings.Count(got, "{") != strings.Count(got, "}") {
		t.Errorf("DOT braces do not balance:\n%s", got)
	}
}

func TestCheck(t *testing.T) {
	if err := sample().Check(); err != nil {
		t.Fatalf("Check(sample) = %v", err)
	}
	for _, tc := range []struct {
		name   string
		change func(*graph.Graph)
		want   string
	}{
		{"node twice", func(g *graph.Graph) { g.AddNode("res", graph.Box, "again") }, `node ID "res" already used by a node`},
		{"group as node", func(g *graph.Graph) { g.AddNode("stack", graph.Box, "clash") }, `ID "stack" already used`},
		{"unsafe", func(g *graph.Graph) { g.AddNode("a-b", graph.Box, "x") }, `node ID "a-b" is not a safe identifier`},
		{"keyword", func(g *graph.Graph) { g.AddNode("end", graph.Box, "x") }, `node ID "end" is not a safe identifier`},
		{"dangling edge", func(g *graph.Graph) { g.AddEdge("res", "nowhere", "red", "x") }, `no node "nowhere"`},
		{"edge to group", func(g *graph.Graph) { g.AddEdge("res", "acct", "red", "x") }, `no node "acct"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := sample()
			tc.change(g)
			if err := g.Check(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Check = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestEmptyGraph(t *testing.T) {
	g := &graph.Graph{}
	if got := g.Mermaid(); got != "flowchart LR\n" {
		t.Errorf("Mermaid of nothing = %q", got)
	}
	if got := g.DOT(); !strings.HasPrefix(got, `digraph "graph" {`) || !strings.HasSuffix(got, "}\n") {
		t.Errorf("DOT of nothing = %q", got)
	}
}
