package frontmatter

// authors reads `authors:`: a list of maps {name, url, email, affiliations}
// or of names, one such map, or one name.
func (d *decoder) authors(p Pair) {
	items := []*Node{p.Value}
	if p.Value.Kind == Seq {
		items = p.Value.Items
	}
	for _, it := range items {
		if a, ok := d.author(p.Key, it); ok {
			d.m.Authors = append(d.m.Authors, a)
		}
	}
}

func (d *decoder) author(key string, n *Node) (Author, bool) {
	if s, ok := n.Text(); ok {
		return Author{Name: s}, true
	}
	if n.Kind != Map {
		if !n.IsNull() {
			d.ds.Warnf(d.file, n.Line, "frontmatter", "%s: an author should be a name or a mapping with a name, got %s; ignored", key, n.kindName())
		}
		return Author{}, false
	}
	var a Author
	for _, p := range n.Pairs {
		q := Pair{Key: key + "." + p.Key, Line: p.Line, Value: p.Value}
		if p.Value.IsNull() {
			continue
		}
		switch p.Key {
		case "name":
			d.str(q, &a.Name)
		case "url":
			d.str(q, &a.URL)
		case "email":
			d.str(q, &a.Email)
		case "affiliations", "affiliation":
			a.Affiliations = append(a.Affiliations, d.affiliations(q)...)
		}
	}
	if a.Name == "" {
		d.ds.Warnf(d.file, n.Line, "frontmatter", "%s: author without a name", key)
	}
	return a, true
}

// affiliations reads al-folio's single map {name, url}, a list of them, or
// plain names.
func (d *decoder) affiliations(p Pair) []Affiliation {
	items := []*Node{p.Value}
	if p.Value.Kind == Seq {
		items = p.Value.Items
	}
	var out []Affiliation
	for _, it := range items {
		if s, ok := it.Text(); ok {
			out = append(out, Affiliation{Name: s})
			continue
		}
		if it.Kind != Map {
			if !it.IsNull() {
				d.ds.Warnf(d.file, it.Line, "frontmatter", "%s: should be a name or {name, url}, got %s; ignored", p.Key, it.kindName())
			}
			continue
		}
		var af Affiliation
		if n := it.Get("name"); !n.IsNull() {
			d.str(Pair{Key: p.Key + ".name", Line: n.Line, Value: n}, &af.Name)
		}
		if u := it.Get("url"); !u.IsNull() {
			d.str(Pair{Key: p.Key + ".url", Line: u.Line, Value: u}, &af.URL)
		}
		out = append(out, af)
	}
	return out
}
