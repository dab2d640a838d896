package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/go-landingzone/landingzone/internal/cfnlimits"
)

// Assembly describes the templates of one synthesized cloud assembly.
type Assembly struct {
	Templates int
	// MaxResources and MaxBytes are those of the largest template by each measure.
	MaxResources int
	MaxBytes     int
}

// MeasureAssembly reads every template in the cloud assembly directory dir and in its
// nested assemblies, the stages of a pipeline (assembly-<stage>/).
func MeasureAssembly(dir string) (Assembly, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.template.json"))
	if err != nil {
		return Assembly{}, err
	}
	nested, err := filepath.Glob(filepath.Join(dir, "assembly-*", "*.template.json"))
	if err != nil {
		return Assembly{}, err
	}
	files = append(files, nested...)
	a := Assembly{Templates: len(files)}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return a, err
		}
		s, err := cfnlimits.Measure(raw)
		if err != nil {
			return a, fmt.Errorf("%s: %w", filepath.Base(f), err)
		}
		a.MaxResources = max(a.MaxResources, s.Resources)
		a.MaxBytes = max(a.MaxBytes, s.Bytes)
	}
	return a, nil
}

// Result is the measurement of one scenario.
type Result struct {
	Name      string
	Workloads int
	Run
	Assembly
}

// find returns the result named name, or a zero Result.
func find(results []Result, name string) Result {
	for _, r := range results {
		if r.Name == name {
			return r
		}
	}
	return Result{}
}

// Summary is the one line make bench ends with.
func Summary(results []Result) string {
	floor, ref, big := find(results, "floor"), find(results, "reference"), find(results, "accounts500")
	var maxRes, maxBytes int
	for _, r := range results {
		maxRes, maxBytes = max(maxRes, r.MaxResources), max(maxBytes, r.MaxBytes)
	}
	ratio := 0.0
	if floor.Wall > 0 {
		ratio = ref.Wall.Seconds() / floor.Wall.Seconds()
	}
	return fmt.Sprintf("bench: floor=%.1fs reference=%.1fs ratio=%.2f synth500=%.1fs rss500=%dMiB maxresources=%d maxbytes=%d",
		floor.Wall.Seconds(), ref.Wall.Seconds(), ratio, big.Wall.Seconds(), big.PeakRSS>>20, maxRes, maxBytes)
}

// Markdown renders the results as the table of BENCHMARKS.md.
func Markdown(results []Result, machine string) string {
	var b strings.Builder
	b.WriteString("# Benchmarks\n\nWritten by `make bench` (internal/bench); rerun it to refresh. Each app is compiled, then run as `cdk synth` runs it; wall time is the median of the runs, peak RSS the largest resident memory of the app's process tree (Go and Node) seen while it ran.\n\n")
	b.WriteString("Machine: " + machine + "\n\n")
	b.WriteString("| scenario | workload accounts | synth seconds | peak RSS MiB | templates | largest template resources | largest template bytes |\n|---|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range results {
		fmt.Fprintf(&b, "| %s | %d | %.1f | %d | %d | %d | %d |\n", r.Name, r.Workloads, r.Wall.Seconds(), r.PeakRSS>>20, r.Templates, r.MaxResources, r.MaxBytes)
	}
	b.WriteString("\n```\n" + Summary(results) + "\n```\n")
	return b.String()
}

// Markers delimit the part of BENCHMARKS.md that make bench rewrites; the text around
// them, such as the analysis, is kept.
const (
	beginMarker = "<!-- make bench writes from here -->\n"
	endMarker   = "<!-- to here -->\n"
)

// Splice returns the file text existing with the part between the markers replaced by
// table; without markers, table followed by existing.
func Splice(existing, table string) string {
	block := beginMarker + table + endMarker
	begin, end := strings.Index(existing, beginMarker), strings.Index(existing, endMarker)
	if begin < 0 || end < begin {
		return block + existing
	}
	return existing[:begin] + block + existing[end+len(endMarker):]
}

// Machine describes the computer the benchmark ran on.
func Machine() string {
	cpu := "unknown CPU"
	if info, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(info), "\n") {
			if name, ok := strings.CutPrefix(line, "model name"); ok {
				cpu = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name), ":"))
				break
			}
		}
	}
	mem := ""
	if info, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int
		fmt.Sscanf(strings.SplitN(string(info), "\n", 2)[0], "MemTotal: %d kB", &kb)
		mem = fmt.Sprintf(", %.0f GiB", float64(kb)/(1<<20))
	}
	node, _ := exec.Command("node", "--version").Output()
	return fmt.Sprintf("%s, %d cores%s, %s, Node %s", cpu, runtime.NumCPU(), mem, runtime.Version(), strings.TrimSpace(string(node)))
}
