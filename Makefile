# Thin wrapper around CMake: `make run` and `make test` are the two commands the README promises.
# Both install missing Debian packages first, so a fresh machine needs nothing else.

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
FUZZ_SECONDS ?= 60
DB         ?= $(BUILD)/sextant-demo.db
CMAKE_ARGS ?=

PACKAGES := cmake g++ make pkg-config librocksdb-dev antlr4 default-jre-headless \
            libantlr4-runtime-dev libserd-dev serdi libedit-dev zlib1g-dev \
            libboost1.81-dev libboost-json1.81-dev libboost-program-options1.81-dev \
            libgtest-dev libgmock-dev libbenchmark-dev raptor2-utils python3-dev pybind11-dev \
            clang-14 libclang-rt-14-dev python3-rdflib chromium

.PHONY: all deps configure build run test test-asan fuzz bench clean

all: build

deps:
	@./scripts/install-deps.sh $(PACKAGES)

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

DATASETS := $(wildcard datasets/*/*.trig)

DATASET_RULES := $(wildcard datasets/*/*.rules)

# The demo store is built once from the bundled datasets and their rules, then reopened.
$(DB): $(DATASETS) $(DATASET_RULES) | build
	rm -rf $(DB)
	$(BUILD)/shell/sextant load $(DB) $(DATASETS)
	for r in $(DATASET_RULES); do $(BUILD)/shell/sextant rules $(DB) add $$r || exit 1; done

run: build $(DB)
	$(BUILD)/shell/sextant $(DB)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE slow

test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSEXTANT_SANITIZE=ON -DSEXTANT_BUILD_BENCH=OFF $(CMAKE_ARGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -LE 'slow|no-asan'

# libFuzzer targets (clang-14, build-fuzz), FUZZ_SECONDS per target; see tests/fuzz/README.md.
fuzz: deps
	JOBS=$(JOBS) ./tests/fuzz/run-fuzzers.sh $(FUZZ_SECONDS)

bench: build
	./bench/run-bench.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
