// Package bench measures how fast the landing zone synthesizes, as `make bench` runs
// it. Each scenario is a compiled CDK app run as `cdk synth` would run it (a process
// with CDK_OUTDIR and the context of cdk.json and cdk.context.json); its wall time and
// the peak resident memory of its process tree (the Go program and its Node runtime)
// are measured. The benchmark ends with one summary line:
//
//	bench: floor=3.7s reference=5.1s ratio=1.38
//
// where floor is an app without stacks: the cost of starting jsii, which no CDK Go
// app avoids.
package bench
