package mathml

import "strings"

// sym is a command that stands for one character.
type sym struct {
	text    string
	cls     class
	mi      bool // an identifier (<mi>) rather than an operator (<mo>)
	upright bool // mi that must not be italicised (uppercase Greek, ∇)
}

// symbols maps command names to characters. Each table line is
// "name char name char …" for one class and element.
var symbols = buildSymbols()

func buildSymbols() map[string]sym {
	m := map[string]sym{}
	add := func(cls class, mi, upright bool, table string) {
		f := strings.Fields(table)
		for i := 0; i+1 < len(f); i += 2 {
			m[f[i]] = sym{text: f[i+1], cls: cls, mi: mi, upright: upright}
		}
	}
	add(cOrd, true, false, greekLower)
	add(cOrd, true, true, greekUpper)
	add(cOrd, true, false, ordItalic)
	add(cOrd, true, true, ordUpright)
	add(cOrd, false, false, ordOperators)
	add(cRel, false, false, relations)
	add(cRel, false, false, arrows)
	add(cBin, false, false, binaries)
	add(cOpen, false, false, "{ { lbrack [ lparen ( lbrace { langle ⟨ lfloor ⌊ lceil ⌈ lvert | lVert ‖ lgroup ⟮ lmoustache ⎰ ulcorner ⌜ llcorner ⌞ llbracket ⟦")
	add(cClose, false, false, "} } rbrack ] rparen ) rbrace } rangle ⟩ rfloor ⌋ rceil ⌉ rvert | rVert ‖ rgroup ⟯ rmoustache ⎱ urcorner ⌝ lrcorner ⌟ rrbracket ⟧")
	add(cPunct, false, false, "colon : ldotp . cdotp ⋅")
	add(cInner, false, false, "ldots … dots … hdots … cdots ⋯ dotsb ⋯ dotsc … dotsi ⋯ dotsm ⋯ dotso … vdots ⋮ ddots ⋱ iddots ⋰ adots ⋰")
	return m
}

const greekLower = `alpha α beta β gamma γ delta δ epsilon ϵ varepsilon ε zeta ζ eta η theta θ
vartheta ϑ iota ι kappa κ varkappa ϰ lambda λ mu μ nu ν xi ξ omicron ο pi π varpi ϖ rho ρ
varrho ϱ sigma σ varsigma ς tau τ upsilon υ phi ϕ varphi φ chi χ psi ψ omega ω digamma ϝ`

const greekUpper = `Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω
varGamma Γ varDelta Δ varTheta Θ varLambda Λ varXi Ξ varPi Π varSigma Σ varUpsilon Υ varPhi Φ
varPsi Ψ varOmega Ω Alpha Α Beta Β Epsilon Ε Zeta Ζ Eta Η Iota Ι Kappa Κ Mu Μ Nu Ν Omicron Ο Rho Ρ
Tau Τ Chi Χ`

const ordItalic = `partial ∂ ell ℓ imath ı jmath ȷ wp ℘`

const ordUpright = `infty ∞ nabla ∇ hbar ℏ hslash ℏ emptyset ∅ varnothing ∅ aleph ℵ beth ℶ gimel ℷ
daleth ℸ Re ℜ Im ℑ top ⊤ bot ⊥ angle ∠ measuredangle ∡ sphericalangle ∢ triangle △ square □ Box □
blacksquare ■ Diamond ◊ lozenge ◊ blacklozenge ⧫ clubsuit ♣ diamondsuit ♢ heartsuit ♡ spadesuit ♠
flat ♭ natural ♮ sharp ♯ prime ′ backprime ‵ surd √ checkmark ✓ dag † ddag ‡ S § P ¶ degree °
eth ð mho ℧ complement ∁ Finv Ⅎ Game ⅁ diagup ╱ diagdown ╲ circledS Ⓢ bigstar ★ blacktriangle ▲
blacktriangledown ▼ vartriangle △ triangledown ▽ maltese ✠ yen ¥ pounds £ euro € copyright ©
textdegree ° infin ∞ And & & & # # $ $ % % _ _`

const ordOperators = `forall ∀ exists ∃ nexists ∄ neg ¬ lnot ¬ backslash \ vert | Vert ‖ | ‖
sslash ⫽`

const relations = `lt < gt > le ≤ leq ≤ ge ≥ geq ≥ leqslant ⩽ geqslant ⩾ leqq ≦ geqq ≧ neq ≠ ne ≠ approx ≈
approxeq ≊ sim ∼ simeq ≃ cong ≅ equiv ≡ propto ∝ varpropto ∝ in ∈ notin ∉ ni ∋ owns ∋ notni ∌
subset ⊂ supset ⊃ subseteq ⊆ supseteq ⊇ subsetneq ⊊ supsetneq ⊋ subseteqq ⫅ supseteqq ⫆
subsetneqq ⫋ supsetneqq ⫌ nsubseteq ⊈ nsupseteq ⊉ Subset ⋐ Supset ⋑ sqsubset ⊏ sqsupset ⊐
sqsubseteq ⊑ sqsupseteq ⊒ ll ≪ gg ≫ lll ⋘ ggg ⋙ prec ≺ succ ≻ preceq ⪯ succeq ⪰ precsim ≾
succsim ≿ perp ⊥ parallel ∥ nparallel ∦ mid ∣ nmid ∤ shortmid ∣ shortparallel ∥ vdash ⊢ dashv ⊣
models ⊨ vDash ⊨ Vdash ⊩ Vvdash ⊪ nvdash ⊬ nvDash ⊭ asymp ≍ doteq ≐ doteqdot ≑ triangleq ≜
coloneqq ≔ coloneq ≔ eqqcolon ≕ eqcolon ≕ Coloneqq ⩴ lesssim ≲ gtrsim ≳ lessapprox ⪅ gtrapprox ⪆
nleq ≰ ngeq ≱ nless ≮ ngtr ≯ nsim ≁ ncong ≇ lneq ⪇ gneq ⪈ lneqq ≨ gneqq ≩ smile ⌣ frown ⌢
bowtie ⋈ Join ⋈ lhd ⊲ rhd ⊳ unlhd ⊴ unrhd ⊵ vartriangleleft ⊲ vartriangleright ⊳
trianglelefteq ⊴ trianglerighteq ⊵ ntriangleleft ⋪ ntriangleright ⋫ between ≬ pitchfork ⋔
because ∵ therefore ∴ eqsim ≂ backsim ∽ backsimeq ⋍ circeq ≗ risingdotseq ≓ fallingdotseq ≒
gtrless ≷ lessgtr ≶ lesseqgtr ⋚ gtreqless ⋛ thicksim ∼ thickapprox ≈ propto ∝ eqcirc ≖
bumpeq ≏ Bumpeq ≎ multimap ⊸ dotseq ≐ leqq ≦ precapprox ⪷ succapprox ⪸ nprec ⊀ nsucc ⊁
vcentcolon : ratio ∶ eqdef ≝ measeq ≞ stareq ≛ questeq ≟ nequiv ≢ nsubset ⊄ nsupset ⊅ sqin ∈`

const arrows = `to → rightarrow → leftarrow ← gets ← Rightarrow ⇒ Leftarrow ⇐ leftrightarrow ↔
Leftrightarrow ⇔ iff ⟺ implies ⟹ impliedby ⟸ mapsto ↦ longmapsto ⟼ longrightarrow ⟶
longleftarrow ⟵ Longrightarrow ⟹ Longleftarrow ⟸ longleftrightarrow ⟷ Longleftrightarrow ⟺
uparrow ↑ downarrow ↓ updownarrow ↕ Uparrow ⇑ Downarrow ⇓ Updownarrow ⇕ nearrow ↗ searrow ↘
swarrow ↙ nwarrow ↖ hookrightarrow ↪ hookleftarrow ↩ rightharpoonup ⇀ rightharpoondown ⇁
leftharpoonup ↼ leftharpoondown ↽ rightleftharpoons ⇌ leftrightharpoons ⇋ leadsto ⇝
rightsquigarrow ⇝ leftrightsquigarrow ↭ twoheadrightarrow ↠ twoheadleftarrow ↞ rightrightarrows ⇉
leftleftarrows ⇇ rightleftarrows ⇄ leftrightarrows ⇆ curvearrowright ↷ curvearrowleft ↶
circlearrowright ↻ circlearrowleft ↺ Rrightarrow ⇛ Lleftarrow ⇚ upuparrows ⇈ downdownarrows ⇊
nrightarrow ↛ nleftarrow ↚ nRightarrow ⇏ nLeftarrow ⇍ nleftrightarrow ↮ nLeftrightarrow ⇎
restriction ↾ rightarrowtail ↣ leftarrowtail ↢ looparrowright ↬ looparrowleft ↫
dashrightarrow ⇢ dashleftarrow ⇠ upharpoonright ↾ upharpoonleft ↿ downharpoonright ⇂
downharpoonleft ⇃ Longmapsto ⟾ mapsfrom ↤ longmapsfrom ⟻ rightleftarrow ⇄ Lsh ↰ Rsh ↱`

const binaries = `pm ± mp ∓ times × div ÷ cdot ⋅ ast ∗ star ⋆ circ ∘ bullet ∙ oplus ⊕ ominus ⊖
otimes ⊗ oslash ⊘ odot ⊙ cup ∪ cap ∩ sqcup ⊔ sqcap ⊓ vee ∨ lor ∨ wedge ∧ land ∧ setminus ∖
smallsetminus ∖ uplus ⊎ amalg ⨿ diamond ⋄ bigtriangleup △ bigtriangledown ▽ triangleleft ◃
triangleright ▹ dagger † ddagger ‡ wr ≀ intercal ⊺ boxplus ⊞ boxminus ⊟ boxtimes ⊠ boxdot ⊡
circledast ⊛ circledcirc ⊚ circleddash ⊝ dotplus ∔ ltimes ⋉ rtimes ⋊ leftthreetimes ⋋
rightthreetimes ⋌ curlyvee ⋎ curlywedge ⋏ barwedge ⌅ veebar ⊻ divideontimes ⋇ centerdot ⋅
bigcirc ◯ Cup ⋓ Cap ⋒ doublecup ⋓ doublecap ⋒ odiv ⨸ gtrdot ⋗ lessdot ⋖ smallfrown ⌢
smallsmile ⌣`

// bigOp is a large operator such as \sum.
type bigOp struct {
	text string
	lim  limits
}

var bigOps = map[string]bigOp{
	"sum": {"∑", limDisplay}, "prod": {"∏", limDisplay}, "coprod": {"∐", limDisplay},
	"bigcup": {"⋃", limDisplay}, "bigcap": {"⋂", limDisplay}, "bigvee": {"⋁", limDisplay},
	"bigwedge": {"⋀", limDisplay}, "bigoplus": {"⨁", limDisplay}, "bigotimes": {"⨂", limDisplay},
	"bigodot": {"⨀", limDisplay}, "biguplus": {"⨄", limDisplay}, "bigsqcup": {"⨆", limDisplay},
	"int": {"∫", limNone}, "iint": {"∬", limNone}, "iiint": {"∭", limNone},
	"iiiint": {"⨌", limNone}, "oint": {"∮", limNone}, "oiint": {"∯", limNone},
	"oiiint": {"∰", limNone}, "intop": {"∫", limDisplay}, "smallint": {"∫", limNone},
	"idotsint": {"∫⋯∫", limNone},
}

// funcs are named operators (\log, \lim, …) set upright as one <mi>.
var funcs = map[string]bigOp{
	"lim": {"lim", limDisplay}, "liminf": {"lim inf", limDisplay}, "limsup": {"lim sup", limDisplay},
	"max": {"max", limDisplay}, "min": {"min", limDisplay}, "sup": {"sup", limDisplay},
	"inf": {"inf", limDisplay}, "det": {"det", limDisplay}, "Pr": {"Pr", limDisplay},
	"gcd": {"gcd", limDisplay}, "argmax": {"arg max", limDisplay}, "argmin": {"arg min", limDisplay},
	"injlim": {"inj lim", limDisplay}, "projlim": {"proj lim", limDisplay},
	"log": {"log", limNone}, "ln": {"ln", limNone}, "lg": {"lg", limNone}, "exp": {"exp", limNone},
	"sin": {"sin", limNone}, "cos": {"cos", limNone}, "tan": {"tan", limNone}, "cot": {"cot", limNone},
	"sec": {"sec", limNone}, "csc": {"csc", limNone}, "arcsin": {"arcsin", limNone},
	"arccos": {"arccos", limNone}, "arctan": {"arctan", limNone}, "sinh": {"sinh", limNone},
	"cosh": {"cosh", limNone}, "tanh": {"tanh", limNone}, "coth": {"coth", limNone},
	"arg": {"arg", limNone}, "deg": {"deg", limNone}, "dim": {"dim", limNone},
	"hom": {"hom", limNone}, "ker": {"ker", limNone}, "sgn": {"sgn", limNone},
	"tr": {"tr", limNone}, "Tr": {"Tr", limNone}, "rank": {"rank", limNone},
	"diag": {"diag", limNone}, "erf": {"erf", limNone}, "supp": {"supp", limNone},
	"Var": {"Var", limNone}, "Cov": {"Cov", limNone}, "sech": {"sech", limNone},
	"csch": {"csch", limNone}, "arccot": {"arccot", limNone},
}

// delimChars are the characters a bare delimiter can be, with their class.
var delimChars = map[string]class{
	"(": cOpen, ")": cClose, "[": cOpen, "]": cClose, "|": cOrd, "/": cOrd,
	"{": cOpen, "}": cClose, "⟨": cOpen, "⟩": cClose, "‖": cOrd, "⌊": cOpen, "⌋": cClose,
	"⌈": cOpen, "⌉": cClose, "\\": cOrd, "↑": cRel, "↓": cRel, "↕": cRel, "⇑": cRel, "⇓": cRel,
	"⇕": cRel, "⟮": cOpen, "⟯": cClose, "⎰": cOpen, "⎱": cClose, "⌜": cOpen, "⌝": cClose,
	"⌞": cOpen, "⌟": cClose, "⟦": cOpen, "⟧": cClose, "<": cOpen, ">": cClose,
}

// negated maps a relation to its slashed form for \not.
var negated = map[string]string{
	"=": "≠", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∈": "∉", "∋": "∌", "⊂": "⊄", "⊃": "⊅",
	"⊆": "⊈", "⊇": "⊉", "≡": "≢", "∼": "≁", "≅": "≇", "≈": "≉", "≃": "≄", "∣": "∤", "∥": "∦",
	"≺": "⊀", "≻": "⊁", "⊢": "⊬", "⊨": "⊭", "→": "↛", "←": "↚", "⇒": "⇏", "⇐": "⇍", "↔": "↮",
	"⇔": "⇎", "∃": "∄", "≍": "≭", "⊑": "⋢", "⊒": "⋣", "⪯": "⋠", "⪰": "⋡",
}

// charClass classifies a plain character in math mode.
func charClass(s string) (class, bool) {
	switch s {
	case "+", "−", "*", "∗", "×", "·", "÷", "±":
		return cBin, true
	case "=", "<", ">", ":", "≤", "≥", "≠", "→", "←", "∈":
		return cRel, true
	case ",", ";":
		return cPunct, true
	case "(", "[":
		return cOpen, true
	case ")", "]":
		return cClose, true
	case "!", "?":
		return cClose, true
	case ".", "/", "|", "@", "\"", "‖", "\\":
		return cOrd, true
	}
	return cOrd, false
}
