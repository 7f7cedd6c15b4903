package site

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/distill-dev/distill/internal/output"
)

// The validators below check what each specification requires of a feed,
// on every feed a build writes (the blog's and each tag's).

// validateAtom checks RFC 4287: feed id, title, updated and an author
// (on the feed or every entry); entry id, title, updated and an alternate
// link; ids are absolute IRIs, dates RFC 3339.
func validateAtom(b []byte) []string {
	type text struct {
		Type string `xml:"type,attr"`
		Body string `xml:",chardata"`
	}
	var f struct {
		XMLName xml.Name
		ID      string     `xml:"id"`
		Title   string     `xml:"title"`
		Updated string     `xml:"updated"`
		Authors []string   `xml:"author>name"`
		Links   []atomLink `xml:"link"`
		Entries []struct {
			ID      string     `xml:"id"`
			Title   string     `xml:"title"`
			Updated string     `xml:"updated"`
			Authors []string   `xml:"author>name"`
			Links   []atomLink `xml:"link"`
			Content text       `xml:"content"`
		} `xml:"entry"`
	}
	var errs []string
	fail := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	if err := xml.Unmarshal(b, &f); err != nil {
		return []string{err.Error()}
	}
	if f.XMLName.Space != "http://www.w3.org/2005/Atom" || f.XMLName.Local != "feed" {
		fail("root is %v, want Atom feed", f.XMLName)
	}
	if !absolute(f.ID) || f.Title == "" || !rfc3339(f.Updated) {
		fail("feed id %q, title %q, updated %q", f.ID, f.Title, f.Updated)
	}
	if !hasLink(f.Links, "self") {
		fail("feed has no absolute rel=self link")
	}
	for i, e := range f.Entries {
		if !absolute(e.ID) || e.Title == "" || !rfc3339(e.Updated) {
			fail("entry %d: id %q, title %q, updated %q", i, e.ID, e.Title, e.Updated)
		}
		if len(f.Authors) == 0 && len(e.Authors) == 0 {
			fail("entry %d has no author and neither has the feed", i)
		}
		if !hasLink(e.Links, "alternate") {
			fail("entry %d has no absolute alternate link", i)
		}
		if e.Content.Type != "html" || strings.TrimSpace(e.Content.Body) == "" {
			fail("entry %d: content type %q, %d bytes", i, e.Content.Type, len(e.Content.Body))
		}
	}
	return errs
}

// validateRSS checks RSS 2.0: channel title, link and description; each
// item a title or a description, a guid (a permalink here), an RFC 822
// pubDate; the full text in content:encoded.
func validateRSS(b []byte) []string {
	var r struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel struct {
			// Self comes before Link: the decoder gives an element to
			// the first field that matches, and "link" matches any
			// namespace.
			Self struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
			} `xml:"http://www.w3.org/2005/Atom link"`
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			Description string `xml:"description"`
			Items       []struct {
				Title       string `xml:"title"`
				Link        string `xml:"link"`
				Description string `xml:"description"`
				GUID        struct {
					PermaLink string `xml:"isPermaLink,attr"`
					Value     string `xml:",chardata"`
				} `xml:"guid"`
				PubDate string `xml:"pubDate"`
				Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	var errs []string
	fail := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	if err := xml.Unmarshal(b, &r); err != nil {
		return []string{err.Error()}
	}
	c := r.Channel
	if r.Version != "2.0" || c.Title == "" || !absolute(c.Link) || c.Description == "" {
		fail("version %q, channel title %q, link %q, description %q", r.Version, c.Title, c.Link, c.Description)
	}
	if c.Self.Rel != "self" || !absolute(c.Self.Href) {
		fail("no atom:link rel=self: %+v", c.Self)
	}
	for i, it := range c.Items {
		if it.Title == "" && it.Description == "" {
			fail("item %d has neither title nor description", i)
		}
		if it.GUID.Value == "" || (it.GUID.PermaLink != "false" && !absolute(it.GUID.Value)) {
			fail("item %d: guid %+v", i, it.GUID)
		}
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			fail("item %d: pubDate %q: %v", i, it.PubDate, err)
		}
		if !absolute(it.Link) || strings.TrimSpace(it.Content) == "" {
			fail("item %d: link %q, %d bytes of content:encoded", i, it.Link, len(it.Content))
		}
	}
	return errs
}

// validateJSONFeed checks JSON Feed 1.1: version, title, items with an id
// and content_html (or content_text); URLs absolute, dates RFC 3339.
func validateJSONFeed(b []byte) []string {
	var f struct {
		Version     string           `json:"version"`
		Title       string           `json:"title"`
		HomePageURL string           `json:"home_page_url"`
		FeedURL     string           `json:"feed_url"`
		Items       []map[string]any `json:"items"`
	}
	var errs []string
	fail := func(format string, a ...any) { errs = append(errs, fmt.Sprintf(format, a...)) }
	if err := json.Unmarshal(b, &f); err != nil {
		return []string{err.Error()}
	}
	if f.Version != "https://jsonfeed.org/version/1.1" || f.Title == "" || !absolute(f.HomePageURL) || !absolute(f.FeedURL) {
		fail("version %q, title %q, home_page_url %q, feed_url %q", f.Version, f.Title, f.HomePageURL, f.FeedURL)
	}
	if f.Items == nil {
		fail("no items array")
	}
	for i, it := range f.Items {
		id, _ := it["id"].(string)
		html, hasHTML := it["content_html"].(string)
		_, hasText := it["content_text"].(string)
		if id == "" || !(hasHTML || hasText) || (hasHTML && strings.TrimSpace(html) == "") {
			fail("item %d: id %q, content_html %v", i, id, hasHTML)
		}
		for _, k := range []string{"url", "external_url", "image"} {
			if u, ok := it[k].(string); ok && !absolute(u) {
				fail("item %d: %s %q is not absolute", i, k, u)
			}
		}
		for _, k := range []string{"date_published", "date_modified"} {
			if d, ok := it[k].(string); ok && !rfc3339(d) {
				fail("item %d: %s %q", i, k, d)
			}
		}
	}
	return errs
}

func absolute(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "https" || p.Scheme == "http") && p.Host != ""
}

func rfc3339(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

func hasLink(links []atomLink, rel string) bool {
	for _, l := range links {
		if l.Rel == rel && absolute(l.Href) {
			return true
		}
	}
	return false
}

// TestFeedsValid validates every feed of the fixture blog and of the
// sample site against its specification.
func TestFeedsValid(t *testing.T) {
	_, blog := buildOnce(t, blogFixture, "")
	_, sample := buildOnce(t, repoRoot, "/myrepo")
	validators := map[string]func([]byte) []string{AtomFile: validateAtom, RSSFile: validateRSS, JSONFile: validateJSONFeed}
	n := 0
	for _, mem := range []*output.Mem{blog, sample} {
		for _, f := range feedFiles(mem) {
			n++
			name := f[strings.LastIndexByte(f, '/')+1:]
			for _, e := range validators[name]([]byte(get(t, mem, f))) {
				t.Errorf("%s: %s", f, e)
			}
		}
	}
	if n < 12 {
		t.Errorf("only %d feeds validated", n)
	}
}

// TestFeedValidatorsFail: the validators reject feeds that miss what the
// specifications require.
func TestFeedValidatorsFail(t *testing.T) {
	tests := []struct {
		name string
		fn   func([]byte) []string
		doc  string
	}{
		{"atom without updated", validateAtom, `<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x.org/</id><title>T</title><link rel="self" href="https://x.org/feed.xml"/></feed>`},
		{"atom entry without id", validateAtom, `<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x.org/</id><title>T</title><updated>2020-01-01T00:00:00Z</updated><author><name>A</name></author><link rel="self" href="https://x.org/f"/><entry><title>E</title><updated>2020-01-01T00:00:00Z</updated><link rel="alternate" href="https://x.org/e"/><content type="html">x</content></entry></feed>`},
		{"rss without description", validateRSS, `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title><link>https://x.org/</link><atom:link rel="self" href="https://x.org/rss.xml"/></channel></rss>`},
		{"rss item without guid", validateRSS, `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><link>https://x.org/</link><description>D</description><atom:link rel="self" href="https://x.org/rss.xml"/><item><title>I</title><link>https://x.org/i</link><pubDate>Mon, 02 Jan 2006 15:04:05 -0700</pubDate><content:encoded>x</content:encoded></item></channel></rss>`},
		{"json feed 1.0", validateJSONFeed, `{"version":"https://jsonfeed.org/version/1","title":"T","home_page_url":"https://x.org/","feed_url":"https://x.org/feed.json","items":[]}`},
		{"json item without content", validateJSONFeed, `{"version":"https://jsonfeed.org/version/1.1","title":"T","home_page_url":"https://x.org/","feed_url":"https://x.org/feed.json","items":[{"id":"1"}]}`},
		{"json relative url", validateJSONFeed, `{"version":"https://jsonfeed.org/version/1.1","title":"T","home_page_url":"https://x.org/","feed_url":"https://x.org/feed.json","items":[{"id":"1","url":"/p/","content_html":"x"}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if errs := tc.fn([]byte(tc.doc)); len(errs) == 0 {
				t.Error("accepted")
			}
		})
	}
}
