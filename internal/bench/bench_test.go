package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// zones are the Availability Zones the generated accounts see.
var zones = []string{"eu-west-1a", "eu-west-1b", "eu-west-1c"}

// scenario is one app that the benchmark synthesizes.
type scenario struct {
	name string
	// pkg is the Go package of the app, relative to the module root.
	pkg string
	// workloads, when positive, makes the app synthesize a generated landing zone
	// with that many workload accounts instead of its own configuration.
	workloads int
	// runs is how many times it is measured; the median counts.
	runs int
}

var scenarios = []scenario{
	{name: "floor", pkg: "./internal/bench/emptyapp", runs: 3},
	{name: "reference", pkg: "./examples/multi-account", runs: 3},
	{name: "accounts10", pkg: "./examples/multi-account", workloads: 10, runs: 3},
	{name: "accounts100", pkg: "./examples/multi-account", workloads: 100, runs: 1},
	{name: "accounts500", pkg: "./examples/multi-account", workloads: 500, runs: 1},
}

// BenchmarkSynth measures every scenario, writes the table to BENCHMARKS.md when
// LZ_BENCH_WRITE is set, and prints the summary line. Run it with -benchtime 1x: the
// scenarios decide their own repetitions.
func BenchmarkSynth(b *testing.B) {
	root := filepath.Join("..", "..")
	base, err := CDKContext(root)
	if err != nil {
		b.Fatal(err)
	}
	bin := b.TempDir()
	var results []Result
	for _, s := range scenarios {
		binary := filepath.Join(bin, filepath.Base(s.pkg))
		if _, err := os.Stat(binary); err != nil {
			build := exec.Command("go", "build", "-o", binary, s.pkg)
			build.Dir = root
			if out, err := build.CombinedOutput(); err != nil {
				b.Fatalf("building %s: %v\n%s", s.pkg, err, out)
			}
		}
		context, env := base, []string(nil)
		if s.workloads > 0 {
			context, env = generated(b, s.workloads, base)
		}
		b.Run(s.name, func(b *testing.B) {
			r := Result{Name: s.name, Workloads: s.workloads}
			var runs []Run
			for range s.runs {
				out := b.TempDir()
				run, err := SynthEnv(binary, out, context, env)
				if err != nil {
					b.Fatal(err)
				}
				runs = append(runs, run)
				if r.Assembly, err = MeasureAssembly(out); err != nil {
					b.Fatal(err)
				}
			}
			r.Run = Median(runs)
			results = append(results, r)
			b.ReportMetric(r.Wall.Seconds(), "s/synth")
			b.ReportMetric(float64(r.PeakRSS)/(1<<20), "MiB-peak-rss")
			b.ReportMetric(float64(r.Templates), "templates")
			b.ReportMetric(0, "ns/op")
		})
	}
	if len(results) != len(scenarios) {
		return
	}
	if os.Getenv("LZ_BENCH_WRITE") != "" {
		path := filepath.Join(root, "BENCHMARKS.md")
		existing, err := os.ReadFile(path)
		if err != nil && !os.IsNotExist(err) {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(Splice(string(existing), Markdown(results, Machine()))), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	fmt.Println(Summary(results))
}

// generated writes a configuration of n workload accounts and returns the context and
// environment that make the reference app synthesize it.
func generated(b *testing.B, n int, base map[string]any) (map[string]any, []string) {
	cfg := GenerateConfig(n, "eu-west-1")
	raw, err := json.Marshal(cfg)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), fmt.Sprintf("landingzone-%d.json", n))
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		b.Fatal(err)
	}
	context := map[string]any{}
	for k, v := range base {
		context[k] = v
	}
	for k, v := range ZoneContext(cfg, zones) {
		context[k] = v
	}
	return context, []string{"LANDINGZONE_CONFIG=" + path}
}
