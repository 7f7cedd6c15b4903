package site

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/distill-dev/distill/internal/browsertest"
)

// searchResult is what the browser shows of the search page.
type searchResult struct {
	Status string
	Titles []string
	Hrefs  []string
	Marks  int
}

const searchStateJS = `(() => {
	const items = [...document.querySelectorAll("#search-results .post-item-title a")];
	return {
		Status: document.getElementById("search-status").textContent,
		Titles: items.map(a => a.textContent),
		Hrefs: items.map(a => a.getAttribute("href")),
		Marks: document.querySelectorAll("#search-results mark").length,
	};
})()`

// TestSearchPageBrowser runs our search script on the fixture blog, built
// for a project site: the query in the URL is searched on load, typing
// searches again, results link under the baseurl.
func TestSearchPageBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	base := "/myrepo"
	_, mem := buildOnce(t, blogFixture, base)
	mux := http.NewServeMux()
	mux.Handle(base+"/", http.StripPrefix(base, http.FileServerFS(memFS(mem))))
	srv := browsertest.Serve(t, mux)

	// wait polls the page until the status line shows a result count.
	wait := func(want string) searchResult {
		t.Helper()
		var r searchResult
		for range 100 {
			v, err := chromedp.Run(ctx, chromedp.Evaluate[searchResult](searchStateJS))
			if err != nil {
				t.Fatal(err)
			}
			if r = v; strings.Contains(r.Status, want) {
				return r
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Fatalf("status %q, want it to contain %q", r.Status, want)
		return r
	}

	// typeQuery replaces the query by typing, as a reader does.
	typeQuery := func(q string) {
		t.Helper()
		if err := chromedp.Do(ctx,
			chromedp.Evaluate[chromedp.Void](`document.getElementById("search-q").value = ""`),
			chromedp.SendKeys(chromedp.ID("search-q"), q),
		); err != nil {
			t.Fatal(err)
		}
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(srv+base+"/search/?q=gradient")); err != nil {
		t.Fatal(err)
	}
	r := wait("for “gradient”")
	if len(r.Titles) != 1 || r.Titles[0] != "On gradients" || r.Hrefs[0] != base+"/blog/2016/on-gradients/" || r.Marks == 0 {
		t.Errorf("q=gradient: %+v", r)
	}
	// Two words must both match; a heading ("Getting started") and a tag
	// count.
	typeQuery("getting go")
	r = wait("for “getting go”")
	if len(r.Titles) != 1 || r.Titles[0] != "First steps" {
		t.Errorf("q=getting go: %+v", r)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	browsertest.SaveScreenshot(t, "search-page.png", png)
	// Case folds, and the URL follows the query.
	typeQuery("ABOUT")
	r = wait("for “ABOUT”")
	if len(r.Titles) == 0 || r.Titles[0] != "About" {
		t.Errorf("q=ABOUT: %+v", r)
	}
	if loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search`)); err != nil || loc != "?q=ABOUT" {
		t.Errorf("location.search = %q, %v", loc, err)
	}
	typeQuery("zzqx")
	if r = wait("No posts match"); len(r.Titles) != 0 {
		t.Errorf("q=zzqx: %+v", r)
	}
	// Screenshots of the blog pages around it, for review.
	for name, u := range map[string]string{"blog-home.png": "/", "blog-archive-2016.png": "/blog/2016/", "blog-tag.png": "/blog/tag/go/"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv+base+u)); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		browsertest.SaveScreenshot(t, name, png)
	}

	// Related posts at the end of a distill article of the sample site.
	_, sample := buildOnce(t, repoRoot, base)
	smux := http.NewServeMux()
	smux.Handle(base+"/", http.StripPrefix(base, http.FileServerFS(memFS(sample))))
	ssrv := browsertest.Serve(t, smux)
	if err := chromedp.Do(ctx, chromedp.Navigate(ssrv+base+"/blog/2024/a-tour-of-math-and-code/")); err != nil {
		t.Fatal(err)
	}
	width, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(() => {
		const s = document.querySelector("d-appendix .related-list");
		if (!s) return -1;
		s.scrollIntoView({block: "center"});
		return s.getBoundingClientRect().width;
	})()`))
	if err != nil || width < 300 || width > 800 {
		t.Errorf("related posts in the appendix: width %v (want the text column), %v", width, err)
	}
	png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	browsertest.SaveScreenshot(t, "related-posts.png", png)
}
