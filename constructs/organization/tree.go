package organization

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/go-landingzone/landingzone/internal/check"
)

// ouNamePattern keeps OU names readable in paths and messages: letters, digits,
// spaces, dots, underscores, ampersands and hyphens, starting with a letter or digit.
var ouNamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9 ._&-]*$`)

// OrganizationalUnitProps is one OU of the tree.
type OrganizationalUnitProps struct {
	// Name names the OU; other OUs and accounts refer to it by this name, so it is
	// unique in the tree. 1-128 letters, digits, spaces and ._&-. Required. Renaming an
	// OU replaces it, which AWS refuses while it holds accounts.
	Name string
	// Parent is the name of the parent OU in the tree, or the ID of an OU that exists
	// outside it ("ou-a1b2-c3d4e5f6"). Empty means the root.
	Parent string
}

// plannedOU is an OU whose place in the tree is known.
type plannedOU struct {
	OrganizationalUnitProps
	// path is the chain of names from the root (or the existing parent OU's ID) down,
	// joined by "/"; sorting by it puts parents before their children.
	path string
}

// planTree checks the tree and returns its OUs parents first, in an order that does not
// depend on the order they were given in: the template stays the same when the list is
// reordered. It records every problem, and returns nil when there is one.
func planTree(l *check.List, ous []OrganizationalUnitProps) []plannedOU {
	before := l.Len()
	field := func(i int, f string) string { return fmt.Sprintf("StructureProps.OrganizationalUnits[%d].%s", i, f) }
	index := map[string]int{}
	names := make([]string, len(ous))
	for i, ou := range ous {
		names[i] = ou.Name
		switch {
		case len(ou.Name) > MaxNameLength || !ouNamePattern.MatchString(ou.Name):
			l.Addf(field(i, "Name"), ou.Name, "not an OU name: 1-%d letters, digits, spaces and ._&-, starting with a letter or digit", MaxNameLength)
		case ouIDPattern.MatchString(ou.Name):
			l.Addf(field(i, "Name"), ou.Name, "looks like an OU ID; a name that could be mistaken for a `Parent` ID is refused")
		}
		if _, seen := index[ou.Name]; !seen {
			index[ou.Name] = i
		}
	}
	check.Duplicates(l, "StructureProps.OrganizationalUnits[%d].Name", names)
	for i, ou := range ous {
		if _, known := index[ou.Parent]; ou.Parent != "" && !known && !ouIDPattern.MatchString(ou.Parent) {
			l.Addf(field(i, "Parent"), ou.Parent, "no OU of that name in the tree; want another OU's name, an existing OU's ID (\"ou-a1b2-c3d4e5f6\") or empty for the root")
		}
	}
	paths := walkTree(l, ous, index)
	if l.Len() > before {
		return nil
	}
	planned := make([]plannedOU, len(ous))
	for i, ou := range ous {
		planned[i] = plannedOU{ou, paths[i]}
	}
	slices.SortFunc(planned, func(a, b plannedOU) int { return strings.Compare(a.path, b.path) })
	return planned
}

// walkTree follows every OU's parents up to the root, recording each member of a
// cycle and every OU nested deeper than MaxOUDepth. It returns each OU's path.
func walkTree(l *check.List, ous []OrganizationalUnitProps, index map[string]int) []string {
	paths := make([]string, len(ous))
	reported := map[int]bool{}
	for i := range ous {
		chain := []int{i} // i, its parent, its grandparent...
		for {
			parent := ous[chain[len(chain)-1]].Parent
			j, inTree := index[parent]
			if !inTree {
				// The root, an existing OU or an unknown name (reported above).
				var names []string
				if parent != "" {
					names = append(names, parent)
				}
				for k := len(chain) - 1; k >= 0; k-- {
					names = append(names, ous[chain[k]].Name)
				}
				paths[i] = strings.Join(names, "/")
				if len(chain) > MaxOUDepth {
					l.Addf(fmt.Sprintf("StructureProps.OrganizationalUnits[%d].Parent", i), ous[i].Parent,
						"puts %q %d levels below %s; AWS allows %d", ous[i].Name, len(chain), orRoot(parent), MaxOUDepth)
				}
				break
			}
			if at := slices.Index(chain, j); at >= 0 {
				reportCycle(l, ous, chain[at:], reported)
				break
			}
			chain = append(chain, j)
		}
	}
	return paths
}

// reportCycle records a problem for each member of cycle not yet reported, naming the
// whole cycle from its alphabetically first member.
func reportCycle(l *check.List, ous []OrganizationalUnitProps, cycle []int, reported map[int]bool) {
	if reported[cycle[0]] {
		return
	}
	start := 0
	for k, m := range cycle {
		if ous[m].Name < ous[cycle[start]].Name {
			start = k
		}
	}
	// The chain runs from each OU to its parent, as the message reads.
	var names []string
	for k := range cycle {
		names = append(names, ous[cycle[(start+k)%len(cycle)]].Name)
	}
	names = append(names, names[0])
	members := slices.Clone(cycle)
	slices.Sort(members)
	for _, m := range members {
		reported[m] = true
		l.Addf(fmt.Sprintf("StructureProps.OrganizationalUnits[%d].Parent", m), ous[m].Parent,
			"a cycle of parents, %s; following parents must lead to the root", strings.Join(names, " -> "))
	}
}

func orRoot(parent string) string {
	if parent == "" {
		return "the root"
	}
	return parent
}
