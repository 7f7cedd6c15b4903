package server

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// reloadJS is the live-reload client: it listens to the events below,
// reloads its page (keeping the scroll position) when the page changed,
// swaps stylesheets in place, and shows or clears the error overlay.
//
//go:embed reload.js
var reloadJS []byte

// Events sent to browsers over server-sent events (eventsPath).
const (
	evReload = "reload" // reloadData: pages and assets that changed
	evCSS    = "css"    // cssData: stylesheets to swap without a reload
	evErrors = "errors" // errorsData: the build failed; show the overlay
	evOK     = "ok"     // the build works again; clear the overlay
)

// reloadData names what changed, as URL paths with the baseurl. A page
// reloads when it is one of Pages or uses one of Assets.
type reloadData struct {
	Pages  []string `json:"pages"`
	Assets []string `json:"assets"`
}

// cssData lists stylesheets to replace: From is the URL a page links to,
// To the one to link instead (the same URL when it changed in place).
type cssData struct {
	Swap []cssSwap `json:"swap"`
}

type cssSwap struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// errorsData is every error of the failed build, as file:line: message.
type errorsData struct {
	Errors []string `json:"errors"`
}

// event is one server-sent event.
type event struct {
	name string
	data []byte
}

func newEvent(name string, v any) event {
	b, err := json.Marshal(v)
	if err != nil {
		b = []byte("{}")
	}
	return event{name: name, data: b}
}

// hub fans events out to the connected browsers.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]bool
	closed  bool
}

func newHub() *hub { return &hub{clients: map[chan event]bool{}} }

// subscribe returns a channel of events, closed when the hub closes or
// the client falls too far behind (it then reconnects).
func (h *hub) subscribe() chan event {
	h.mu.Lock()
	defer h.mu.Unlock()
	c := make(chan event, 16)
	if h.closed {
		close(c)
		return c
	}
	h.clients[c] = true
	return c
}

func (h *hub) unsubscribe(c chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.clients[c] {
		delete(h.clients, c)
		close(c)
	}
}

func (h *hub) send(evs ...event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		for _, ev := range evs {
			if !h.offer(c, ev) {
				break
			}
		}
	}
}

// offer queues ev for c, or drops a client that stopped reading.
func (h *hub) offer(c chan event, ev event) bool {
	select {
	case c <- ev:
		return true
	default:
		delete(h.clients, c)
		close(c)
		return false
	}
}

// close ends every stream, so that the HTTP server can shut down.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		delete(h.clients, c)
		close(c)
	}
}

// heartbeat is how often an idle stream gets a comment, which finds
// browsers that went away.
const heartbeat = 20 * time.Second

// events streams events to one browser, starting with the overlay when
// the last build failed.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := s.hub.subscribe()
	defer s.hub.unsubscribe(c)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 500\n\n")
	if errs := s.errors(); errs != nil {
		writeEvent(w, newEvent(evErrors, errorsData{errs}))
	}
	fl.Flush()
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case ev, ok := <-c:
			if !ok {
				return
			}
			writeEvent(w, ev)
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		case <-r.Context().Done():
			return
		}
		fl.Flush()
	}
}

func writeEvent(w http.ResponseWriter, ev event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
}
