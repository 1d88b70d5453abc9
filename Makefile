# Bayyina — `make run` and `make test` do all set-up on a fresh Debian machine.

SWIFT ?= swift
BIN = .build/debug/bayyina
BUILD_PACKAGES = libsqlite3-dev libxml2-dev zlib1g-dev pkg-config libssl-dev libpoppler-cpp-dev
TEST_PACKAGES = chromium chromium-driver qpdf
OFFICE_TEST_PACKAGES = libreoffice-calc-nogui
BENCH_PACKAGES = qpdf wrk
RUN_PACKAGES = poppler-utils tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng
export BAYYINA_STORE ?= $(CURDIR)/Storage
comma := ,

.PHONY: run test test-deps build deps clean-store bench reliability fuzz

# Installs the Debian packages of $(1) that are missing (needs root or sudo); $(2) adds apt-get options.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(2) $$missing; \
	fi
endef

## Install the Debian packages that are missing.
deps:
	$(call apt_install,$(BUILD_PACKAGES) $(RUN_PACKAGES))

build: deps
	$(SWIFT) build --product bayyina
	$(SWIFT) build --product bayyina-pdftext

## Import the Jordan plan and the sample evidence into ./Storage, then serve the public pages and the API
## (the address is printed; stop with Ctrl-C). HOST and PORT change where it listens.
run: build
	$(BIN) seed
	$(BIN) serve --host $(or $(HOST),127.0.0.1) --port $(or $(PORT),8080)

## Run every test: Swift Testing, the OpenAPI document, link suggestions and version groups against the corpus of
## ../shared (precision and recall floors), the register's outputs in rdflib, bagit and LibreOffice, and the pages
## in a real (headless) Chromium.
test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 -m openapi_spec_validator Schemas/openapi.yaml
	python3 Tests/linking/measure_suggestions.py --bin $(BIN) --check
	python3 Tests/registers/test_registers.py --bin $(BIN)
	python3 Tests/browser/test_browser.py --bin $(BIN)

## Crash safety (SIGKILL during ingest, TRIALS times), concurrency (8 uploaders and 32 searchers for LOAD_SECONDS s) and
## schemathesis against the OpenAPI document (FUZZ_EXAMPLES examples per operation).
reliability: deps test-deps
	$(SWIFT) build --product bayyina
	$(SWIFT) build --product bayyina-pdftext
	python3 Tests/reliability/crash_harness.py --bin $(BIN) --trials $(or $(TRIALS),50)
	python3 Tests/reliability/load_test.py --bin $(BIN) --seconds $(or $(LOAD_SECONDS),60)
	python3 Tests/reliability/api_fuzz.py --bin $(BIN) --examples $(or $(FUZZ_EXAMPLES),50)

FUZZ_TARGETS = FuzzQuery FuzzSniffer FuzzHTML FuzzOffice FuzzEmail FuzzPlan

## libFuzzer with AddressSanitizer over the query parser, type sniffer, HTML, OOXML/ODF, e-mail and plan readers,
## FUZZ_SECONDS s each, from the seed corpora in Fuzz/corpus and the fixtures named in Fuzz/seeds.txt; a crash, or one input running past 20 s (a hang), fails and
## leaves its input in .build/fuzz/crashes.
fuzz: deps
	cd Fuzz && $(SWIFT) build -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	@mkdir -p .build/fuzz/crashes
	@for t in $(FUZZ_TARGETS); do \
		rm -rf .build/fuzz/$$t && mkdir -p .build/fuzz/$$t; \
		if [ -d Fuzz/corpus/$$t ]; then cp Fuzz/corpus/$$t/* .build/fuzz/$$t/; fi; \
		for seed in $$(awk -v t=$$t '$$1 == t { print $$2 }' Fuzz/seeds.txt); do cp "$$seed" .build/fuzz/$$t/ || exit 1; done; \
		SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 Fuzz/.build/debug/$$t -max_total_time=$(or $(FUZZ_SECONDS),60) \
			-rss_limit_mb=2048 -timeout=20 -max_len=65536 -artifact_prefix=.build/fuzz/crashes/$$t- .build/fuzz/$$t 2> .build/fuzz/$$t.log \
			|| { tail -40 .build/fuzz/$$t.log; exit 1; }; \
		echo "$$t: $$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' .build/fuzz/$$t.log)"; \
	done

test-deps:
	$(call apt_install,$(TEST_PACKAGES))
	$(call apt_install,$(OFFICE_TEST_PACKAGES),--no-install-recommends)
	@python3 -c "import openapi_spec_validator, selenium, rdflib, bagit, schemathesis" 2>/dev/null || \
		python3 -m pip install -q openapi-spec-validator selenium rdflib bagit schemathesis

clean-store:
	rm -rf Storage/blobs Storage/tmp Storage/bayyina.sqlite*

## Release-build benchmarks (needs ../shared, qpdf and wrk), each next to the tool people use instead: ingest and
## hashing-and-storing on synthetic corpora of SIZES documents next to the sqlite3 shell's plain FTS5 load of the same
## text and sha256sum; search latency from the library call, the CLI and HTTP (32 connections); PDF pages/s next to
## pdftotext. Medians of several runs with their spread.
SIZES ?= 10000,100000
bench: deps
	$(call apt_install,$(BENCH_PACKAGES))
	$(SWIFT) build -c release --product bayyina
	$(SWIFT) build -c release --product bayyina-pdftext
	$(SWIFT) build -c release --product bayyina-bench
	python3 Benchmarks/bench.py --bin .build/release/bayyina --bench-bin .build/release/bayyina-bench --sizes $(SIZES)
	python3 Benchmarks/bench_pdf.py --bin .build/release/bayyina
	@for n in $(subst $(comma), ,$(SIZES)); do \
		echo "== HTTP, $$n documents =="; \
		python3 Benchmarks/bench_web.py --bin .build/release/bayyina --store /tmp/bayyina-bench/store-$$n \
			--queries /tmp/bayyina-bench/corpus-$$n/queries.jsonl || exit 1; \
	done
