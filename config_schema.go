package landingzone

import _ "embed"

// schema is the JSON Schema of Config, generated from the types and their doc comments
// by TestSchemaIsCurrent (go test -update rewrites it).
//
//go:embed landingzone.schema.json
var schema []byte

// Schema returns the JSON Schema of the configuration file, for editors that complete
// and check it (the YAML language server reads a "# yaml-language-server: $schema="
// comment) and for CI checks of configuration changes.
func Schema() []byte {
	return append([]byte(nil), schema...)
}
