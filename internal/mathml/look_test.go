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
		{"widetilde stretches", `\widetilde{abc}`, "<mo stretchy=\"true\">\u223c</mo>", "<mo stretchy=\"true\">~</mo>"},
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
