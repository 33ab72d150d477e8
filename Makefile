# tiermix: `make serve` builds and serves the calculator, `make test` runs every test.
# Every target installs what it needs, idempotently, so both work on a fresh machine.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

PORT ?= 8080
# Where the calculator will be published; the oEmbed answer points there.
PUBLIC_URL ?= http://127.0.0.1:$(PORT)/
export PUBLIC_URL
WASM_TARGET := wasm32-unknown-unknown
# The CLI must be the exact version of the wasm-bindgen crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
WASM_RAW := target/$(WASM_TARGET)/release/tiermix.wasm
PKG := www/pkg
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium

.PHONY: bench measure build dist serve test tools rust-tools node-tools browser java wordpress test-native test-wasm test-js test-e2e test-wordpress test-quality test-types fuzz clean

## Tools ---------------------------------------------------------------------------------------

rust-tools:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@for component in rustfmt clippy; do rustup component list --installed | grep -q "^$$component" || rustup component add $$component; done
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes, once)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

# binaryen's wasm-opt comes from npm: Debian's (version 108) corrupts modules with reference types.
# esbuild (npm, pinned) minifies the scripts and style sheets make dist ships.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

node-tools: node_modules/.package-lock.json

browser:
	@if [ ! -x $(CHROMIUM) ] || ! command -v chromedriver >/dev/null; then \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	fi

# The Nu HTML Checker (npm vnu-jar) is a Java program.
java:
	@if ! command -v java >/dev/null; then \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	fi

# A real WordPress for its tests: Debian's WordPress, MariaDB and PHP (the tests run their own
# database server and PHP's built-in web server; nothing is started as a service).
WORDPRESS_PACKAGES := wordpress mariadb-server php php-mysql php-curl
wordpress:
	@for package in $(WORDPRESS_PACKAGES); do dpkg -s $$package >/dev/null 2>&1 || missing=1; done; \
	if [ -n "$${missing:-}" ]; then \
	  echo "Installing $(WORDPRESS_PACKAGES) (a few minutes, once)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(WORDPRESS_PACKAGES); \
	fi

tools: rust-tools node-tools

## Build ---------------------------------------------------------------------------------------

# Two facts binaryen cannot see for itself, worth 0.7 KB gzipped: the module defines its own
# memory, so it starts zeroed; and rustc links the 1 MB stack first (`--stack-first`), so the
# lowest kilobyte is touched only by a stack about to overflow anyway. Flattening and
# re-looping the control flow, then shrinking again, finds 0.2 KB more (make bench stays within
# its targets). The producers and target_features sections are for tools, not browsers:
# stripped last (wasm-opt has read the features by then), they are another 0.2 KB.
WASM_OPT_FLAGS := -Oz --converge --zero-filled-memory --low-memory-unused --flatten --rereloop -Oz -Oz --strip-producers --strip-target-features

# wasm-module NAME CARGO-FLAGS: builds the crate, binds it as $(PKG)/NAME.js and optimises it.
define wasm-module
	cargo build --release --target $(WASM_TARGET) $(2)
	wasm-bindgen --target web --no-typescript --out-dir $(PKG) --out-name $(1) $(WASM_RAW)
	node_modules/.bin/wasm-opt $(WASM_OPT_FLAGS) $(PKG)/$(1)_bg.wasm -o $(PKG)/$(1)_bg.wasm
	@echo "$(1)_bg.wasm: $$(stat -c %s $(PKG)/$(1)_bg.wasm) bytes, $$(gzip -9c $(PKG)/$(1)_bg.wasm | wc -c) gzipped"
endef

# Three modules: start.js, what the page draws its first result with (presets, classify,
# evaluate and compareMixes, compare without the optimum: no optimiser), which it loads first;
# calculator.js, every function but the roster reader and picker, which the page (the optimum,
# the assumptions) and its workers load after the first result, and the widget at once;
# tiermix.js, the whole API, which the candidates tab loads when it opens. Each gets its
# hand-written types (types/*.d.ts): the binding takes JsValue, so generated ones would say
# `any`. core.js, calculator.js's old name, re-exports it for one more release. Last, the
# pages as served: the default scenario's results computed by the engine natively and placed by
# the page's own code (scripts/build/prerender.mjs), written to www/pkg/index.html and embed.html.
build: tools
	$(call wasm-module,start,--no-default-features --features first)
	$(call wasm-module,calculator,--no-default-features --features analysis)
	$(call wasm-module,tiermix,)
	cp types/start.d.ts types/calculator.d.ts types/tiermix.d.ts types/core.d.ts types/facts.d.ts types/benchmarks.d.ts $(PKG)/
	node scripts/build/core-alias.mjs
	@rm -f $(PKG)/core_bg.wasm # calculator_bg.wasm's old name: a stale copy would ship with make dist
	cargo run --quiet -p tiermix-build-data -- $(PKG)
	node scripts/build/oembed.mjs
	node scripts/build/prerender.mjs $(PKG)

# A self-contained copy for any static host: scripts and style sheets minified, file names
# hashed, headers files; and the WordPress plugin with that copy inside, as an installable zip
# (dist/tiermix-wordpress.zip).
# PUBLIC_URL=https://your.site/tiermix/ make dist: the oEmbed answer points there.
dist: build
	node scripts/build/dist.mjs
	node scripts/build/wordpress.mjs

# www/ as it is, but the pages as the build filled them with their first results (www/pkg/).
serve: build
	@echo "tiermix on http://127.0.0.1:$(PORT)/"
	python3 scripts/build/serve.py $(PORT)

## Tests ---------------------------------------------------------------------------------------

test: build browser test-native test-types test-wasm test-js test-e2e test-wordpress test-quality

# Formatting first: rustfmt.toml is the house style, and a diff says exactly what to run.
test-native: rust-tools
	cargo fmt --all --check
	cargo fmt --manifest-path fuzz/Cargo.toml --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	cargo test --workspace

# The binding compiled to wasm, in headless Chromium (options in webdriver.json).
test-wasm: rust-tools browser
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60 \
	  cargo test --target $(WASM_TARGET) --test web

# The JS API contract on the built module (Node), and the size budget.
test-js: build
	node --test tests/js/

# The real page in headless Chromium (Playwright drives Debian's chromium).
test-e2e: build browser
	node --test --test-concurrency=1 tests/e2e/

# The plugin and every other route into a post, in a real WordPress made for the run (Author and
# Administrator, classic and block formats, 1280 and 390 px wide). The calculator is served on
# 127.0.0.1:8080, a port WordPress fetches embeds from: it must be free.
test-wordpress: build browser wordpress
	node --test --test-concurrency=1 tests/wordpress/

# The page's modules and the widget checked by TypeScript from their JSDoc, against the engine's
# hand-written types (www/jsconfig.json; the workers, with a worker's globals, in
# jsconfig.worker.json).
test-types: node-tools
	@status=0; for project in www/jsconfig.json www/jsconfig.worker.json; do \
	  node_modules/.bin/tsc -p $$project || status=1; \
	done; exit $$status

# Coverage-guided fuzzing of the roster reader and the pick (nightly Rust and cargo-fuzz,
# installed on first use). Not part of `make test`: it runs for as long as you give it.
FUZZ_SECONDS ?= 300
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && cargo +nightly fuzz run parse_roster -- -max_total_time=$(FUZZ_SECONDS) -max_len=65536
	cd fuzz && cargo +nightly fuzz run pick_roster -- -max_total_time=$(FUZZ_SECONDS) -max_len=8192

# Lighthouse (accessibility, best practices, SEO ≥ 95) and the Nu HTML Checker on every page.
test-quality: build browser java
	node --test --test-concurrency=1 tests/quality/

clean:
	cargo clean
	rm -rf $(PKG) node_modules

## Measurements (numbers, not pass/fail) -------------------------------------------------------

measure: build browser
	node scripts/bench/measure-page.mjs

# Performance figures with their targets: native (release), wasm in Node, `evaluate` with its
# boundary against plain JavaScript (Node and Chromium), the page in Chromium.
bench: build browser
	rm -f target/bench-rows.jsonl
	cargo bench --quiet --bench optimize
	node scripts/bench/bench-wasm.mjs
	node scripts/bench/bench-boundary.mjs
	node scripts/bench/bench-page.mjs
	node scripts/bench/bench-keystroke.mjs
	node scripts/bench/bench-roster.mjs
	node scripts/bench/bench-first.mjs
	node scripts/bench/bench-lighthouse.mjs
	node scripts/bench/measure-page.mjs
	node scripts/bench/bench-table.mjs
