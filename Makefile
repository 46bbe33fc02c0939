# LawQuiz — the two commands of the quick start are `make run` and `make test`.
SWIFT ?= swift
BIN := .build/release/lawquiz
# make install: where an office host keeps the program, its banks, results and configuration.
PREFIX ?= /usr/local
SYSCONFDIR ?= /etc
STATEDIR ?= /var/lib
DESTDIR ?=
# A lawquiz already built to install instead of a fresh static release build (tests use a debug build).
BINARY ?=
INSTALL_VARS = PREFIX="$(PREFIX)" SYSCONFDIR="$(SYSCONFDIR)" STATEDIR="$(STATEDIR)" DESTDIR="$(DESTDIR)" BINARY="$(BINARY)"

.PHONY: run test build setup bench fuzz clean install uninstall

setup:
	@bash scripts/setup

# The Swift runtime and Foundation linked in (as `make install` does), and SQLite, readline, zlib and
# libstdc++ from their archives (scripts/link-lawquiz): 5 objects in `ldd`
# instead of 29, which roughly halves the time to the first question (README, "Launch").
# `bank snapshot` leaves the parsed banks in QuestionBanks/.catalog for this build.
build: setup
	$(SWIFT) build -c release --product lawquiz --static-swift-stdlib
	-@$(BIN) bank snapshot

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

## make install: set-group-id program, banks, state folder and configuration (see README, "Deploying for an office").
install: setup
	@$(INSTALL_VARS) bash scripts/install install

## make uninstall: removes program and banks; keeps results and configuration unless PURGE=1.
uninstall:
	@$(INSTALL_VARS) PURGE="$(PURGE)" bash scripts/install uninstall
