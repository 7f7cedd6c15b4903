package mathml

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// formula is one piece of math found in a markdown post.
type formula struct {
	file    string
	line    int
	tex     string
	display bool
}

var (
	fenceRE    = regexp.MustCompile("^\\s*(```|~~~)")
	codeSpanRE = regexp.MustCompile("`+[^`]*`+")
	envRE      = regexp.MustCompile(`(?s)\\begin\{(equation\*?|align\*?|gather\*?|multline\*?|eqnarray\*?)\}.*?\\end\{(equation\*?|align\*?|gather\*?|multline\*?|eqnarray\*?)\}`)
)

// extractFormulas finds $…$, $$…$$ and bare \begin{equation}… outside code,
// the way a kramdown/MathJax site would see them.
func extractFormulas(file, src string) []formula {
	var out []formula
	lines := strings.Split(src, "\n")
	inFence, inFront := false, len(lines) > 0 && lines[0] == "---"
	var prose strings.Builder
	lineOf := []int{}
	for i, l := range lines {
		switch {
		case inFront:
			if i > 0 && l == "---" {
				inFront = false
			}
			l = ""
		case fenceRE.MatchString(l):
			inFence = !inFence
			l = ""
		case inFence:
			l = ""
		}
		l = codeSpanRE.ReplaceAllStringFunc(l, func(s string) string { return strings.Repeat(" ", len(s)) })
		prose.WriteString(l + "\n")
		for range len(l) + 1 {
			lineOf = append(lineOf, i+1)
		}
	}
	text := prose.String()
	for i := 0; i < len(text); i++ {
		if strings.HasPrefix(text[i:], `\begin{`) {
			if m := envRE.FindStringIndex(text[i:]); m != nil && m[0] == 0 {
				out = append(out, formula{file, lineOf[i], text[i : i+m[1]], true})
				i += m[1] - 1
				continue
			}
		}
		if text[i] == '\\' {
			i++
			continue
		}
		if text[i] != '$' {
			continue
		}
		display := strings.HasPrefix(text[i:], "$$")
		delim := map[bool]string{true: "$$", false: "$"}[display]
		start := i + len(delim)
		end := strings.Index(text[start:], delim)
		if end < 0 || (!display && strings.Contains(text[start:start+end], "\n")) {
			i = start - 1
			continue
		}
		out = append(out, formula{file, lineOf[i], text[start : start+end], display})
		i = start + end + len(delim) - 1
	}
	return out
}

func corpusFormulas(t *testing.T, dirs ...string) []formula {
	t.Helper()
	var all []formula
	for _, dir := range dirs {
		files, err := filepath.Glob(filepath.Join(dir, "*.md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, extractFormulas(f, string(data))...)
		}
	}
	return all
}

// TestCorpus converts every formula of the al-folio sample posts, the seed
// post and a generated sample; MATHML_CORPUS names more directories.
func TestCorpus(t *testing.T) {
	dirs := []string{"testdata/corpus/al-folio", "testdata/corpus/gen"}
	if extra := os.Getenv("MATHML_CORPUS"); extra != "" {
		dirs = append(dirs, filepath.SplitList(extra)...)
	}
	all := corpusFormulas(t, dirs...)
	if len(all) < 100 {
		t.Fatalf("only %d formulas found; is the extractor broken?", len(all))
	}
	failed := 0
	for _, f := range all {
		m := NewMacros()
		m.Collect(f.tex)
		if _, err := Convert(f.tex, Options{Display: f.display, Macros: m}); err != nil {
			failed++
			t.Logf("%s:%d: %v\n\t%s", f.file, f.line, err, f.tex)
		}
	}
	rate := 1 - float64(failed)/float64(len(all))
	t.Logf("%d formulas, %d failed (%.2f%% converted)", len(all), failed, 100*rate)
	if rate < 0.995 {
		t.Errorf("only %.2f%% of the corpus converts, want ≥ 99.5%%", 100*rate)
	}
}

func TestExtractFormulas(t *testing.T) {
	src := "---\ntitle: $x$\n---\nA $a$ and $$b$$ but `$c$` and\n```\n$d$\n```\n$$\ne\n$$\nprice $5 only\n\\begin{equation}f\\end{equation}\n"
	got := extractFormulas("x.md", src)
	var texs []string
	for _, f := range got {
		texs = append(texs, f.tex)
	}
	want := []string{"a", "b", "\ne\n", `\begin{equation}f\end{equation}`}
	if strings.Join(texs, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", texs, want)
	}
}

// TestRealFormulas converts formulas typical of real posts; all must pass.
func TestRealFormulas(t *testing.T) {
	data, err := os.ReadFile("testdata/real.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, block := range strings.Split(string(data), "\n\n") {
		if strings.HasPrefix(block, "#") {
			continue
		}
		tex, display := block, false
		if rest, ok := strings.CutPrefix(block, "display\n"); ok {
			tex, display = rest, true
		}
		m := NewMacros()
		m.Collect(tex)
		if _, err := Convert(tex, Options{Display: display, Macros: m}); err != nil {
			t.Errorf("%v\n\t%s", err, tex)
		}
	}
}
