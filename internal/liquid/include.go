package liquid

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/osteele/liquid/render"
)

// IncludesDir is where a Jekyll site keeps its own includes.
const IncludesDir = "_includes"

// maxIncludeDepth stops includes that include themselves.
const maxIncludeDepth = 8

// builtinIncludes are al-folio's includes that distill renders itself:
// the originals depend on Jekyll plugins and site data that a distill
// build does not have.
var builtinIncludes = map[string]func(p params, st *state, line int) string{
	"figure.liquid": figureHTML,
	"figure.html":   figureHTML,
	"video.liquid":  videoHTML,
	"video.html":    videoHTML,
	"audio.liquid":  audioHTML,
	"audio.html":    audioHTML,
}

// params are an include's key=value parameters, evaluated.
type params map[string]any

// str returns a parameter as a string ("" when absent, false or nil).
func (p params) str(key string) string {
	switch v := p[key].(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		if v {
			return "true"
		}
		return ""
	default:
		return toString(v)
	}
}

// flag reports whether a parameter is set and truthy, as Liquid's `if`
// would see it.
func (p params) flag(key string) bool {
	switch v := p[key].(type) {
	case nil:
		return false
	case bool:
		return v
	default:
		return true
	}
}

// paramRE is Jekyll's include parameter syntax: key="v", key='v' or
// key=variable.
var paramRE = regexp.MustCompile(`([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.\-\[\]'"]+))`)

// includeTag renders {% include name key=value … %}.
func includeTag(ctx render.Context) (string, error) {
	st := stateOf(ctx.Bindings())
	line := lineOf(ctx)
	args, err := ctx.ExpandTagArg()
	if err != nil {
		st.warnf(line, "liquid", "include: %v", err)
		return "", nil
	}
	args = strings.TrimSpace(args)
	name, rest, _ := strings.Cut(args, " ")
	name = strings.Trim(name, `"'`)
	p := params{}
	for _, m := range paramRE.FindAllStringSubmatchIndex(rest, -1) {
		key := rest[m[2]:m[3]]
		switch {
		case m[4] >= 0:
			p[key] = unescapeParam(rest[m[4]:m[5]])
		case m[6] >= 0:
			p[key] = unescapeParam(rest[m[6]:m[7]])
		default:
			v, err := ctx.EvaluateString(rest[m[8]:m[9]])
			if err != nil {
				st.warnf(line, "liquid", "include %s: parameter %s: %v", name, key, err)
				continue
			}
			p[key] = v
		}
	}
	if fn, ok := builtinIncludes[name]; ok {
		return fn(p, st, line), nil
	}
	return siteInclude(ctx, st, line, name, p), nil
}

func unescapeParam(s string) string {
	return strings.NewReplacer(`\"`, `"`, `\'`, `'`, `\\`, `\`).Replace(s)
}

// siteInclude renders an include from the site's _includes/ folder with
// the engine itself; one that is missing or fails is a warning.
func siteInclude(ctx render.Context, st *state, line int, name string, p params) string {
	rel := path.Join(IncludesDir, path.Clean("/" + name)[1:])
	var src []byte
	err := fs.ErrNotExist
	if st.env.FS != nil {
		src, err = fs.ReadFile(st.env.FS, rel)
	}
	if errors.Is(err, fs.ErrNotExist) {
		st.deps[rel] = true // creating it fixes the page
		st.warnf(line, "include", "unknown include %q (not built in and not in %s/); left out", name, IncludesDir)
		return ""
	}
	if err != nil {
		st.warnf(line, "include", "include %q: %v", name, err)
		return ""
	}
	if st.depth >= maxIncludeDepth {
		st.warnf(line, "include", "include %q nests more than %d deep; left out", name, maxIncludeDepth)
		return ""
	}
	st.deps[rel] = true
	tpl, perr := st.en.e.ParseTemplateLocation(src, rel, 1)
	if perr != nil {
		st.warnf(line, "include", "include %q: %s; left out", name, cleanErr(perr))
		return ""
	}
	vars := make(map[string]any, len(ctx.Bindings())+1)
	for k, v := range ctx.Bindings() {
		vars[k] = v
	}
	vars["include"] = map[string]any(p)
	st.depth++
	outer := st.file
	st.file = rel
	out, rerr := tpl.Render(vars)
	st.file = outer
	st.depth--
	if rerr != nil {
		st.warnf(line, "include", "include %q: %s; left out", name, cleanErr(rerr))
		return ""
	}
	return string(out)
}
