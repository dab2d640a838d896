package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/go-landingzone/landingzone/internal/lztest"
)

func TestMain(m *testing.M) { lztest.Main(m) }

// scenario is one app that the benchmark synthesizes.
type scenario struct {
	name string
	// pkg is the Go package of the app, relative to the module root.
	pkg string
}

var scenarios = []scenario{
	{"floor", "./internal/bench/emptyapp"},
	{"reference", "./examples/multi-account"},
}

// BenchmarkSynth measures every scenario, b.N runs each (make bench runs three and
// keeps the median), then prints the summary line.
func BenchmarkSynth(b *testing.B) {
	root := filepath.Join("..", "..")
	context, err := CDKContext(root)
	if err != nil {
		b.Fatal(err)
	}
	bin := b.TempDir()
	medians := map[string]Run{}
	for _, s := range scenarios {
		binary := filepath.Join(bin, s.name)
		build := exec.Command("go", "build", "-o", binary, s.pkg)
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			b.Fatalf("building %s: %v\n%s", s.pkg, err, out)
		}
		b.Run(s.name, func(b *testing.B) {
			var runs []Run
			for i := 0; i < b.N; i++ {
				run, err := Synth(binary, b.TempDir(), context)
				if err != nil {
					b.Fatal(err)
				}
				runs = append(runs, run)
			}
			m := Median(runs)
			medians[s.name] = m
			b.ReportMetric(m.Wall.Seconds(), "s/synth")
			b.ReportMetric(float64(m.PeakRSS)/(1<<20), "MiB-peak-rss")
			b.ReportMetric(0, "ns/op")
		})
	}
	floor, ref := medians["floor"], medians["reference"]
	if floor.Wall == 0 || ref.Wall == 0 {
		return
	}
	fmt.Fprintf(os.Stdout, "bench: floor=%.1fs reference=%.1fs ratio=%.2f rssfloor=%dMiB rssreference=%dMiB\n",
		floor.Wall.Seconds(), ref.Wall.Seconds(), ref.Wall.Seconds()/floor.Wall.Seconds(), floor.PeakRSS>>20, ref.PeakRSS>>20)
}
