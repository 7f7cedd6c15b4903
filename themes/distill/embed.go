// Package distilltheme embeds the default theme, so `distill build` works in
// any directory. A site overrides any file by placing its own copy at the
// same path under its themes/distill/ folder.
package distilltheme

import "embed"

// FS holds layouts/ (html/template files) and static/ (CSS and our own
// small scripts).
//
//go:embed layouts static
var FS embed.FS
