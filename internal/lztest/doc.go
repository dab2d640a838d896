// Package lztest is the landingzone repository's own test harness: a thin layer over the
// public package landingzonetest, which holds the synthesis, the gates and the golden
// snapshots, plus helpers only this repository needs (bad-input expectations, fuzz
// errors, the StackSets checks, building a command).
//
// Each test package runs its tests through Main:
//
//	func TestMain(m *testing.M) { lztest.Main(m) }
//
// and `go test ./... -update` rewrites the golden snapshots under testdata/.
package lztest
