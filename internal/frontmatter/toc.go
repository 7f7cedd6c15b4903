package frontmatter

// toc reads `toc:`: true (generated), al-folio's option map (generated, the
// options stay in Extra), or an explicit list of {name, subsections}.
func (d *decoder) toc(p Pair) {
	switch p.Value.Kind {
	case Map:
		d.m.TOCAuto = true
	case Seq:
		d.m.TOC = d.tocEntries(p.Key, p.Value)
	default:
		d.bool(p, &d.m.TOCAuto)
	}
}

func (d *decoder) tocEntries(key string, list *Node) []TOCEntry {
	var out []TOCEntry
	for _, it := range list.Items {
		if s, ok := it.Text(); ok {
			out = append(out, TOCEntry{Name: s, Line: it.Line})
			continue
		}
		name := it.Get("name")
		s, ok := name.Text()
		if !ok {
			if !it.IsNull() {
				d.ds.Warnf(d.file, it.Line, "toc", "%s: entry without a name; ignored", key)
			}
			continue
		}
		e := TOCEntry{Name: s, Line: name.Line}
		switch sub := it.Get("subsections"); {
		case sub.IsNull():
		case sub.Kind == Seq:
			e.Subsections = d.tocEntries(key, sub)
		default:
			d.ds.Warnf(d.file, sub.Line, "toc", "%s: subsections of %q should be a list, got %s; ignored", key, s, sub.kindName())
		}
		out = append(out, e)
	}
	return out
}
