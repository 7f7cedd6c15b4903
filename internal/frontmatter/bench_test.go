package frontmatter

import (
	"os"
	"testing"
)

func BenchmarkSplitParseSeed(b *testing.B) {
	src, err := os.ReadFile("testdata/corpus/seed-2016-09-07-on-optimization-in-deep-learning.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		y, _, _, _, _ := Split(src)
		if _, ds := Parse("seed.md", 1, y); len(ds) != 0 {
			b.Fatal(ds)
		}
	}
}

func BenchmarkSplit(b *testing.B) {
	src, err := os.ReadFile("testdata/corpus/2018-12-22-distill.md")
	if err != nil {
		b.Fatal(err)
	}
	src = append(src, make([]byte, 20000)...) // a body after the block
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Split(src)
	}
}
