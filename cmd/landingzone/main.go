// Command landingzone validates, plans, draws and checks a landing zone without
// deploying it, for a platform team's CI and pre-commit hooks:
//
//	landingzone validate FILE...      every mistake of each configuration, file:line:column
//	landingzone plan FILE             its stacks by account and region, what it awaits, its first deploy and waves
//	landingzone diagram [-format mermaid|dot] FILE
//	landingzone schema                the configuration's JSON Schema
//	landingzone check [-config FILE] [-format text|json|junit] DIR
//	                                  the template gates over any cloud assembly (cdk.out)
//	landingzone diff OLD NEW          the stateful resources that moving from OLD to NEW would replace
//
// validate, plan, diagram and schema need no Node.js and no AWS credentials. check needs
// the npm package @cdklabs/cdk-validator-cfnguard for its Control Tower gate, and with
// -config, like diff, the AWS CDK (jsii starts Node.js). Exit status: 0 when all is well,
// 1 when a configuration, a gate or a diff finds a problem, 2 on a usage error or an
// unreadable input.
//
// Install it with `go install github.com/go-landingzone/landingzone/cmd/landingzone@<version>`.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/aws/jsii-runtime-go"
)

// Exit statuses.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

func main() {
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	jsii.Close() // a no-op unless check -config or diff started the runtime
	os.Exit(code)
}

// run executes one command line and returns its exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	commands := map[string]func([]string, io.Writer, io.Writer) int{
		"validate": validate, "plan": plan, "diagram": diagram, "schema": schema, "check": check, "diff": diff,
	}
	cmd, ok := commands[args[0]]
	if !ok {
		if args[0] != "-h" && args[0] != "-help" && args[0] != "help" {
			fmt.Fprintf(stderr, "landingzone: unknown command %q\n", args[0])
		}
		usage(stderr)
		return exitUsage
	}
	return cmd(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage: landingzone COMMAND [flags] ARGS
commands:
  validate FILE...                report every mistake of each configuration
  plan FILE                       print the stacks, what the configuration awaits, the first deploy and the waves
  diagram [-format mermaid|dot] FILE
  schema                          print the configuration's JSON Schema
  check [-config FILE] [-format text|json|junit] DIR
                                  run the template gates over a cloud assembly (cdk.out)
  diff OLD NEW                    list the stateful resources the change from OLD to NEW would replace
`)
}
