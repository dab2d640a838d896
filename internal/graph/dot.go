package graph

import (
	"fmt"
	"strings"
)

// dotShapes are the Graphviz shape and style of each Shape.
var dotShapes = map[Shape][2]string{
	Box:     {"box", "filled"},
	Rounded: {"box", "rounded,filled"},
	Store:   {"cylinder", "filled"},
	Outside: {"ellipse", "filled"},
	Summary: {"box", "dashed,filled"},
}

// DOT renders g as a Graphviz digraph from left to right; groups become clusters.
func (g *Graph) DOT() string {
	var b strings.Builder
	for _, c := range g.Comment {
		fmt.Fprintf(&b, "// %s\n", c)
	}
	name := g.Name
	if name == "" {
		name = "graph"
	}
	fmt.Fprintf(&b, "digraph %s {\n", dotQuote(name))
	b.WriteString("    graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, nodesep=0.3, ranksep=0.6];\n")
	b.WriteString("    node [fontname=\"Helvetica\", fontsize=10, color=\"#555555\"];\n")
	b.WriteString("    edge [fontname=\"Helvetica\", fontsize=9];\n")
	fills := map[Shape][2]string{}
	for _, c := range shapeClasses {
		fills[c.shape] = [2]string{c.fill, c.stroke}
	}
	var group func(gr *Group, indent string)
	group = func(gr *Group, indent string) {
		for _, n := range gr.Nodes {
			sh, fill := dotShapes[n.Shape], fills[n.Shape]
			fmt.Fprintf(&b, "%s%s [label=%s, shape=%s, style=%s, fillcolor=%s, color=%s];\n",
				indent, dotQuote(n.ID), dotLabel(n.Label), sh[0], dotQuote(sh[1]), dotQuote(fill[0]), dotQuote(fill[1]))
		}
		for _, sub := range gr.Groups {
			fmt.Fprintf(&b, "%ssubgraph %s {\n", indent, dotQuote("cluster_"+sub.ID))
			fmt.Fprintf(&b, "%s    label=%s; style=\"rounded\"; color=\"#999999\";\n", indent, dotLabel(sub.Label))
			group(sub, indent+"    ")
			fmt.Fprintf(&b, "%s}\n", indent)
		}
	}
	group(&g.Group, "    ")
	for _, e := range g.Edges {
		color := "#555555"
		if s, ok := g.Styles[e.Style]; ok {
			color = s.Color
		}
		style := "solid"
		if e.Dashed {
			style = "dashed"
		}
		fmt.Fprintf(&b, "    %s -> %s [label=%s, color=%s, fontcolor=%s, style=%s, penwidth=1.5];\n",
			dotQuote(e.From), dotQuote(e.To), dotQuote(e.Label), dotQuote(color), dotQuote(color), style)
	}
	b.WriteString("}\n")
	return b.String()
}

// dotQuote returns s as a DOT string literal.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// dotLabel returns the lines as one DOT string, each line centred.
func dotLabel(lines []string) string {
	return dotQuote(strings.Join(lines, "\n"))
}
