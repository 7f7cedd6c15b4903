package bib

import (
	"strings"
	"testing"
)

// entry parses a single-entry snippet with key "k".
func entry(t *testing.T, fields string) *Entry {
	t.Helper()
	lib, diags := Parse("t.bib", []byte("@article{k,\n"+fields+"\n}"))
	if len(diags) > 0 || lib.Lookup("k") == nil {
		t.Fatalf("bad test entry %q: %v", fields, diagStrings(diags))
	}
	return lib.Lookup("k")
}

func TestReferenceHTML(t *testing.T) {
	tests := []struct{ name, fields, want string }{
		{"distill article",
			`title={DRAW}, author={Gregor, Karol and Rezende, Danilo Jimenez}, journal={arXiv preprint}, year={2015}, url={https://arxiv.org/pdf/1502.04623.pdf}`,
			`<span class="title">DRAW</span>  &ensp;<a href="https://arxiv.org/pdf/1502.04623.pdf">[PDF]</a><br>Gregor, K. and Rezende, D.J., 2015. arXiv preprint.`},
		{"arxiv abstract link becomes pdf",
			`title={T}, url={http://arxiv.org/abs/1406.2572}`,
			`<span class="title">T</span>  &ensp;<a href="https://arxiv.org/pdf/1406.2572.pdf">[PDF]</a><br>`},
		{"html label", `title={T}, url={https://distill.pub/a.html}`,
			`<span class="title">T</span>  &ensp;<a href="https://distill.pub/a.html">[HTML]</a><br>`},
		{"volume number pages publisher",
			`title={T}, author={A B}, journal={J}, volume={3}, number={2}, pages={1--10}, publisher={P}, year={2000}`,
			`<span class="title">T</span> <br>B, A., 2000. J, Vol 3(2), pp. 1–10. P.`},
		{"issue preferred to number", `title={T}, journal={J}, volume={3}, issue={7}, number={2}`,
			`<span class="title">T</span> <br>J, Vol 3(7).`},
		{"booktitle venue", `title={T}, booktitle={ICML}, year={2020}`,
			`<span class="title">T</span> <br>2020. ICML.`},
		{"volume without venue", `title={T}, volume={3}`,
			`<span class="title">T</span> <br>Vol 3.`},
		{"doi", `title={T}, doi={https://doi.org/10.1/x<y}`,
			`<span class="title">T</span> <br> <a href="https://doi.org/10.1/x%3Cy" style="text-decoration:inherit;">DOI: 10.1/x&lt;y</a>`},
		{"html escaped", `title={<script>alert(1)</script> \& co}, author={O'Brien, Pat}`,
			`<span class="title">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</span> <br>O&#39;Brien, P.`},
		{"javascript url dropped", `title={T}, url={javascript:alert(1)}`,
			`<span class="title">T</span> <br>`},
		{"attribute quotes escaped", `title={T}, url={https://a.org/"onmouseover="x}`,
			`<span class="title">T</span>  &ensp;<a href="https://a.org/&#34;onmouseover=&#34;x">[link]</a><br>`},
		{"arxiv eprint link and venue", `title={T}, eprint={2303.08774}, archivePrefix={arXiv}`,
			`<span class="title">T</span>  &ensp;<a href="https://arxiv.org/pdf/2303.08774.pdf">[PDF]</a><br>arXiv preprint arXiv:2303.08774.`},
		{"and others", `title={T}, author={Gregor, Karol and others}, year={2015}`,
			`<span class="title">T</span> <br>Gregor, K., et al., 2015.`},
		{"editors when no authors", `title={T}, editor={Smith, John and Doe, Jane}, year={2015}`,
			`<span class="title">T</span> <br>Smith, J. and Doe, J. (Eds.), 2015.`},
		{"single editor", `title={T}, editor={Smith, John}`,
			`<span class="title">T</span> <br>Smith, J. (Ed.).`},
		{"corporate author", `title={T}, author={{OpenAI Team}}, year={2023}`,
			`<span class="title">T</span> <br>OpenAI Team, 2023.`},
		{"hyphenated and abbreviated first names", `title={T}, author={Serre, Jean-Pierre and Rezende, D.J.}`,
			`<span class="title">T</span> <br>Serre, J.-P. and Rezende, D.J.`},
		{"von kept with last", `title={T}, author={van der Maaten, Laurens}`,
			`<span class="title">T</span> <br>van der Maaten, L.`},
		{"date instead of year", `title={T}, author={A B}, date={2021-05-01}`,
			`<span class="title">T</span> <br>B, A., 2021.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := entry(t, tt.fields).ReferenceHTML(); got != tt.want {
				t.Errorf("ReferenceHTML()\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestHoverHTML(t *testing.T) {
	tests := []struct{ name, fields, want string }{
		{"linked title, long lines",
			`title={DRAW: A recurrent neural network for image generation}, author={Gregor, Karol and Graves, Alex}, journal={arXiv preprint}, year={2015}, url={https://a.org/x}`,
			`<strong><a href="https://a.org/x">DRAW: A recurrent neural network for image generation</a></strong><br>K. Gregor, A. Graves.<br>arXiv preprint. 2015.`},
		{"short lines share one", `title={A rather long title for the card}, author={Li, Yu}, year={2015}`,
			`<strong>A rather long title for the card</strong><br>Y. Li. 2015.`},
		{"doi link", `title={T}, doi={10.1/x}`,
			`<strong><a href="https://doi.org/10.1/x">T</a></strong>`},
		{"escaped", `title={a < b}, author={{AT\&T}}`,
			`<strong>a &lt; b</strong><br>AT&amp;T.`},
		{"others", `title={T}, author={Gregor, Karol and others}`,
			`<strong>T</strong><br>K. Gregor, et al.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := entry(t, tt.fields).HoverHTML(); got != tt.want {
				t.Errorf("HoverHTML()\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestShortAuthors(t *testing.T) {
	tests := []struct{ name, fields, want string }{
		{"one", `author={Dauphin, Yann}`, "Dauphin"},
		{"two", `author={Dauphin, Yann and Bengio, Yoshua}`, "Dauphin and Bengio"},
		{"three", `author={Yann Dauphin and Razvan Pascanu and Yoshua Bengio}`, "Dauphin et al."},
		{"one and others", `author={Dauphin, Yann and others}`, "Dauphin et al."},
		{"von", `author={van der Maaten, Laurens}`, "van der Maaten"},
		{"corporate", `author={{OpenAI Team}}`, "OpenAI Team"},
		{"editors stand in", `editor={Smith, John}`, "Smith"},
		{"none", `title={T}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := entry(t, tt.fields).ShortAuthors(); got != tt.want {
				t.Errorf("ShortAuthors() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestYearAndURL(t *testing.T) {
	tests := []struct{ name, fields, year, url string }{
		{"year and url", `year={2015}, url={https://a.org}`, "2015", "https://a.org"},
		{"biblatex date", `date={2020-03-14}`, "2020", ""},
		{"url beats doi", `url={https://a.org}, doi={10.1/x}`, "", "https://a.org"},
		{"doi", `doi={10.1000/xyz}`, "", "https://doi.org/10.1000/xyz"},
		{"doi with resolver prefix", `doi={https://dx.doi.org/10.1000/xyz}`, "", "https://doi.org/10.1000/xyz"},
		{"doi with doi: prefix", `doi={doi:10.1000/xyz}`, "", "https://doi.org/10.1000/xyz"},
		{"arxiv eprint", `eprint={1406.2572}, archiveprefix={arXiv}`, "", "https://arxiv.org/abs/1406.2572"},
		{"arxiv eprinttype", `eprint={hep-th/9901001}, eprinttype={arxiv}`, "", "https://arxiv.org/abs/hep-th/9901001"},
		{"bare arxiv id", `eprint={2303.08774v2}`, "", "https://arxiv.org/abs/2303.08774v2"},
		{"other eprint ignored", `eprint={12345}, eprinttype={pubmed}`, "", ""},
		{"nothing", `title={T}`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := entry(t, tt.fields)
			if got := e.Year(); got != tt.year {
				t.Errorf("Year() = %q, want %q", got, tt.year)
			}
			if got := e.URL(); got != tt.url {
				t.Errorf("URL() = %q, want %q", got, tt.url)
			}
		})
	}
}

func TestNilEntryField(t *testing.T) {
	var e *Entry
	if e.Field("title") != "" || e.Year() != "" || e.URL() != "" || e.ShortAuthors() != "" {
		t.Error("nil entry has data")
	}
	if e.ReferenceHTML() != "?" || e.HoverHTML() != "?" {
		t.Error("nil entry should format as ?")
	}
	var l *Library
	if l.Lookup("x") != nil {
		t.Error("nil library has an entry")
	}
}

func TestInitials(t *testing.T) {
	for in, want := range map[string]string{
		"Danilo Jimenez": "D.J.", "Jean-Pierre": "J.-P.", "D.J.": "D.J.", "": "", "Émile": "É.", "{}": "",
	} {
		if got := initials(in); got != want {
			t.Errorf("initials(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReferenceHTMLHasNoRawMarkupFromFields(t *testing.T) {
	e := entry(t, `title={<b>}, author={<i>, <u>}, journal={<s>}, publisher={<p>}, year={<y>}, pages={<g>}, volume={<v>}`)
	for _, s := range []string{e.ReferenceHTML(), e.HoverHTML()} {
		for _, tag := range []string{"<b>", "<i>", "<u>", "<s>", "<p>", "<y>", "<g>", "<v>"} {
			if strings.Contains(s, tag) {
				t.Errorf("%s leaks %s", s, tag)
			}
		}
	}
}
