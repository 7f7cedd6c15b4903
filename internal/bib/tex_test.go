package bib

import "testing"

func TestDecodeTeX(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Deep Learning", "Deep Learning"},
		{"braced umlaut", `M{\"u}ller`, "Müller"},
		{"bare umlaut", `M\"uller`, "Müller"},
		{"umlaut braced arg", `M\"{u}ller`, "Müller"},
		{"acute", `\'e`, "é"},
		{"acute braced", `{\'e}`, "é"},
		{"acute braced arg", `\'{E}`, "É"},
		{"grave", "\\`a", "à"},
		{"circumflex", `\^o`, "ô"},
		{"tilde", `\~n`, "ñ"},
		{"cedilla", `\c{c}`, "ç"},
		{"cedilla with space", `\c c`, "ç"},
		{"caron", `\v{s}`, "š"},
		{"breve", `\u{a}`, "ă"},
		{"hungarian umlaut", `\H{o}`, "ő"},
		{"macron", `\=a`, "ā"},
		{"dot above", `\.z`, "ż"},
		{"ring", `\r{a}`, "å"},
		{"ogonek", `\k{a}`, "ą"},
		{"dot below", `\d{s}`, "ṣ"},
		{"accent on dotless i", `\'\i`, "í"},
		{"accent on braced dotless i", `\"{\i}`, "ï"},
		{"no precomposed form keeps combining mark", `\k{z}`, "z\u0328"},
		{"empty accent argument", `\^{}`, "^"},
		{"eszett", `{\ss}`, "ß"},
		{"slashed o", `\o`, "ø"},
		{"slashed O in braces", `{\O}stergaard`, "Østergaard"},
		{"ae", `\ae`, "æ"},
		{"AE", `\AE`, "Æ"},
		{"aa", `\aa`, "å"},
		{"l stroke", `Wa{\l}{\k{e}}sa`, "Wałęsa"},
		{"L stroke", `\L`, "Ł"},
		{"dotless i", `\i`, "ı"},
		{"dotless j", `\j`, "ȷ"},
		{"control word eats space", `Bj\o rn`, "Bjørn"},
		{"en dash", "1--10", "1–10"},
		{"em dash", "a---b", "a—b"},
		{"single hyphen", "non-convex", "non-convex"},
		{"four hyphens", "a----b", "a—-b"},
		{"tie", "Fig.~1", "Fig.\u00a01"},
		{"escaped specials", `\& \% \$ \_ \# \{ \}`, "& % $ _ # { }"},
		{"textit", `\textit{x}`, "x"},
		{"emph", `an \emph{important} word`, "an important word"},
		{"textbf", `\textbf{Bold}`, "Bold"},
		{"font switch", `{\em Deep} learning`, "Deep learning"},
		{"protective braces", `{BERT}: Pre-training`, "BERT: Pre-training"},
		{"nested braces", `{{Deep {Learning}}}`, "Deep Learning"},
		{"url keeps verbatim", `\url{https://a.org/x_y~z%20}`, "https://a.org/x_y~z%20"},
		{"href keeps text", `\href{https://a.org}{the site}`, "the site"},
		{"math kept", `$\mathcal{O}(n^2)$ steps`, `$\mathcal{O}(n^2)$ steps`},
		{"display math kept", `$$a_{1}$$`, `$$a_{1}$$`},
		{"math with escaped dollar", `$a\$b$`, `$a\$b$`},
		{"unmatched dollar", `costs $5`, "costs $5"},
		{"tex quotes", "``Quotes''", "“Quotes”"},
		{"single quotes", "`a' b", "‘a' b"},
		{"white space collapsed", "  a \n\t b  ", "a b"},
		{"no-break spaces kept", "a  ~~ b", "a \u00a0\u00a0 b"},
		{"url white space collapsed", "\\url{a\r\nb}", "a b"},
		{"control space", `a\ b`, "a b"},
		{"thin space", `a\,b`, "a\u2009b"},
		{"discretionary hyphen", `hy\-phen`, "hyphen"},
		{"LaTeX logo", `\LaTeX{} is`, "LaTeX is"},
		{"ellipsis", `wait\ldots`, "wait…"},
		{"unknown command dropped", `\foo{bar} baz`, "bar baz"},
		{"trailing backslash", `a\`, "a"},
		{"unclosed group", `\"{u`, "ü"},
		{"utf8 passes through", "Zürich — ok", "Zürich — ok"},
		{"section sign", `\S 3`, "§3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DecodeTeX(tt.in); got != tt.want {
				t.Errorf("DecodeTeX(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEncodeTeXRoundTrip(t *testing.T) {
	tests := []struct{ name, in string }{
		{"specials", `A & B 50% $ #1 a_b`},
		{"backslash and braces", `a\b {c} }`},
		{"dashes stay hyphens", "a--b and c---d"},
		{"quotes stay", "'' and `` and `"},
		{"tilde and caret", "~user ^up"},
		{"no-break space", "Fig.\u00a01"},
		{"math verbatim", `$\mathcal{O}(n^2)$ and $x$`},
		{"unbalanced math escaped", `$a}$`},
		{"unicode", "Müller – Zürich “q”"},
		{"dollars as text", "costs $5 or more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc := EncodeTeX(tt.in)
			if !balanced(enc) {
				t.Errorf("EncodeTeX(%q) = %q has unbalanced braces", tt.in, enc)
			}
			if got := DecodeTeX(enc); got != tt.in {
				t.Errorf("DecodeTeX(EncodeTeX(%q)) = %q (encoded %q)", tt.in, got, enc)
			}
		})
	}
}

func TestEncodeTeXKeepsMathVerbatim(t *testing.T) {
	if got, want := EncodeTeX(`$a_1$ & b_2`), `$a_1$ \& b\_2`; got != want {
		t.Errorf("EncodeTeX = %q, want %q", got, want)
	}
}
