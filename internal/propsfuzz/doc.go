// Package propsfuzz holds the fuzz target that feeds arbitrary strings and numbers to
// the props validation of every construct family at once (its tests only). The
// network and organization families and ParseConfig have fuzz targets of their own.
package propsfuzz
