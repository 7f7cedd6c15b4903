package liquid

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

func testEnv() Env {
	return Env{
		File:       "_posts/2024-01-01-x.md",
		LineOffset: 4,
		FS: fstest.MapFS{
			"_includes/hello.liquid": {Data: []byte(`<b>Hello {{ include.name }} from {{ site.title }}</b>`)},
			"_includes/self.liquid":  {Data: []byte(`{% include self.liquid %}`)},
			"_includes/broken.html":  {Data: []byte(`{% if %}`)},
			"assets/img/a.png":       {Data: []byte("png")},
		},
		Site: map[string]any{"title": "Lab", "baseurl": "/repo"},
		Page: map[string]any{"title": "X", "date": time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), "tags": []any{"a", "b"}},
		URLOf: func(rel string) (string, bool) {
			switch rel {
			case "_posts/2018-12-22-distill.md":
				return "/blog/2021/distill/", true
			case "_pages/about.md":
				return "/", true
			}
			return "", false
		},
		Highlight: func(lang, code string) string {
			return "<hl " + lang + ">" + strings.ReplaceAll(code, "<", "&lt;") + "</hl>"
		},
	}
}

func run(src string) *Result {
	return New(Options{BaseURL: "/repo", URL: "https://lab.org"}).Render([]byte(src), testEnv())
}

// TestRender is the specification of each tag and filter: input, the
// exact output, and the warnings (line:kind:message fragment).
func TestRender(t *testing.T) {
	tests := []struct {
		name, src, want string
		diags           []string
	}{
		{name: "no Liquid is returned as is", src: "a {b} %}\n", want: "a {b} %}\n"},
		{name: "site and page variables", src: "{{ site.title }} {{ page.title }} {{ site.baseurl }}", want: "Lab X /repo"},
		{name: "relative_url", src: "{{ '/a.json' | relative_url }} {{ 'a.json' | relative_url }} {{ '/repo/a' | relative_url }}", want: "/repo/a.json /repo/a.json /repo/a"},
		{name: "absolute_url", src: "{{ '/a' | absolute_url }} {{ 'https://x.org/a' | absolute_url }}", want: "https://lab.org/repo/a https://x.org/a"},
		{name: "Jekyll filters", src: `{{ "Hello, World!" | slugify }} {{ "<a>" | xml_escape }} {{ page.tags | array_to_sentence_string }} {{ page.date | date_to_string }} {{ "a b c" | number_of_words }} {{ page.tags | jsonify }}`,
			want: `hello-world &lt;a&gt; a and b 01 Jan 2024 3 ["a","b"]`},
		{name: "standard Liquid", src: "{% assign xs = 'c,a,b' | split: ',' | sort %}{% for x in xs %}{{ x | upcase }}{% unless forloop.last %},{% endunless %}{% endfor %}", want: "A,B,C"},
		{name: "raw", src: "{% raw %}{{ x }} {% if %}{% endraw %}", want: "{{ x }} {% if %}"},
		{name: "raw with extra spaces", src: "{% raw  %}{{ x }}{% endraw  %}", want: "{{ x }}"},
		{name: "unclosed raw keeps the rest as text", src: "{% raw %}{{ x }}", want: "{{ x }}", diags: []string{"5:liquid:never closed"}},
		{name: "comment", src: "a{% comment %}{% nosuch %}{% endcomment %}b", want: "ab"},
		{name: "highlight", src: "{% highlight python %}\n\nx < 1\n\n{% endhighlight %}", want: `<pre class="code chroma language-python" data-lang="python"><code><hl python>x &lt; 1` + "\n</hl></code></pre>"},
		{name: "highlight linenos", src: "{% highlight c++ linenos %}\na\nb\n{% endhighlight %}",
			want: `<pre class="code chroma language-c++ linenos" data-lang="c++"><code><span class="code-line"><hl c++>a</span>` + "\n" + `<span class="code-line">b</span>` + "\n" + `<span class="code-line"></hl></span>` + "\n</code></pre>"},
		{name: "figure.liquid", src: `{% include figure.liquid path="assets/img/a.png" class="img-fluid" zoomable=true caption="Cap" %}`,
			want: `<figure><picture><img src="/repo/assets/img/a.png" class="img-fluid" data-zoomable></picture><figcaption class="caption">Cap</figcaption></figure>`},
		{name: "figure params: variables, single quotes, escapes, false", src: `{% assign p = "x.png" %}{% include figure.html path=p alt='it''s' title="say \"hi\"" zoomable=false url="https://x.org/y.png" %}`,
			want: `<figure><picture><img src="/repo/x.png" alt="it" title="say &#34;hi&#34;"></picture></figure>`},
		{name: "figure with an absolute path", src: `{% include figure.liquid path="https://x.org/a.png" %}`, want: `<figure><picture><img src="https://x.org/a.png"></picture></figure>`},
		{name: "include name from a variable", src: `{% assign f = "figure.liquid" %}{% include {{ f }} path="a.png" %}`, want: `<figure><picture><img src="/repo/a.png"></picture></figure>`},
		{name: "video file", src: `{% include video.liquid path="assets/v.webm" controls=true %}`, want: `<figure><video src="/repo/assets/v.webm" controls></video></figure>`},
		{name: "video embed", src: `{% include video.html path="https://player.vimeo.com/video/1?h=2" %}`,
			want: `<figure><iframe src="https://player.vimeo.com/video/1?h=2" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" allowfullscreen loading="lazy"></iframe></figure>`},
		{name: "audio", src: `{% include audio.liquid path="a.mp3" loop=true %}`, want: `<figure><audio src="/repo/a.mp3" loop></audio></figure>`},
		{name: "site include", src: `{% include hello.liquid name="Ada" %}`, want: `<b>Hello Ada from Lab</b>`},
		{name: "recursive include", src: `{% include self.liquid %}`, want: ``, diags: []string{"1:include:nests more than"}}, // at line 1 of the include
		{name: "broken include", src: `x{% include broken.html %}`, want: `x`, diags: []string{"5:include:include \"broken.html\""}},
		{name: "unknown include", src: "a\n{% include nope.html %}", want: "a\n", diags: []string{`6:include:unknown include "nope.html"`}},
		{name: "post_url", src: "{% post_url 2018-12-22-distill %}", want: "/repo/blog/2021/distill/"},
		{name: "post_url missing", src: "{% post_url 1999-01-01-nope %}", want: "#", diags: []string{"5:liquid:no such post"}},
		{name: "link", src: "{% link _pages/about.md %} {% link assets/img/a.png %}", want: "/repo/ /repo/assets/img/a.png"},
		{name: "link missing", src: "{% link nope.md %}", want: "#", diags: []string{"5:liquid:no such file"}},
		{name: "file_exists", src: "{% file_exists assets/img/a.png %} {% file_exists /assets/nope %}", want: "true false"},
		{name: "details", src: "{% details Click *me* %}\nbody\n{% enddetails %}", want: "<details><summary>Click <em>me</em></summary>\n\nbody\n\n</details>"},
		{name: "details summary spans", src: "{% details **a** `<b>` _c_ snake_case %}{% enddetails %}", want: "<details><summary><strong>a</strong> <code>&lt;b&gt;</code> <em>c</em> snake_case</summary>\n\n\n\n</details>"},
		{name: "cite", src: "{% cite a b --file x %}", want: `<d-cite key="a,b"></d-cite>`},
		{name: "reference", src: "{% reference a %}", want: `<d-cite key="a"></d-cite>`, diags: []string{"5:cite:shown as a citation"}},
		{name: "quote", src: "{% quote k %}\nline 1\n\nline 2\n{% endquote %}", want: "> line 1\n>\n> line 2\n>\n> <cite><d-cite key=\"k\"></d-cite></cite>\n"},
		{name: "tabs", src: "{% tabs g %}\n{% tab g one %}\nA\n{% endtab %}\n{% tab g two %}\nB\n{% endtab %}\n{% endtabs %}",
			want: `<div class="tabs" id="tabs-g-1">` + "\n" +
				`<input type="radio" class="tab-input" name="tabs-g-1" id="tabs-g-1-1" checked><label class="tab-label" for="tabs-g-1-1">one</label>` +
				`<input type="radio" class="tab-input" name="tabs-g-1" id="tabs-g-1-2"><label class="tab-label" for="tabs-g-1-2">two</label>` + "\n" +
				`<div class="tab-panel" data-label="one">` + "\n\nA\n\n</div>\n\n" + `<div class="tab-panel" data-label="two">` + "\n\nB\n\n</div>\n</div>"},
		{name: "twitter", src: "{% twitter https://twitter.com/x/status/1 maxwidth=500 %}", want: `<blockquote class="twitter-tweet"><p><a href="https://twitter.com/x/status/1">https://twitter.com/x/status/1</a></p></blockquote>`,
			diags: []string{"5:liquid:Twitter API"}},
		{name: "unknown tag", src: "a\n{% jupyter_notebook x.ipynb %}\nb", want: "a\n\nb", diags: []string{"6:liquid:unknown Liquid tag {% jupyter_notebook %}"}},
		{name: "unknown block keeps its body", src: "{% mermaid %}\nx\n{% endmermaid %}", want: "\nx\n", diags: []string{"5:liquid:{% mermaid %}"}},
		{name: "unknown tag in a branch not taken is silent", src: "{% if false %}{% nosuch %}{% endif %}ok", want: "ok"},
		{name: "undefined variable renders empty", src: "<p>{{myName}}</p>", want: "<p></p>", diags: []string{"5:liquid:{{myName}} names no variable"}},
		{name: "assigned variables are defined", src: "{% assign n = 2 %}{% capture c %}x{% endcapture %}{{ n }}{{ c }}", want: "2x"},
		{name: "invalid expression stays text", src: `$\frac{{a+}}{b}$`, want: `$\frac{{a+}}{b}$`, diags: []string{"5:liquid:is not a Liquid expression"}},
		{name: "stray end tag", src: "a\n{% endif %}\nb", want: "a\n\nb", diags: []string{"6:liquid:"}},
		{name: "unclosed block", src: "a\n{% if true %}\nb", want: "a\n\nb", diags: []string{"6:liquid:unterminated"}},
		{name: "unknown filter", src: "{{ 'a' | bust_file_cache }} b", want: " b", diags: []string{"5:liquid:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(tt.src)
			if got := string(res.Body); got != tt.want {
				t.Errorf("output\n got: %q\nwant: %q", got, tt.want)
			}
			var got []string
			for _, d := range res.Diags {
				got = append(got, fmt.Sprintf("%d:%s:%s", d.Line, d.Kind, d.Msg))
			}
			if len(got) != len(tt.diags) {
				t.Fatalf("diags = %q, want %q", got, tt.diags)
			}
			for i, w := range tt.diags {
				line, rest, _ := strings.Cut(w, ":")
				kind, frag, _ := strings.Cut(rest, ":")
				if !strings.HasPrefix(got[i], line+":"+kind+":") || !strings.Contains(got[i], frag) {
					t.Errorf("diag %d = %q, want %q", i, got[i], w)
				}
			}
		})
	}
}

// TestLines checks the map from output lines to file lines.
func TestLines(t *testing.T) {
	tests := []struct {
		name, src string
		want      []int // file line of each output line
	}{
		{"unchanged", "a\n{{ 'x' }}\nb\n", []int{5, 6, 7, 8}},
		// Inside a loop lines count on from the loop's; after it they are exact again.
		{"a block that grows", "a\n{% for i in (1..3) %}\n{{ i }}\n{% endfor %}\nb\n", []int{5, 6, 7, 8, 9, 10, 11, 12, 9, 10}},
		{"a block that shrinks", "a\n{% capture x %}\n1\n2\n{% endcapture %}\nb\n", []int{5, 6, 10, 11}},
		{"raw keeps lines", "{% raw %}\n{{ a }}\n{% endraw %}\nb", []int{5, 6, 7, 8}},
		{"trim markers", "a\n{%- assign x = 1 -%}\nb\nc", []int{5, 8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(tt.src)
			if len(res.Lines) != len(tt.want) || fmt.Sprint(res.Lines) != fmt.Sprint(tt.want) {
				t.Errorf("lines of %q = %v, want %v", res.Body, res.Lines, tt.want)
			}
			if n := strings.Count(string(res.Body), "\n") + 1; n != len(res.Lines) {
				t.Errorf("%d output lines, %d line numbers", n, len(res.Lines))
			}
		})
	}
}

// TestConcurrent renders with one engine from many goroutines (run with
// -race).
func TestConcurrent(t *testing.T) {
	en := New(Options{BaseURL: "/b"})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			src := fmt.Sprintf("{%% assign n = %d %%}{{ n }} {%% include figure.liquid path=\"a.png\" %%}{%% tabs t %%}{%% tab t a %%}x{%% endtab %%}{%% endtabs %%}", i)
			res := en.Render([]byte(src), testEnv())
			if !strings.HasPrefix(string(res.Body), fmt.Sprint(i)+" <figure>") {
				t.Errorf("render %d: %q", i, res.Body)
			}
		})
	}
	wg.Wait()
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, mode, want string }{
		{"Hello, World!", "", "hello-world"},
		{"  The _config.yml file ", "", "the-config-yml-file"},
		{"Ünïcödé text", "", "ünïcödé-text"},
		{"a.b c", "pretty", "a.b-c"},
		{"a b", "raw", "a-b"},
		{"As Is", "none", "As Is"},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in, tt.mode); got != tt.want {
			t.Errorf("Slugify(%q, %q) = %q, want %q", tt.in, tt.mode, got, tt.want)
		}
	}
}

// FuzzRender: any input renders without a panic, and the line map covers
// every output line.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"{% raw %}{{ x }}{% endraw %}", "{% if a %}{% else %}{% endif %}", "{{ a | relative_url }}",
		"{% include figure.liquid path=\"a\" %}", "{% highlight go linenos %}\nx\n{% endhighlight %}",
		"{% tabs a %}{% tab a b %}c{% endtab %}{% endtabs %}", "{% details x %}y{% enddetails %}",
		"{%- raw -%}{{-", "{{ }}", "{% for %}", "{% endraw %}", "$\\frac{{a}}{b}$", "{% cite a %}{% quote b %}x{% endquote %}",
	} {
		f.Add(s)
	}
	en := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		res := en.Render([]byte(src), testEnv())
		if res.Lines != nil && strings.Count(string(res.Body), "\n")+1 != len(res.Lines) {
			t.Errorf("%d output lines, %d line numbers", strings.Count(string(res.Body), "\n")+1, len(res.Lines))
		}
	})
}
