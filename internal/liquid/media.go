package liquid

import (
	"html"
	"path"
	"strings"
)

// The built-in includes write the HTML al-folio's includes write, on one
// line so that markdown keeps it as one HTML block wherever it stands, and
// without the attributes that only al-folio's scripts read
// (the onerror handler, imagemagick srcsets).

// attrs builds an attribute list in a fixed order.
type attrs struct{ b strings.Builder }

func (a *attrs) set(name, value string) {
	if value == "" {
		return
	}
	a.b.WriteString(" " + name + `="` + html.EscapeString(value) + `"`)
}

func (a *attrs) flag(name string, on bool) {
	if on {
		a.b.WriteString(" " + name)
	}
}

func (a *attrs) String() string { return a.b.String() }

// size sets the box of a video or embed: width, height and the
// min/max sizes as a style.
func (a *attrs) size(p params) {
	a.set("width", p.str("width"))
	a.set("height", p.str("height"))
	a.set("style", sizeStyle(p))
}

// playback sets the switches video.liquid and audio.liquid share.
func (a *attrs) playback(p params) {
	a.flag("autoplay", p.flag("autoplay"))
	a.flag("controls", p.flag("controls"))
	a.flag("loop", p.flag("loop"))
	a.flag("muted", p.flag("muted"))
}

// mediaURL is a path as relative_url makes it; full URLs are kept.
func (st *state) mediaURL(p string) string {
	if p == "" || strings.Contains(p, "://") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "data:") {
		return p
	}
	return st.en.relativeURL(p)
}

// sizeStyle is the inline style for min/max sizes.
func sizeStyle(p params) string {
	var parts []string
	for _, k := range []string{"min-width", "min-height", "max-width", "max-height"} {
		if v := p.str(k); v != "" {
			parts = append(parts, k+": "+v)
		}
	}
	return strings.Join(parts, "; ")
}

func caption(p params) string {
	c := p.str("caption")
	if c == "" {
		return ""
	}
	// al-folio inserts the caption as HTML.
	return `<figcaption class="caption">` + c + `</figcaption>`
}

// figureHTML is figure.liquid: a picture with its caption.
func figureHTML(p params, st *state, line int) string {
	var fig, img attrs
	fig.set("slot", p.str("slot"))
	img.set("src", st.mediaURL(p.str("path")))
	img.set("class", p.str("class"))
	img.set("width", p.str("width"))
	img.set("height", p.str("height"))
	img.set("sizes", p.str("sizes"))
	img.set("style", sizeStyle(p))
	img.set("alt", p.str("alt"))
	img.set("title", p.str("title"))
	img.flag("data-zoomable", p.flag("zoomable"))
	img.set("loading", p.str("loading"))
	if p.str("path") == "" {
		st.warnf(line, "include", "figure.liquid without a path")
	}
	return "<figure" + fig.String() + "><picture><img" + img.String() + "></picture>" + caption(p) + "</figure>"
}

// videoExts are the files video.liquid plays in a <video>; anything else
// (YouTube, Vimeo) is embedded in an iframe.
var videoExts = map[string]bool{".mp4": true, ".webm": true, ".ogg": true}

// videoHTML is video.liquid: a video file or an embedded player.
func videoHTML(p params, st *state, _ int) string {
	src := p.str("path")
	var a attrs
	if videoExts[strings.ToLower(path.Ext(strings.SplitN(src, "?", 2)[0]))] {
		a.set("src", st.mediaURL(src))
		a.set("class", p.str("class"))
		a.size(p)
		a.set("title", p.str("title"))
		a.set("aria-label", p.str("alt"))
		a.playback(p)
		a.flag("playsinline", p.flag("autoplay"))
		a.set("poster", st.mediaURL(p.str("poster")))
		return "<figure><video" + a.String() + "></video>" + caption(p) + "</figure>"
	}
	a.set("src", src)
	a.set("class", p.str("class"))
	a.set("frameborder", "0")
	a.set("allow", "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share")
	a.flag("allowfullscreen", true)
	a.size(p)
	a.set("title", orDefault(p.str("title"), p.str("alt")))
	a.set("loading", "lazy")
	return "<figure><iframe" + a.String() + "></iframe>" + caption(p) + "</figure>"
}

// audioHTML is audio.liquid.
func audioHTML(p params, st *state, _ int) string {
	var a attrs
	a.set("src", st.mediaURL(p.str("path")))
	a.set("class", p.str("class"))
	a.set("title", p.str("title"))
	a.set("aria-label", p.str("alt"))
	a.playback(p)
	return "<figure><audio" + a.String() + "></audio>" + caption(p) + "</figure>"
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
