// Package graph is a small directed graph of labelled nodes in nested groups, rendered
// as a Mermaid flowchart or as Graphviz DOT. The landing-zone diagram builds one; the
// package knows nothing of AWS.
//
// Both renderings are deterministic: nodes, groups and edges come out in the order
// they were added, and IDs are safe identifiers in both languages (see IDs).
package graph

import "fmt"

// Shape says what a node stands for; each rendering draws and colours it alike.
type Shape int

const (
	// Box is a deployable unit, such as a CloudFormation stack.
	Box Shape = iota
	// Rounded is a resource that data passes through.
	Rounded
	// Store is where data rests: a bucket, log groups.
	Store
	// Outside is outside the system: people, the internet, API callers.
	Outside
	// Summary stands for many things not drawn one by one.
	Summary
)

// Node is one box of the graph.
type Node struct {
	// ID identifies the node; an edge names it. Allocate it with IDs.
	ID string
	// Label is the node's text, one entry per line.
	Label []string
	Shape Shape
}

// Group holds nodes and further groups: an account, a stack. The zero value is an
// empty group.
type Group struct {
	// ID identifies the group. Allocate it with IDs.
	ID string
	// Label is the group's title, one entry per line.
	Label  []string
	Nodes  []*Node
	Groups []*Group
}

// AddNode adds a node to g and returns it.
func (g *Group) AddNode(id string, shape Shape, label ...string) *Node {
	n := &Node{ID: id, Label: label, Shape: shape}
	g.Nodes = append(g.Nodes, n)
	return n
}

// AddGroup adds a group to g and returns it.
func (g *Group) AddGroup(id string, label ...string) *Group {
	sub := &Group{ID: id, Label: label}
	g.Groups = append(g.Groups, sub)
	return sub
}

// Empty reports whether g holds neither nodes nor groups.
func (g *Group) Empty() bool { return len(g.Nodes) == 0 && len(g.Groups) == 0 }

// Style is how the edges of one kind are drawn.
type Style struct {
	// Color is an RGB colour such as "#1f77b4".
	Color string
}

// Edge is a labelled arrow from one node to another.
type Edge struct {
	From, To string
	Label    string
	// Style names an entry of Graph.Styles. Empty means the renderer's default.
	Style string
	// Dashed draws something that does not flow yet.
	Dashed bool
}

// Graph is a whole diagram: its top-level nodes and groups, the edges between nodes
// and the styles of the edges.
type Graph struct {
	// Name names the DOT graph. Empty means "graph".
	Name string
	// Comment lines start the rendering (Mermaid %% and DOT // comments).
	Comment []string
	Group
	Edges []Edge
	// Styles maps Edge.Style to its look.
	Styles map[string]Style
	// StyleOrder lists the keys of Styles in the order their edges are styled.
	StyleOrder []string
}

// AddEdge adds an edge of style from one node to another.
func (g *Graph) AddEdge(from, to, style, label string) {
	g.Edges = append(g.Edges, Edge{From: from, To: to, Style: style, Label: label})
}

// AddStyle registers an edge style.
func (g *Graph) AddStyle(name string, s Style) {
	if g.Styles == nil {
		g.Styles = map[string]Style{}
	}
	if _, ok := g.Styles[name]; !ok {
		g.StyleOrder = append(g.StyleOrder, name)
	}
	g.Styles[name] = s
}

// Check reports the first of these mistakes: an ID used twice (by nodes or groups), an
// ID that Safe would change, or an edge whose end is no node.
func (g *Graph) Check() error {
	kinds := map[string]string{}
	var walk func(*Group) error
	walk = func(gr *Group) error {
		ids := make([][2]string, 0, len(gr.Nodes)+len(gr.Groups))
		for _, n := range gr.Nodes {
			ids = append(ids, [2]string{"node", n.ID})
		}
		for _, sub := range gr.Groups {
			ids = append(ids, [2]string{"group", sub.ID})
		}
		for _, id := range ids {
			switch {
			case kinds[id[1]] != "":
				return fmt.Errorf("graph: %s ID %q already used by a %s", id[0], id[1], kinds[id[1]])
			case Safe(id[1]) != id[1]:
				return fmt.Errorf("graph: %s ID %q is not a safe identifier", id[0], id[1])
			}
			kinds[id[1]] = id[0]
		}
		for _, sub := range gr.Groups {
			if err := walk(sub); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(&g.Group); err != nil {
		return err
	}
	for _, e := range g.Edges {
		for _, end := range []string{e.From, e.To} {
			if kinds[end] != "node" {
				return fmt.Errorf("graph: edge %s -> %s: no node %q", e.From, e.To, end)
			}
		}
	}
	return nil
}
