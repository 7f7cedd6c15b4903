package markdown

// JSON figure sources (charts, maps): checked at build time so that a
// typo is an error at its line, not a blank box in the browser.

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// checkJSON parses a block's JSON and checks its shape, reporting an error
// at the line of the problem.
func (f *figureBuilder) checkJSON(b *fenceBlock, kind figureKind) bool {
	if strings.TrimSpace(b.src) == "" {
		f.errorf(b.line, "%s block is empty: it needs a JSON %s", b.lang, jsonWhat(b.lang))
		return false
	}
	var v any
	if err := json.Unmarshal([]byte(b.src), &v); err != nil {
		f.errorf(f.fileLine(b, jsonErrLine(b.src, err)), "%s block: invalid JSON: %v", b.lang, err)
		return false
	}
	if msg := kind.check(v); msg != "" {
		f.errorf(f.fileLine(b, 1), "%s block: %s", b.lang, msg)
		return false
	}
	return true
}

// jsonErrLine is the 1-based line of src where json reported err.
func jsonErrLine(src string, err error) int {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return 1
	}
	i := int(se.Offset) - 1 // the byte that made the decoder stop
	i = min(max(i, 0), len(src)-1)
	if int(se.Offset) >= len(src) { // unexpected end: blame the last text
		for i > 0 && strings.ContainsRune(" \t\r\n", rune(src[i])) {
			i--
		}
	}
	return 1 + strings.Count(src[:i], "\n")
}

func jsonWhat(lang string) string {
	switch lang {
	case "chartjs":
		return "Chart.js configuration"
	case "echarts":
		return "ECharts option object"
	case "vega_lite":
		return "Vega-Lite or Vega specification"
	case "plotly":
		return `object with "data" and "layout"`
	case "geojson":
		return "GeoJSON object"
	case "topojson":
		return "TopoJSON topology"
	}
	return "value"
}

func kindOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}

func checkObject(v any) string {
	if _, ok := v.(map[string]any); !ok {
		return fmt.Sprintf("the block must hold a JSON object ({…}), not %s", kindOf(v))
	}
	return ""
}

func checkChartJS(v any) string {
	if msg := checkObject(v); msg != "" {
		return msg
	}
	m := v.(map[string]any)
	if _, ok := m["type"].(string); !ok {
		return `a Chart.js configuration needs "type" (a string such as "line" or "bar")`
	}
	if _, ok := m["data"].(map[string]any); !ok {
		return `a Chart.js configuration needs "data" (an object with "datasets")`
	}
	return ""
}

func checkPlotly(v any) string {
	if msg := checkObject(v); msg != "" {
		return msg
	}
	m := v.(map[string]any)
	if _, ok := m["data"].([]any); !ok {
		return `a plotly figure needs "data", an array of traces`
	}
	if l, ok := m["layout"]; ok {
		if _, ok := l.(map[string]any); !ok {
			return `plotly "layout" must be an object`
		}
	}
	return ""
}

var geoJSONTypes = []string{"FeatureCollection", "Feature", "Point", "MultiPoint", "LineString",
	"MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}

func checkGeoJSON(v any) string {
	if msg := checkObject(v); msg != "" {
		return msg
	}
	t, _ := v.(map[string]any)["type"].(string)
	if !slices.Contains(geoJSONTypes, t) {
		return fmt.Sprintf(`GeoJSON needs "type", one of %s; got %q`, strings.Join(geoJSONTypes, ", "), t)
	}
	return ""
}

func checkTopoJSON(v any) string {
	if msg := checkObject(v); msg != "" {
		return msg
	}
	m := v.(map[string]any)
	if m["type"] != "Topology" {
		return `TopoJSON needs "type": "Topology"`
	}
	if objs, ok := m["objects"].(map[string]any); !ok || len(objs) == 0 {
		return `TopoJSON needs "objects", an object of named geometries`
	}
	if _, ok := m["arcs"].([]any); !ok {
		return `TopoJSON needs "arcs", an array`
	}
	return ""
}
