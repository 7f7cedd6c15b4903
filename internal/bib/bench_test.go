package bib

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"testing"
)

var keyRe = regexp.MustCompile(`(?m)^(@[A-Za-z]+[{(])([^,\s]+),`)

// benchSource repeats testdata/features.bib, with fresh keys, n times.
func benchSource(b *testing.B, n int) []byte {
	src, err := os.ReadFile("testdata/features.bib")
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	for i := range n {
		buf.Write(keyRe.ReplaceAll(src, fmt.Appendf(nil, "${1}${2}_%d,", i)))
	}
	return buf.Bytes()
}

func BenchmarkParse(b *testing.B) {
	src := benchSource(b, 100) // about 1,100 entries, 400 kB
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse("bench.bib", src)
	}
}

func BenchmarkReferenceHTML(b *testing.B) {
	lib, _ := Parse("bench.bib", benchSource(b, 1))
	b.ReportAllocs()
	for b.Loop() {
		for _, k := range lib.Keys {
			_ = lib.Entries[k].ReferenceHTML()
		}
	}
}
