# LawQuiz — the two commands of the quick start are `make run` and `make test`.
SWIFT ?= swift
BIN := .build/release/lawquiz

.PHONY: run test build setup bench fuzz clean

setup:
	@bash scripts/setup

build: setup
	$(SWIFT) build -c release --product lawquiz

## make run: install what is missing, build in release mode, start lawquiz.
run: build
	@$(BIN) $(ARGS)

## make test: same set-up, then the whole test suite (unit + end-to-end + pty).
test: setup
	@bash scripts/test

bench: build
	@bash scripts/bench

## make fuzz: libFuzzer on every input format, FUZZ_SECONDS (default 60) per target, one at a time.
fuzz: setup
	@FUZZ_SECONDS=$(or $(FUZZ_SECONDS),60) bash scripts/fuzz $(TARGETS)

clean:
	rm -rf .build
