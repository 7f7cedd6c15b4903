package libs

// all is every library, in load order. To upgrade one: change its version
// in testdata/browser/package.json, run npm install there, and run
// `go test ./internal/libs -run Installed -v -update-pins` to print the new
// hashes and sizes.
// The UMD builds are used throughout: one file per library, so one SRI hash
// covers all the code a page runs (an ES-module build fetches chunks no
// integrity attribute covers).
var all = []Lib{
	{
		Name: "mermaid", Package: "mermaid", Version: "12.3.0",
		Files: []File{{Path: "dist/mermaid.min.js", Integrity: "sha384-HHW54r639fK42Ip0coGF3mz8oSiGn0eEoWNTLs75X7H63pLSDBa0Tqs0RwGmLlXE", Size: 5537838}},
	},
	{
		// Pan and zoom for mermaid diagrams (front matter mermaid.zoomable).
		Name: "svg-pan-zoom", Package: "svg-pan-zoom", Version: "3.6.2",
		Files: []File{{Path: "dist/svg-pan-zoom.min.js", Integrity: "sha384-GGX4llYprEPGp9w5caepn95YWAEflHnsA5ewt+Y+cBEb95og5cXKllnWKSELlzbx", Size: 29784}},
	},
	{
		Name: "chartjs", Package: "chart.js", Version: "4.6.1",
		Files: []File{{Path: "dist/chart.umd.min.js", Integrity: "sha384-Emf5ZVIUiarAdhkgtqK+5/Z5qIvM6QoVrS+qAVtfyZVuD5lIHrac0me485+Antp0", Size: 210082}},
	},
	{
		Name: "echarts", Package: "echarts", Version: "6.1.0",
		Files: []File{{Path: "dist/echarts.min.js", Integrity: "sha384-C2iskrW/uPW46KzOjrvJIQo4YkV8lkD+QS0CrDN18IIPIpT/g2USu8bTP3nvmIAD", Size: 1121883}},
	},
	{
		Name: "vega", Package: "vega", Version: "6.4.0",
		Files: []File{{Path: "build/vega.min.js", Integrity: "sha384-VKdcJr3ZaBIJMbVcopTAI/JEuUkSY6qnwVu9iLuw0DnQ9gQ1JjsfZJhXFQAgNi43", Size: 521123}},
	},
	{
		Name: "vega-lite", Package: "vega-lite", Version: "6.5.0",
		Files:    []File{{Path: "build/vega-lite.min.js", Integrity: "sha384-pV2l7nzmyxZh02knvUH7N8zvtyCYsYiGt+SsE/emG/dFiBI6G0YJZFZ2FzEX72P3", Size: 257954}},
		Requires: []string{"vega"},
	},
	{
		// vega-embed is what a vega_lite block asks for: it drives the
		// Vega and Vega-Lite runtimes.
		Name: "vega-embed", Package: "vega-embed", Version: "7.3.0",
		Files:    []File{{Path: "build/vega-embed.min.js", Integrity: "sha384-Muy1QRxYFeNrA1zShc1KtN4OfipkR/61gt+HWqN57c1Zxu3Oe16TsilsruVVjfKL", Size: 60298}},
		Requires: []string{"vega", "vega-lite"},
	},
	{
		Name: "plotly", Package: "plotly.js-dist-min", Version: "4.1.2",
		Files: []File{{Path: "plotly.min.js", Integrity: "sha384-hHv6D3tTUUBpp4tVv6t2Dc3oGuRhphmWOTKUR8jWyN0Pnon1g3iebKCNDNmKmxo8", Size: 4834409}},
	},
	{
		Name: "leaflet", Package: "leaflet", Version: "1.9.4",
		Files: []File{
			{Path: "dist/leaflet.css", Integrity: "sha384-sHL9NAb7lN7rfvG5lfHpm643Xkcjzp4jFvuavGOndn6pjVqS6ny56CAt3nsEVT4H", Size: 14806},
			{Path: "dist/leaflet.js", Integrity: "sha384-cxOPjt7s7Iz04uaHJceBmS+qpjv2JkIHNVcuOrM+YHwZOmJGBXI00mdUXEq65HTH", Size: 147552},
		},
	},
	{
		Name: "topojson", Package: "topojson-client", Version: "3.1.0",
		Files:    []File{{Path: "dist/topojson-client.min.js", Integrity: "sha384-Ukv1p/xTma6P4/2bY5KzWBw+ydSpXmhCMtyciIQVDJ1RmOxtCYNMF1uXT9T63H67", Size: 7169}},
		Requires: []string{"leaflet"},
	},
	{
		// TikZJax runs TeX in WebAssembly: tikzjax.js fetches run-tex.js,
		// tex.wasm.gz, core.dump.gz and the TeX files it needs from its own
		// folder, which the integrity hash cannot cover.
		Name: "tikzjax", Package: "@drgrice1/tikzjax", Version: "1.0.0-beta24",
		Files: []File{
			{Path: "dist/fonts.css", Integrity: "sha384-PbIsOsezZZmSgWhxv4UD3TQAV15oHGgZd/5NYY20c3YdHkFAJx7Ye3Mgnv1KHxBl", Size: 12758},
			{Path: "dist/tikzjax.js", Integrity: "sha384-noUV/PegiCqC0SabPZ4t6tyU3kEAuC2UHPfaf1/un55taPy/CZlvJYS3MubK12IT", Size: 53597},
		},
	},
	katex, mathFont, // math.go
}
