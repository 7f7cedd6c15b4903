# distill: make serve (build and preview the sample site), make test (all tests).
GO ?= go
BIN := bin/distill

.PHONY: all build serve site test test-short race bench fuzz vet clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/distill

# Build the sample site (this repository) and serve it on http://127.0.0.1:4000/
serve:
	$(GO) run ./cmd/distill serve -s .

# Build the sample site into public/
site:
	$(GO) run ./cmd/distill build -s .

# Every test, with the race detector: unit, golden, end-to-end builds and the
# browser tests (headless Chromium; see .ci/run for what they need).
test:
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 30m ./...

test-short:
	$(GO) test -short ./...

# Benchmarks; compare runs with benchstat.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./... | tee bench.txt

# Run each fuzz target for FUZZTIME (default 20s).
FUZZTIME ?= 20s
fuzz:
	@for pkg in $$($(GO) list ./internal/...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l cmd internal themes)" || (gofmt -l cmd internal themes; exit 1)

clean:
	rm -rf bin public bench.txt
