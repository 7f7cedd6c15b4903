package diffview

// CSS styles Render's output. Colours are CSS variables on .d-diff, set for
// light mode, for html[data-theme="dark"] (al-folio's switch) and for the
// system dark preference unless the page forces light.
const CSS = `.d-diff{--d-add-bg:#e6ffec;--d-add-num-bg:#ccffd8;--d-add-mark:#abf2bc;` +
	`--d-del-bg:#ffebe9;--d-del-num-bg:#ffd7d5;--d-del-mark:#ff818266;` +
	`--d-hunk-bg:#ddf4ff;--d-hunk-fg:#57606a;--d-num-fg:#6e7781;--d-border:#d0d7de;` +
	`--d-header-bg:#f6f8fa;--d-empty-bg:#f6f8fa;--d-add-fg:#1a7f37;--d-del-fg:#cf222e;` +
	`--d-tag-bg:#eaeef2;font-size:.85em;margin:1em 0}
html[data-theme="dark"] .d-diff{--d-add-bg:#2ea04326;--d-add-num-bg:#3fb9504d;--d-add-mark:#2ea04366;` +
	`--d-del-bg:#f851491a;--d-del-num-bg:#f851494d;--d-del-mark:#f8514966;` +
	`--d-hunk-bg:#388bfd1a;--d-hunk-fg:#8d96a0;--d-num-fg:#6e7681;--d-border:#30363d;` +
	`--d-header-bg:#161b22;--d-empty-bg:#161b22;--d-add-fg:#3fb950;--d-del-fg:#f85149;--d-tag-bg:#30363d}
@media (prefers-color-scheme:dark){html:not([data-theme="light"]):not([data-theme="dark"]) .d-diff{` +
	`--d-add-bg:#2ea04326;--d-add-num-bg:#3fb9504d;--d-add-mark:#2ea04366;` +
	`--d-del-bg:#f851491a;--d-del-num-bg:#f851494d;--d-del-mark:#f8514966;` +
	`--d-hunk-bg:#388bfd1a;--d-hunk-fg:#8d96a0;--d-num-fg:#6e7681;--d-border:#30363d;` +
	`--d-header-bg:#161b22;--d-empty-bg:#161b22;--d-add-fg:#3fb950;--d-del-fg:#f85149;--d-tag-bg:#30363d}}
.d-file{border:1px solid var(--d-border);border-radius:6px;margin-bottom:1em;overflow:hidden}
.d-file-header{display:flex;align-items:center;gap:.5em;padding:.4em .75em;background:var(--d-header-bg);border-bottom:1px solid var(--d-border);font-family:var(--code-font,monospace)}
.d-file-name{font-weight:600;overflow-wrap:anywhere}
.d-tag{font-size:.75em;padding:0 .4em;border-radius:1em;background:var(--d-tag-bg)}
.d-stat{margin-left:auto;white-space:nowrap}.d-stat-add{color:var(--d-add-fg)}.d-stat-del{color:var(--d-del-fg)}
.d-file-body{overflow-x:auto}
.d-table{border-collapse:collapse;width:100%;margin:0;font-family:var(--code-font,monospace);line-height:1.5;border:0}
.d-side-by-side .d-table{table-layout:fixed}
.d-side-by-side .d-col-num{width:3.5em}
.d-table td{padding:0 .5em;border:0;vertical-align:top}
.d-num{color:var(--d-num-fg);text-align:right;user-select:none;width:1%;white-space:nowrap}
.d-code{white-space:pre;tab-size:4}
.d-side-by-side .d-code{white-space:pre-wrap;overflow-wrap:anywhere}
.d-sign{user-select:none;display:inline-block;width:1.2em;color:var(--d-num-fg)}
.d-add>td,td.d-add{background:var(--d-add-bg)}.d-add>.d-num,.d-num.d-add{background:var(--d-add-num-bg)}
.d-del>td,td.d-del{background:var(--d-del-bg)}.d-del>.d-num,.d-num.d-del{background:var(--d-del-num-bg)}
.d-code ins{background:var(--d-add-mark);text-decoration:none;border-radius:2px}
.d-code del{background:var(--d-del-mark);text-decoration:none;border-radius:2px}
td.d-empty{background:var(--d-empty-bg)}
.d-hunk>td{background:var(--d-hunk-bg);color:var(--d-hunk-fg)}
.d-info>td{text-align:center;color:var(--d-num-fg);padding:.5em}
.d-nonl{font-size:.8em;color:var(--d-num-fg);margin-left:1em;user-select:none}
`
