package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Run is the measurement of one synthesis.
type Run struct {
	Wall time.Duration
	// PeakRSS is the largest sum of resident memory of the app and its descendants
	// seen while it ran, in bytes.
	PeakRSS uint64
}

// SynthEnv runs the app binary as the CDK CLI would, writing the cloud assembly to
// outdir with the given context and extra environment variables, and measures it.
func SynthEnv(binary, outdir string, context map[string]any, env []string) (Run, error) {
	ctx, err := json.Marshal(context)
	if err != nil {
		return Run{}, err
	}
	cmd := exec.Command(binary)
	cmd.Env = append(append(os.Environ(), "CDK_OUTDIR="+outdir, "CDK_CONTEXT_JSON="+string(ctx)), env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return Run{}, err
	}
	peak := make(chan uint64, 1)
	done := make(chan struct{})
	go func() { peak <- samplePeakRSS(cmd.Process.Pid, done) }()
	err = cmd.Wait()
	wall := time.Since(start)
	close(done)
	run := Run{Wall: wall, PeakRSS: <-peak}
	if err != nil {
		return run, fmt.Errorf("%s: %v\n%s", filepath.Base(binary), err, stderr.String())
	}
	return run, nil
}

// sampleInterval is how often the process tree's memory is read.
const sampleInterval = 20 * time.Millisecond

// samplePeakRSS reads the resident memory of root and its descendants until done is
// closed, and returns the largest total seen.
func samplePeakRSS(root int, done <-chan struct{}) uint64 {
	var peak uint64
	ticker := time.NewTicker(sampleInterval)
	defer ticker.Stop()
	for {
		if rss := treeRSS(root); rss > peak {
			peak = rss
		}
		select {
		case <-done:
			return peak
		case <-ticker.C:
		}
	}
}

var pageSize = uint64(os.Getpagesize())

// treeRSS sums the resident memory of pid and all its descendants, from /proc.
func treeRSS(root int) uint64 {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	parent := map[int]int{}
	rss := map[int]uint64{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// The command name may hold spaces; the fields after its closing ')' do not.
		fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		if len(fields) < 22 {
			continue
		}
		ppid, _ := strconv.Atoi(fields[1])
		pages, _ := strconv.ParseUint(fields[21], 10, 64)
		parent[pid] = ppid
		rss[pid] = pages * pageSize
	}
	var total uint64
	for pid, r := range rss {
		for p := pid; p > 1; p = parent[p] {
			if p == root {
				total += r
				break
			}
		}
	}
	return total
}

// Median returns the run with the median wall time of runs, which must not be empty.
func Median(runs []Run) Run {
	sorted := append([]Run(nil), runs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Wall < sorted[j].Wall })
	return sorted[len(sorted)/2]
}

var (
	contextOnce sync.Once
	cdkContext  map[string]any
	contextErr  error
)

// CDKContext returns the context the CDK CLI passes to an app of this repository: the
// "context" of cdk.json, the cached lookups of cdk.context.json, and version reporting
// off as cdk.json asks.
func CDKContext(root string) (map[string]any, error) {
	contextOnce.Do(func() {
		cdkContext = map[string]any{}
		var cdk struct {
			Context map[string]any `json:"context"`
		}
		b, err := os.ReadFile(filepath.Join(root, "cdk.json"))
		if err == nil {
			err = json.Unmarshal(b, &cdk)
		}
		if err != nil {
			contextErr = err
			return
		}
		for k, v := range cdk.Context {
			cdkContext[k] = v
		}
		if b, err := os.ReadFile(filepath.Join(root, "cdk.context.json")); err == nil {
			if err := json.Unmarshal(b, &cdkContext); err != nil {
				contextErr = err
				return
			}
		}
		cdkContext["aws:cdk:version-reporting"] = false
	})
	return cdkContext, contextErr
}
