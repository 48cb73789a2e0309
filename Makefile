# Thin wrapper around CMake: `make run` and `make test` are the two commands the README promises.
# Both install missing Debian packages first, so a fresh machine needs nothing else.

BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
JOBS       ?= $(shell nproc)
FUZZ_SECONDS ?= 60
DB         ?= $(BUILD)/sextant-demo.db
CMAKE_ARGS ?=

PACKAGES := cmake ninja-build ccache mold g++ make pkg-config librocksdb-dev antlr4 \
            default-jre-headless libantlr4-runtime-dev libserd-dev serdi libedit-dev zlib1g-dev libexpat1-dev libssl-dev \
            libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libgtest-dev libgmock-dev raptor2-utils \
            python3-dev pybind11-dev clang-14 libclang-rt-14-dev clang-format clang-tidy \
            python3-rdflib chromium libicu-dev libstemmer-dev strace

# Ninja when it is there (a fresh directory only: an existing one keeps its generator).
GENERATOR := $(if $(shell command -v ninja 2>/dev/null),-G Ninja,)
# The sanitizer builds use clang: it instruments faster code than gcc and compiles it faster.
# Unity builds (8 files per compiler run) cut their cold build time by more than half.
SANITIZER_CMAKE := -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
                   -DCMAKE_BUILD_TYPE=RelWithDebInfo \
                   -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
                   -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
                   -DCMAKE_UNITY_BUILD=ON -DSEXTANT_BUILD_BENCH=OFF
TSAN_OPTIONS_FILE := $(CURDIR)/tests/tsan/suppressions.txt

.PHONY: all deps configure build run test test-slow test-asan test-tsan fuzz bench clean \
        format format-check tidy

all: build

deps:
	@./scripts/install-deps.sh $(PACKAGES)

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(GENERATOR) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)

configure: deps $(BUILD)/CMakeCache.txt

build: configure
	cmake --build $(BUILD) -j $(JOBS)

DATASETS := $(wildcard datasets/*/*.trig)

DATASET_RULES := $(wildcard datasets/*/*.rules)

DATASET_SHAPES := $(wildcard datasets/*/*.shapes.ttl)

# The demo store is built once from the bundled datasets, their rules and their shapes (enforced:
# a change that breaks them is refused), then reopened.
$(DB): $(DATASETS) $(DATASET_RULES) $(DATASET_SHAPES) | build
	rm -rf $(DB)
	$(BUILD)/shell/sextant load $(DB) $(DATASETS)
	for r in $(DATASET_RULES); do $(BUILD)/shell/sextant rules $(DB) add $$r || exit 1; done
	for s in $(DATASET_SHAPES); do $(BUILD)/shell/sextant shapes $(DB) enforce $$s || exit 1; done

run: build $(DB)
	$(BUILD)/shell/sextant $(DB)

# Every test of the quick tier (all but the `slow` label: the long soaks and random seeds).
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE slow

# The slow tier alone (soaks, 300 random rule seeds).
test-slow: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L slow

# The quick tier again under AddressSanitizer + UndefinedBehaviorSanitizer.
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) $(GENERATOR) $(SANITIZER_CMAKE) -DSEXTANT_SANITIZE=ON $(CMAKE_ARGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -LE 'slow|no-asan'

# The concurrency, loader, cache and server tests under ThreadSanitizer (see tests/CMakeLists.txt).
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) $(GENERATOR) $(SANITIZER_CMAKE) -DSEXTANT_TSAN=ON $(CMAKE_ARGS)
	cmake --build $(TSAN_BUILD) -j $(JOBS)
	cd $(TSAN_BUILD) && TSAN_OPTIONS="halt_on_error=1 suppressions=$(TSAN_OPTIONS_FILE)" \
	  ctest --output-on-failure -j $(JOBS) -LE slow

# libFuzzer targets (clang-14, build-fuzz), FUZZ_SECONDS per target; see tests/fuzz/README.md.
fuzz: deps
	JOBS=$(JOBS) ./tests/fuzz/run-fuzzers.sh $(FUZZ_SECONDS)

bench: build
	./bench/run-bench.sh

# clang-format over every C and C++ file git knows (the style is .clang-format).
format:
	git ls-files -z '*.c' '*.cpp' '*.h' | xargs -0 clang-format -i

format-check:
	@git ls-files -z '*.c' '*.cpp' '*.h' | xargs -0 clang-format --dry-run -Werror \
	  || { echo "format-check: run 'make format'" >&2; exit 1; }

# clang-tidy (.clang-tidy) over engine/ and grammar/, with results cached per file.
tidy: build
	python3 scripts/run-tidy.py $(BUILD) -j $(JOBS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) build-fuzz
