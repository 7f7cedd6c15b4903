package mathml

import (
	"strconv"
	"strings"
)

// color reads a colour argument ({red}, [HTML]{FF0000}, [rgb]{1,0,0}, or a
// name from \definecolor) and returns a CSS colour; anything else is refused.
func (p *parser) color(t token) string {
	model, _, err := readOptional(p)
	if err != nil {
		panic(err)
	}
	spec := p.readString(t)
	m := strings.TrimSpace(tokensText(model))
	if m == "" {
		if v, ok := p.colors[spec]; ok {
			return v
		}
		if v, ok := p.macros.color(spec); ok {
			return v
		}
	}
	v, ok := colorValue(m, spec)
	if !ok {
		p.fail(t.pos, "bad colour "+strconv.Quote(spec))
	}
	return v
}

// colorValue converts a colour in one of xcolor's models to CSS.
func colorValue(model, spec string) (string, bool) {
	spec = strings.TrimSpace(spec)
	switch model {
	case "rgb":
		return rgbColor(spec, 255)
	case "RGB":
		return rgbColor(spec, 1)
	case "gray":
		return rgbColor(spec+","+spec+","+spec, 255)
	case "HTML":
		if len(spec) != 6 && len(spec) != 3 {
			return "", false
		}
		spec = "#" + spec
	case "", "named":
	default:
		return "", false
	}
	if spec == "" {
		return "", false
	}
	for i := 0; i < len(spec); i++ {
		c := spec[i]
		if !isLetter(c) && !isDigit(c) && !(c == '#' && i == 0) {
			return "", false
		}
	}
	return spec, true
}

func rgbColor(spec string, scale float64) (string, bool) {
	parts := strings.Split(spec, ",")
	if len(parts) != 3 {
		return "", false
	}
	out := "rgb("
	for i, s := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || f < 0 {
			return "", false
		}
		if i > 0 {
			out += ","
		}
		out += strconv.Itoa(int(min(f*scale, 255) + 0.5))
	}
	return out + ")", true
}

// readColorDefinition parses the arguments of \definecolor{name}{model}{spec}.
func readColorDefinition(r rawReader, definer token) (name, value string, err *Error) {
	var args [3]string
	for i := range args {
		toks, e := readArg(r)
		if e != nil {
			return "", "", e
		}
		args[i] = strings.TrimSpace(tokensText(toks))
	}
	value, ok := colorValue(args[1], args[2])
	if !ok || args[0] == "" {
		return "", "", errAt(definer.pos, "bad colour definition "+strconv.Quote(args[0]))
	}
	return args[0], value, nil
}

// color looks up a colour named by \definecolor.
func (m *Macros) color(name string) (string, bool) {
	if m == nil {
		return "", false
	}
	v, ok := m.colors[name]
	return v, ok
}
