# Bayyina — `make run` and `make test` do all set-up on a fresh Debian machine.

SWIFT ?= swift
BIN = .build/debug/bayyina
BUILD_PACKAGES = libsqlite3-dev libxml2-dev zlib1g-dev pkg-config libssl-dev
RUN_PACKAGES = poppler-utils tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng
export BAYYINA_STORE ?= $(CURDIR)/Storage

.PHONY: run test build deps clean-store bench

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

## Import the Jordan plan, ingest the sample evidence, and show a search in Arabic and in English.
run: build
	$(BIN) seed
	$(BIN) plan show
	$(BIN) search "الحكومات الشفافة" --limit 3
	$(BIN) search "Open Government Partnership" --limit 3
	$(BIN) listing
	$(BIN) verify

## Run every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean-store:
	rm -rf Storage/blobs Storage/tmp Storage/bayyina.sqlite*

## Ingest throughput and search latency on a synthetic corpus (N documents), and PDF pages/s with and
## without OCR (needs ../shared and qpdf).
bench: deps
	$(SWIFT) build -c release --product bayyina
	python3 .ci/bench.py --bin .build/release/bayyina --n $(or $(N),10000)
	python3 .ci/bench_pdf.py --bin .build/release/bayyina
