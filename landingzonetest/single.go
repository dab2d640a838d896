package landingzonetest

// Single returns the Properties of the only resource of type typ, failing the test
// when the template holds none or several: for assertions on a construct's one policy,
// stream or filter.
func (x *Template) Single(typ string) map[string]any {
	x.t.Helper()
	props := x.Properties(typ)
	if len(props) != 1 {
		x.t.Fatalf("%d resources of type %s, want 1", len(props), typ)
	}
	for _, p := range props {
		return p
	}
	return nil
}
