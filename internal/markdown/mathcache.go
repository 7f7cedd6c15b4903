package markdown

// The math cache: identical formulas are converted once per process. Posts
// repeat formulas ($x$, $\theta$, the loss written out again), a site
// repeats them across posts, and `distill serve` rebuilds the same posts
// again and again, so every build worker looks a formula up before it
// converts it.
//
// A formula's MathML depends on its TeX, on display versus inline style and
// on the macros in force, so the key holds the three; the macros as a
// fingerprint (mathMacros in mathrender.go), "" for none, which is what
// most documents have and lets them share every entry. Equation numbers
// and references are not in the cached value: mathml leaves slots for them
// that each document fills in (Result.WithNumbers, ResolveRefs).
//
// The cache is bounded by bytes. It is split into shards, each behind its
// own mutex so that workers rarely wait for each other, and a shard that
// outgrows its share is emptied: cheap, and a site's distinct formulas
// (about a kilobyte of MathML each) rarely fill it.

import (
	"hash/maphash"
	"sync"

	"github.com/distill-dev/distill/internal/mathml"
)

const (
	mathCacheShards = 32
	mathCacheBytes  = 128 << 20 // whole cache
	mathEntryBytes  = 96        // bookkeeping per entry, for the bound
)

// mathConvert is the converter; tests count its calls.
var mathConvert = mathml.Convert

// mathKey identifies a conversion.
type mathKey struct {
	tex     string
	display bool
	macros  string // fingerprint of the macro set, "" for none
}

// mathEntry is a finished conversion, shared read-only by every document
// that uses the formula.
type mathEntry struct {
	res mathml.Result
	err error
}

type mathShard struct {
	mu    sync.Mutex
	m     map[mathKey]*mathEntry
	bytes int
}

// mathCache maps formulas to their conversion. It is safe for concurrent
// use.
type mathCache struct {
	seed   maphash.Seed
	limit  int // bytes per shard
	shards [mathCacheShards]mathShard
}

func newMathCache(totalBytes int) *mathCache {
	return &mathCache{seed: maphash.MakeSeed(), limit: totalBytes / mathCacheShards}
}

// formulas is the process-wide cache.
var formulas = newMathCache(mathCacheBytes)

// convert returns the conversion of k, from the cache or by converting it
// and remembering the result. Two workers missing the same formula at once
// both convert it; the results are identical.
func (c *mathCache) convert(k mathKey, macros *mathml.Macros) (mathml.Result, error) {
	sh := &c.shards[maphash.String(c.seed, k.tex)%mathCacheShards]
	sh.mu.Lock()
	e, ok := sh.m[k]
	sh.mu.Unlock()
	if ok {
		return e.res, e.err
	}
	res, err := mathConvert(k.tex, mathml.Options{Display: k.display, Macros: macros})
	e = &mathEntry{res: res, err: err}
	size := mathEntryBytes + len(k.tex) + len(k.macros) + len(res.MathML)
	if size > c.limit {
		return res, err
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if _, ok := sh.m[k]; ok {
		return res, err // another worker stored it meanwhile
	}
	if sh.m == nil || sh.bytes+size > c.limit {
		sh.m, sh.bytes = map[mathKey]*mathEntry{}, 0
	}
	sh.m[k] = e
	sh.bytes += size
	return res, err
}

// len returns the number of cached formulas.
func (c *mathCache) len() int {
	n := 0
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		n += len(sh.m)
		sh.mu.Unlock()
	}
	return n
}
