package site

import (
	"slices"
	"strings"
)

// relatedMax is the number of related posts shown under a post.
const relatedMax = 3

// linkRelated sets Related on every post: the posts sharing the most tags
// with it, newer first among equals; `redirect:` posts are never related.
// A post with `related_posts: false`
// gets none; a post sharing no tag with any other gets none too, since
// recency alone does not make a post related.
func linkRelated(posts []*Page) {
	byTag := map[string][]int{} // tag slug → indexes into posts
	for i, p := range posts {   // newest first: a lower index is more recent
		if strings.TrimSpace(p.Meta.Redirect) != "" {
			continue // nothing to read here: not a related post
		}
		for _, slug := range tagSlugs(p) {
			byTag[slug] = append(byTag[slug], i)
		}
	}
	shared := make([]int, len(posts)) // reused: shared tag count per post
	var touched []int
	for i, p := range posts {
		p.Related = nil
		if p.Meta.RelatedPosts != nil && !*p.Meta.RelatedPosts {
			continue
		}
		touched = touched[:0]
		for _, slug := range tagSlugs(p) {
			for _, j := range byTag[slug] {
				if j == i {
					continue
				}
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j]++
			}
		}
		for _, j := range best(touched, shared) {
			p.Related = append(p.Related, posts[j])
		}
		for _, j := range touched {
			shared[j] = 0
		}
	}
}

// best returns the relatedMax posts of touched that share the most tags,
// the newer (lower index) first among equals. It picks them in one pass
// rather than sorting touched: distill serve runs this on every edit, and
// a popular tag makes touched a good part of the blog.
func best(touched, shared []int) []int {
	better := func(a, b int) bool { return shared[a] > shared[b] || shared[a] == shared[b] && a < b }
	var top [relatedMax]int
	n := 0
	for _, j := range touched {
		if n == relatedMax && !better(j, top[n-1]) {
			continue
		}
		k := min(n, relatedMax-1)
		for k > 0 && better(j, top[k-1]) {
			top[k] = top[k-1]
			k--
		}
		top[k] = j
		n = min(n+1, relatedMax)
	}
	return top[:n]
}

// tagSlugs returns the distinct, non-empty slugs of a post's tags.
func tagSlugs(p *Page) []string {
	var out []string
	for _, t := range p.Tags {
		s := Slugify(t)
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// postHref is where a list entry links: the post, or the target of a
// `redirect:` post.
func postHref(p *Page) string {
	if r := strings.TrimSpace(p.Meta.Redirect); r != "" {
		return relURL(r)
	}
	return p.URL
}
