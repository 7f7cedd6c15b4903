// Package mathml converts TeX math (the subset real distill and al-folio posts
// use, in MathJax's dialect) to Presentation MathML Core, the MathML that
// Chromium 109+, Firefox and Safari render natively, so that posts need no
// math JavaScript at all.
//
// The markdown stage finds formulas and calls Convert once per formula; the
// site stage numbers equations and resolves \eqref across a post. Convert is a
// pure function of its input: it never panics and always returns either
// MathML or an *Error saying why not.
//
// # Pipeline
//
// A formula is lexed into tokens (lex.go), user macros and \definecolor
// colours are expanded as tokens are read (macro.go, color.go), the parser
// builds a tree of MathML nodes (parse.go, command.go, decoration.go, env.go,
// text.go, misc.go) using the symbol and alphabet tables (symbol.go,
// alphabet.go), TeX's inter-atom spacing is applied per list (spacing.go),
// and the tree is serialised with escaping (node.go). number.go fills
// equation numbers and references.
//
// Spacing follows TeX where MathML Core's operator dictionary would not:
// bare delimiters are stretchy="false", binary operators in unary position
// get lspace="0" rspace="0", named operators (\log, \operatorname) are an
// <mi> followed by <mo>&#x2061;</mo> and, before an ordinary atom, a thin
// <mspace>. Limits are placed statically: munderover in display style,
// msubsup inline, unless \limits or \nolimits says otherwise. Chromium
// ignores columnalign and spacing attributes on tables, so cells carry
// inline text-align and padding styles (and columnalign for other engines).
//
// # Equation numbers and references
//
// Numbering is a document-level concern, so Convert leaves slots that the
// caller fills. A numbered environment (equation, align, gather, multline,
// eqnarray, or any formula with \tag) is rendered as a full-width mtable whose
// rows each carry an empty glue cell on the left and a number cell on the
// right; Result.Rows lists, in order, the rows that show a number, and
// Result.WithNumbers fills them in and sets the row ids. Chromium does not
// implement mlabeledtr, hence the extra columns. \eqref and \ref leave a
// placeholder that ResolveRefs replaces with an <mtext> holding the number,
// wrapped in an HTML <a> when the lookup supplies an href (an mtext is an HTML
// integration point, so the link works).
package mathml
