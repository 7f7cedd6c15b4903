package mathml

import (
	"strings"
	"testing"
)

// TestLook pins the markup choices made for Chromium's rendering (issue
// 4's comparison with KaTeX): each TeX must give MathML containing want
// and not containing bad.
func TestLook(t *testing.T) {
	tests := []struct {
		name, tex, want, bad string
	}{
		{"prime after base", `f'(x)`, `<mrow><mi>f</mi><mo lspace="0" rspace="0">′</mo></mrow>`, "<msup>"},
		{"double prime", `f''`, `<mo lspace="0" rspace="0">″</mo></mrow>`, "<msup>"},
		{"prime with superscript", `f'^2`, `<msup><mi>f</mi><mrow><mo lspace="0" rspace="0">′</mo><mn>2</mn></mrow></msup>`, ""},
		{"prime with subscript", `f'_i`, `<msubsup>`, ""},
		{"widehat stretches", `\widehat{abc}`, "<mo stretchy=\"true\">\u0302</mo>", "<mo stretchy=\"true\">^</mo>"},
		{"widetilde as wide as its base", `\widetilde{abc}`,
			`<mover accent="true"><mrow><mi>a</mi><mi>b</mi><mi>c</mi></mrow><mpadded height="0.22em" depth="0" class="wide-tilde"><mpadded width="0"><mo stretchy="false" lspace="0" rspace="0">∼</mo></mpadded><mphantom><mrow><mi>a</mi><mi>b</mi><mi>c</mi></mrow></mphantom></mpadded></mover>`, "stretchy=\"true\""},
		{"xrightarrow drawn by the theme over its label's width", `\xrightarrow{f}`,
			`<mover><mpadded height="0.5em" depth="0" class="arrow-r"><mpadded width="0"><mo stretchy="false" lspace="0" rspace="0">→</mo></mpadded><mphantom><mstyle scriptlevel="+1"><munder accentunder="true"><mrow><mspace width="0.2778em"></mspace><mi>f</mi><mspace width="0.2778em"></mspace></mrow><mspace width="2.535em"></mspace></munder></mstyle></mphantom></mpadded><mrow><mspace width="0.2778em"></mspace><mi>f</mi>`, `stretchy="true"`},
		{"xrightarrow has a relation's spaces", `a\xrightarrow{f}b`, `<mi>a</mi><mrow><mspace width="0.2778em"></mspace><mover>`, ""},
		{"xrightarrow in a script has none", `x_{a\xrightarrow{f}b}`, `<mi>a</mi><mover>`, ""},
		{"xrightarrow spans both labels", `\xrightarrow[below]{f}`, `<munder accentunder="true"><munder accentunder="true"><mrow>`, ""},
		{"xmapsto drawn", `\xmapsto{f}`, `class="arrow-map"><mpadded width="0"><mo stretchy="false" lspace="0" rspace="0">↦</mo></mpadded>`, "stretchy=\"true\""},
		{"xRightarrow drawn", `\xRightarrow{f}`, `class="arrow-rr"><mpadded width="0"><mo stretchy="false" lspace="0" rspace="0">⇒</mo></mpadded>`, "stretchy=\"true\""},
		{"xhookrightarrow stretched from the font", `\xhookrightarrow{f}`, `<mover><mo stretchy="true">↪</mo>`, "class"},
		{"overrightarrow drawn over its base", `\overrightarrow{AB}`,
			`<mover accent="true"><mrow><mi>A</mi><mi>B</mi></mrow><mpadded height="0.5em" depth="0" class="arrow-r"><mpadded width="0"><mo stretchy="false" lspace="0" rspace="0">→</mo></mpadded><mphantom><mrow><mi>A</mi><mi>B</mi></mrow></mphantom></mpadded></mover>`, "stretchy=\"true\""},
		{"bar is a macron clear of its base", `\bar{x}`, `<mo stretchy="false">¯</mo>`, "‾"},
		{"middle double bar as tall as its neighbours", `\left( \frac{p}{2} \middle\| q \right)`, `<mo stretchy="true" lspace="0.05em" rspace="0.05em" symmetric="false">‖</mo>`, ""},
		{"left and right around flat content keep their size", `\left( q(z) \middle\| p_i \right)`, `<mo form="prefix" stretchy="false">(</mo>`, `stretchy="true"`},
		{"vec keeps its arrow", `\vec{v}`, `<mo stretchy="false">→</mo>`, "scaleX"},
		{"flat radicand in a fixed box", `\sqrt{x_i}`, `<msqrt class="flat"><mpadded height="0.71em" depth="0.23em"><msub>`, ""},
		{"flat root with index", `\sqrt[3]{8}`, `<mroot class="flat"><mpadded height="0.71em" depth="0.23em"><mn>8</mn></mpadded><mn>3</mn></mroot>`, ""},
		{"tall radicand left alone", `\sqrt{\frac{1}{2}}`, `<msqrt><mfrac>`, "flat"},
		{"superscript radicand raised", `\sqrt{x^2+y_i^2}`, `<msqrt class="raised"><mpadded height="0.9em" depth="0.3em"><mrow><msup>`, "flat"},
		{"nested scripts left alone", `\sqrt{x^{2^n}}`, `<msqrt><msup>`, "raised"},
		{"script style: no space around relations", `\sum_{i=1}^n`, `<mi>i</mi><mo lspace="0" rspace="0">=</mo>`, ""},
		{"script style: no space after commas", `a_{i,j}`, `<mo lspace="0" rspace="0">,</mo>`, ""},
		{"text-style fraction parts are script style", `\tfrac{a+b}{2}`, `<mo lspace="0" rspace="0">+</mo>`, ""},
		{"display fraction parts keep their spaces", `\dfrac{a+b}{2}`, `<mi>a</mi><mo>+</mo>`, ""},
		{"thin space before a function name", `n\log n`, `<mi>n</mi><mspace width="0.1667em"></mspace><mi>log</mi>`, ""},
		{"no space after an opening parenthesis", `(\log n)`, `<mo stretchy="false">(</mo><mi>log</mi>`, ""},
		{"colon spacing", `f\colon X`, `<mo lspace="0.1111em" rspace="0.3333em">:</mo>`, ""},
		{"big", `\big(`, `minsize="1.2em" maxsize="1.2em"`, ""},
		{"Big", `\Big(`, `minsize="1.8em" maxsize="1.8em"`, ""},
		{"bigg", `\biggl(`, `minsize="2.4em" maxsize="2.4em"`, ""},
		{"Bigg", `\Biggr)`, `minsize="3em" maxsize="3em"`, ""},
		{"equation number out of flow", `\begin{equation} x \end{equation}`,
			`<mpadded height="0" depth="0" style="position:absolute;right:0"><mtext data-eqno="0"></mtext></mpadded>`, "width:50%"},
		{"numbered table class", `\begin{align} a &= b \end{align}`, `<mtable displaystyle="true" class="eqnum">`, "width:100%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Convert(tt.tex, Options{Display: true})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(res.MathML, tt.want) {
				t.Errorf("missing %s in\n%s", tt.want, res.MathML)
			}
			if tt.bad != "" && strings.Contains(res.MathML, tt.bad) {
				t.Errorf("unwanted %s in\n%s", tt.bad, res.MathML)
			}
		})
	}
}
