package bib

import (
	"reflect"
	"testing"
)

func TestSplitNames(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   []Name
		others bool
	}{
		{"last first", "Gregor, Karol", []Name{{First: "Karol", Last: "Gregor"}}, false},
		{"first last", "Karol Gregor", []Name{{First: "Karol", Last: "Gregor"}}, false},
		{"middle names", "Danilo Jimenez Rezende", []Name{{First: "Danilo Jimenez", Last: "Rezende"}}, false},
		{"single word", "Plato", []Name{{Last: "Plato"}}, false},
		{"last jr first", "King, Jr, Martin Luther", []Name{{First: "Martin Luther", Last: "King", Jr: "Jr"}}, false},
		{"von last first", "van der Maaten, Laurens", []Name{{First: "Laurens", Von: "van der", Last: "Maaten"}}, false},
		{"first von last", "Ludwig van Beethoven", []Name{{First: "Ludwig", Von: "van", Last: "Beethoven"}}, false},
		{"von with capital inside", "Jean de La Fontaine", []Name{{First: "Jean", Von: "de", Last: "La Fontaine"}}, false},
		{"long von", "Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin",
			[]Name{{First: "Charles Louis Xavier Joseph", Von: "de la", Last: "Vallée Poussin"}}, false},
		{"von only before last", "von Neumann", []Name{{Von: "von", Last: "Neumann"}}, false},
		{"corporate", "{OpenAI Team}", []Name{{Last: "OpenAI Team"}}, false},
		{"corporate with and", "{Barnes and Noble}", []Name{{Last: "Barnes and Noble"}}, false},
		{"braced lowercase is not von", "{de Gaulle}, Charles", []Name{{First: "Charles", Last: "de Gaulle"}}, false},
		{"special char lowercase is von", `{\"u}ber Mensch, Karl`, []Name{{First: "Karl", Von: "über", Last: "Mensch"}}, false},
		{"accents decoded", `Erd{\H{o}}s, Paul`, []Name{{First: "Paul", Last: "Erdős"}}, false},
		{"two names", "Gregor, Karol and Ivo Danihelka",
			[]Name{{First: "Karol", Last: "Gregor"}, {First: "Ivo", Last: "Danihelka"}}, false},
		{"and is case-insensitive", "A B AND C D", []Name{{First: "A", Last: "B"}, {First: "C", Last: "D"}}, false},
		{"and across newline", "A B\n  and C D", []Name{{First: "A", Last: "B"}, {First: "C", Last: "D"}}, false},
		{"and inside a word", "Anderson, Sandy", []Name{{First: "Sandy", Last: "Anderson"}}, false},
		{"and others", "Gregor, Karol and others", []Name{{First: "Karol", Last: "Gregor"}}, true},
		{"only others", "others", nil, true},
		{"tie joins first and last", "Karol~Gregor", []Name{{First: "Karol", Last: "Gregor"}}, false},
		{"hyphenated first", "Liu, Xiao-Ming", []Name{{First: "Xiao-Ming", Last: "Liu"}}, false},
		{"trailing comma", "Gregor, Karol,", []Name{{First: "Karol", Last: "Gregor"}}, false},
		{"too many commas", "A, B, C, D", []Name{{First: "C, D", Last: "A", Jr: "B"}}, false},
		{"empty names skipped", "A B and and C D", []Name{{First: "A", Last: "B"}, {First: "C", Last: "D"}}, false},
		{"empty", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, others := SplitNames(tt.in)
			if !reflect.DeepEqual(got, tt.want) || others != tt.others {
				t.Errorf("SplitNames(%q) = %#v, %v; want %#v, %v", tt.in, got, others, tt.want, tt.others)
			}
		})
	}
}

func TestNameString(t *testing.T) {
	tests := []struct {
		in   Name
		want string
	}{
		{Name{First: "Karol", Last: "Gregor"}, "Karol Gregor"},
		{Name{First: "Laurens", Von: "van der", Last: "Maaten"}, "Laurens van der Maaten"},
		{Name{First: "Martin Luther", Last: "King", Jr: "Jr"}, "Martin Luther King, Jr"},
		{Name{Last: "OpenAI Team"}, "OpenAI Team"},
		{Name{}, ""},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEncodeNameRoundTrip(t *testing.T) {
	names := []Name{
		{First: "Karol", Last: "Gregor"},
		{First: "Laurens", Von: "van der", Last: "Maaten"},
		{First: "Martin Luther", Last: "King", Jr: "Jr"},
		{Last: "King", Jr: "Jr"},
		{Last: "OpenAI Team"},
		{Last: "Barnes and Noble"},
		{First: "Tom and Jerry", Last: "Cat"},
		{First: "C, D", Last: "A", Jr: "B"},
		{First: "Jean", Von: "de", Last: "La Fontaine"},
		{First: "Jörg", Last: "Müller & Söhne"},
		{Last: "others"},
	}
	got, others := SplitNames(encodeNames(names, true))
	if !reflect.DeepEqual(got, names) || !others {
		t.Errorf("round trip of %q:\n got %#v\nwant %#v", encodeNames(names, true), got, names)
	}
}
