package bib

import (
	"os"
	"reflect"
	"testing"
)

// TestAlFolioBibliography pins what the al-folio distill demo needs from
// its bibliography (testdata/al-folio-distill.bib is al-folio's
// assets/bibliography/2018-12-22-distill.bib).
func TestAlFolioBibliography(t *testing.T) {
	src, err := os.ReadFile("testdata/al-folio-distill.bib")
	if err != nil {
		t.Fatal(err)
	}
	lib, diags := Parse("assets/bibliography/2018-12-22-distill.bib", src)
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diagStrings(diags))
	}
	if !reflect.DeepEqual(lib.Keys, []string{"gregor2015draw"}) {
		t.Fatalf("keys = %q", lib.Keys)
	}
	e := lib.Entries["gregor2015draw"]
	want := map[string]string{
		"title":   "DRAW: A recurrent neural network for image generation",
		"author":  "Gregor, Karol and Danihelka, Ivo and Graves, Alex and Rezende, Danilo Jimenez and Wierstra, Daan",
		"journal": "arXiv preprint, arXiv:1502.04623",
		"year":    "2015",
		"url":     "https://arxiv.org/pdf/1502.04623.pdf",
	}
	if !reflect.DeepEqual(e.Fields, want) {
		t.Errorf("fields = %q", e.Fields)
	}
	if e.Type != "article" || e.Line != 1 || len(e.Authors) != 5 || e.OthersAuthors {
		t.Errorf("entry = %s line %d, %d authors", e.Type, e.Line, len(e.Authors))
	}
	if got := e.Authors[3]; got != (Name{First: "Danilo Jimenez", Last: "Rezende"}) {
		t.Errorf("fourth author = %#v", got)
	}
	if got := e.ShortAuthors(); got != "Gregor et al." {
		t.Errorf("ShortAuthors() = %q", got)
	}
}
