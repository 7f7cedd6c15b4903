package diffview

import (
	"path"
	"strings"
)

// langByExt maps file extensions to highlighter language names (chroma's).
var langByExt = map[string]string{
	".c": "c", ".h": "c", ".cc": "cpp", ".cpp": "cpp", ".cxx": "cpp", ".hpp": "cpp",
	".cs": "csharp", ".css": "css", ".scss": "scss", ".go": "go", ".java": "java",
	".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "jsx",
	".ts": "typescript", ".tsx": "tsx", ".json": "json", ".py": "python",
	".rb": "ruby", ".rs": "rust", ".md": "markdown", ".markdown": "markdown",
	".yml": "yaml", ".yaml": "yaml", ".toml": "toml", ".html": "html", ".htm": "html",
	".xml": "xml", ".svg": "xml", ".sh": "bash", ".bash": "bash", ".zsh": "bash",
	".tex": "latex", ".bib": "bibtex", ".r": "r", ".jl": "julia", ".kt": "kotlin",
	".swift": "swift", ".php": "php", ".sql": "sql", ".lua": "lua", ".scala": "scala",
	".hs": "haskell", ".ml": "ocaml", ".ex": "elixir", ".exs": "elixir", ".erl": "erlang",
	".pl": "perl", ".dart": "dart", ".vue": "vue", ".liquid": "liquid", ".m": "matlab",
	".ipynb": "json", ".mustache": "handlebars", ".diff": "diff", ".patch": "diff",
}

// langByName maps well-known extension-less file names.
var langByName = map[string]string{
	"Dockerfile": "docker", "Makefile": "make", "GNUmakefile": "make",
	"Gemfile": "ruby", "Rakefile": "ruby", "CMakeLists.txt": "cmake",
}

// Lang returns the highlighter language for a file name, "" when unknown.
func Lang(name string) string {
	base := path.Base(name)
	if l, ok := langByName[base]; ok {
		return l
	}
	return langByExt[strings.ToLower(path.Ext(base))]
}
