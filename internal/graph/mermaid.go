package graph

import (
	"fmt"
	"strconv"
	"strings"
)

// mermaidShapes are the opening and closing brackets of each shape.
var mermaidShapes = map[Shape][2]string{
	Box:     {"[", "]"},
	Rounded: {"(", ")"},
	Store:   {"[(", ")]"},
	Outside: {"([", "])"},
	Summary: {"[", "]"},
}

// shapeClasses name the Mermaid class and give the fill and border of each shape, in
// both renderings.
var shapeClasses = []struct {
	shape              Shape
	name, fill, stroke string
	dashed             bool
}{
	{Box, "stack", "#f4f4f4", "#8c8c8c", false},
	{Rounded, "resource", "#e8f1fb", "#4a7ab5", false},
	{Store, "store", "#fff4d6", "#b58a1c", false},
	{Outside, "outside", "#ffffff", "#555555", false},
	{Summary, "summary", "#fafafa", "#8c8c8c", true},
}

// Mermaid renders g as a Mermaid flowchart from left to right.
func (g *Graph) Mermaid() string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	for _, c := range g.Comment {
		fmt.Fprintf(&b, "    %%%% %s\n", c)
	}
	byShape := map[Shape][]string{}
	var group func(gr *Group, indent string)
	group = func(gr *Group, indent string) {
		for _, n := range gr.Nodes {
			sh := mermaidShapes[n.Shape]
			fmt.Fprintf(&b, "%s%s%s\"%s\"%s\n", indent, n.ID, sh[0], mermaidLabel(n.Label), sh[1])
			byShape[n.Shape] = append(byShape[n.Shape], n.ID)
		}
		for _, sub := range gr.Groups {
			fmt.Fprintf(&b, "%ssubgraph %s[\"%s\"]\n", indent, sub.ID, mermaidLabel(sub.Label))
			group(sub, indent+"    ")
			fmt.Fprintf(&b, "%send\n", indent)
		}
	}
	group(&g.Group, "    ")

	links := map[string][]string{}
	for i, e := range g.Edges {
		fmt.Fprintf(&b, "    %s -->|\"%s\"| %s\n", e.From, mermaidText(e.Label), e.To)
		key := e.Style
		if e.Dashed {
			key += "\x00dashed"
		}
		links[key] = append(links[key], strconv.Itoa(i))
	}

	for _, c := range shapeClasses {
		if ids := byShape[c.shape]; len(ids) > 0 {
			dash := ""
			if c.dashed {
				dash = ",stroke-dasharray:4 3"
			}
			fmt.Fprintf(&b, "    classDef %s fill:%s,stroke:%s,color:#222222%s\n", c.name, c.fill, c.stroke, dash)
			fmt.Fprintf(&b, "    class %s %s\n", strings.Join(ids, ","), c.name)
		}
	}
	for _, name := range append([]string{""}, g.StyleOrder...) {
		color := "#555555"
		if s, ok := g.Styles[name]; ok {
			color = s.Color
		}
		for _, dashed := range []bool{false, true} {
			key, extra := name, ""
			if dashed {
				key, extra = name+"\x00dashed", ",stroke-dasharray:6 4"
			}
			if idx := links[key]; len(idx) > 0 {
				fmt.Fprintf(&b, "    linkStyle %s stroke:%s,stroke-width:2px,color:%s%s\n", strings.Join(idx, ","), color, color, extra)
			}
		}
	}
	return b.String()
}

// mermaidLabel joins label lines with line breaks.
func mermaidLabel(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = mermaidText(l)
	}
	return strings.Join(out, "<br/>")
}

// mermaidEntities replaces the characters that would end a quoted label, start an
// entity or open HTML with Mermaid's entity codes.
var mermaidEntities = strings.NewReplacer("#", "#35;", `"`, "#34;", "<", "#60;", ">", "#62;", "|", "#124;", "&", "#38;")

// mermaidText escapes one line of text for a quoted Mermaid label.
func mermaidText(s string) string { return mermaidEntities.Replace(s) }
