// Package diag carries positioned build messages (warnings and errors) from
// every stage of the pipeline to the command line and the JSON report.
//
// A stage never prints: it returns a List, and the caller merges lists so that
// one build reports every problem at once.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a Diagnostic fails the build.
type Severity int

const (
	// Warning is reported but does not fail the build.
	Warning Severity = iota
	// Error fails the build (exit status 1, previous output kept).
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// MarshalText makes severities readable in the JSON report.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one message tied to a place in a source file. File is
// relative to the site root with forward slashes; Line and Col are 1-based,
// 0 when unknown.
type Diagnostic struct {
	File     string   `json:"file,omitempty"`
	Line     int      `json:"line,omitempty"`
	Col      int      `json:"col,omitempty"`
	Severity Severity `json:"severity"`
	// Kind is a short machine-readable class ("yaml", "cite", "math", "toc", …)
	// used to count warnings by kind in reports.
	Kind string `json:"kind,omitempty"`
	Msg  string `json:"message"`
}

// String formats the diagnostic as "file:line:col: msg" (warnings get a
// "warning: " prefix before the message).
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// Error lets a Diagnostic be returned as an error.
func (d Diagnostic) Error() string { return d.String() }

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Warnf appends a warning.
func (l *List) Warnf(file string, line int, kind, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Severity: Warning, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

// Errorf appends an error.
func (l *List) Errorf(file string, line int, kind, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Severity: Error, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

// Add appends diagnostics.
func (l *List) Add(ds ...Diagnostic) { *l = append(*l, ds...) }

// HasErrors reports whether any diagnostic is an Error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of diagnostics of severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Sort orders the list by file, line, column and message so output is
// deterministic whatever order parallel workers finished in.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// Shift returns a copy of the list with every line moved by delta, for
// diagnostics computed on a fragment (a front-matter block, a math span)
// that starts at line delta+1 of its file. Diagnostics without a line keep 0.
func (l List) Shift(file string, delta int) List {
	out := make(List, len(l))
	for i, d := range l {
		if d.File == "" {
			d.File = file
		}
		if d.Line > 0 {
			d.Line += delta
		}
		out[i] = d
	}
	return out
}
