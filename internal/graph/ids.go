package graph

import (
	"fmt"
	"strings"
)

// IDs allocates node and group IDs that are safe in Mermaid and DOT: an ASCII letter,
// then letters, digits and underscores. The zero value is ready to use.
type IDs struct {
	used map[string]bool
}

// mermaidKeywords cannot be node IDs in a Mermaid flowchart.
var mermaidKeywords = map[string]bool{
	"end": true, "graph": true, "flowchart": true, "subgraph": true, "style": true, "class": true,
	"classdef": true, "linkstyle": true, "click": true, "call": true, "href": true, "direction": true,
	"default": true, "interpolate": true, "callback": true,
}

// New returns an ID made of parts: every run of other characters than ASCII letters
// and digits becomes one underscore. The same parts always give the same ID, except
// that an ID already handed out gets a numeric suffix (_2, _3, ...), so that IDs stay
// unique and, for the same sequence of calls, stable.
func (ids *IDs) New(parts ...string) string {
	if ids.used == nil {
		ids.used = map[string]bool{}
	}
	base := Safe(strings.Join(parts, "_"))
	id := base
	for i := 2; ids.used[id]; i++ {
		id = fmt.Sprintf("%s_%d", base, i)
	}
	ids.used[id] = true
	return id
}

// Safe turns s into an identifier: ASCII letters and digits are kept, every run of
// anything else becomes one underscore, leading and trailing underscores go. An ID
// that would be empty, start with a digit, start with "o" or "x" (which Mermaid may
// read as an edge's circle or cross end) or be a Mermaid keyword gets the prefix "n_".
func Safe(s string) string {
	var b strings.Builder
	pending := false
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			if pending && b.Len() > 0 {
				b.WriteByte('_')
			}
			pending = false
			b.WriteRune(r)
			continue
		}
		pending = true
	}
	id := b.String()
	if id == "" || strings.ContainsAny(id[:1], "0123456789oOxX") || mermaidKeywords[strings.ToLower(id)] {
		id = "n_" + id
	}
	return id
}
