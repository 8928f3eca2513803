# Convenience entry points over CMake. `make run` and `make test` are the README's two commands.
BUILD      ?= build
ASAN_BUILD ?= build-asan
PPC_BUILD  ?= build-ppc
JOBS       ?= $(shell nproc)
SCENE      ?= scenes/default.scn

.PHONY: all deps build run test test-host test-asan test-ppc bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

# With a display: the front panel window (Esc quits). Without one (a server, CI): ten seconds of
# the scene on the virtual clock, its screen saved to aleph-sim-screen.png, statistics printed.
run: deps build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "aleph-sim $(SCENE): the front panel window (h: keys, o: pool statistics, Esc: quit)"; \
	  $(BUILD)/sim/aleph-sim --stats $(SCENE); \
	else \
	  echo "aleph-sim $(SCENE): no display, so 10 s headless; screen -> aleph-sim-screen.png"; \
	  $(BUILD)/sim/aleph-sim --headless --run-for 10 --stats --screenshot aleph-sim-screen.png \
	    --panel-screenshot aleph-sim-panel.png --scale 3 $(SCENE); \
	fi

test: deps test-host test-asan test-ppc

test-host: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DALEPH_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

test-ppc:
	cmake -S . -B $(PPC_BUILD) -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-powerpc.cmake -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(PPC_BUILD) -j $(JOBS)
	cd $(PPC_BUILD) && ctest --output-on-failure -j $(JOBS)

bench: deps
	cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release
	cmake --build build-release -j $(JOBS) --target bench_pool bench_net
	build-release/bench/bench_pool
	build-release/bench/bench_net

# libFuzzer targets (clang; fuzz/, docs/reliability.md): seed corpora, then FUZZ_TIME s each.
FUZZ_BUILD ?= build-fuzz
FUZZ_TIME  ?= 20
fuzz:
	cmake -S fuzz -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=clang
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_TIME)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(PPC_BUILD) build-release $(FUZZ_BUILD)
