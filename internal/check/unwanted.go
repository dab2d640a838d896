package check

// Field is a props field, by name, and whether the caller set it.
type Field struct {
	Name string
	Set  bool
}

// Unwanted records reason against every field that is set, naming it prefix+Name: the
// fields that do not apply in the mode the caller chose, such as the settings of a
// resource that is adopted rather than created.
func Unwanted(l *List, prefix, reason string, fields []Field) {
	for _, f := range fields {
		if f.Set {
			l.Addf(prefix+f.Name, nil, "%s", reason)
		}
	}
}
