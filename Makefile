# Bayyina — `make run` and `make test` do all set-up on a fresh Debian machine.

SWIFT ?= swift
BIN = .build/debug/bayyina
BUILD_PACKAGES = libsqlite3-dev libxml2-dev zlib1g-dev pkg-config libssl-dev
TEST_PACKAGES = chromium chromium-driver qpdf
RUN_PACKAGES = poppler-utils tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng
export BAYYINA_STORE ?= $(CURDIR)/Storage

.PHONY: run test test-deps build deps clean-store bench

## Install the Debian packages that are missing (needs root or sudo).
deps:
	@missing=""; for p in $(BUILD_PACKAGES) $(RUN_PACKAGES); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build --product bayyina

## Import the Jordan plan and the sample evidence into ./Storage, then serve the public pages and the API
## (the address is printed; stop with Ctrl-C). HOST and PORT change where it listens.
run: build
	$(BIN) seed
	$(BIN) serve --host $(or $(HOST),127.0.0.1) --port $(or $(PORT),8080)

## Run every test: Swift Testing, the OpenAPI document, and the pages in a real (headless) Chromium.
test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 -m openapi_spec_validator Schemas/openapi.yaml
	python3 Tests/browser/test_browser.py --bin $(BIN)

test-deps:
	@missing=""; for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@python3 -c "import openapi_spec_validator, selenium" 2>/dev/null || python3 -m pip install -q openapi-spec-validator selenium

clean-store:
	rm -rf Storage/blobs Storage/tmp Storage/bayyina.sqlite*

## Ingest throughput and search latency on a synthetic corpus (N documents), and PDF pages/s with and
## without OCR (needs ../shared and qpdf).
bench: deps
	$(SWIFT) build -c release --product bayyina
	python3 .ci/bench.py --bin .build/release/bayyina --n $(or $(N),10000)
	python3 .ci/bench_pdf.py --bin .build/release/bayyina
