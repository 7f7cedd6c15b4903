package site

import (
	"context"
	"os"
	"testing"

	"github.com/distill-dev/distill/internal/output"
)

// BenchmarkBuildSample builds the sample site (content/) into memory.
// DISTILL_BENCH_SITE=/path builds another site instead, e.g. a corpus from
// ../shared/bench/gencorpus.
func BenchmarkBuildSample(b *testing.B) {
	root := repoRoot
	if s := os.Getenv("DISTILL_BENCH_SITE"); s != "" {
		root = s
	}
	opt := Options{FS: os.DirFS(root), Minify: true, Now: fixedNow}
	for b.Loop() {
		res, err := NewBuilder().Build(context.Background(), opt, output.NewMem())
		if err != nil || res.Diags.HasErrors() {
			b.Fatal(err, res.Diags)
		}
	}
}
