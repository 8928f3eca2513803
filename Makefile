# SPDX-License-Identifier: MIT
# Convenience entry points over CMake. `make run` and `make test` are the README's two commands.
BUILD         ?= build
ASAN_BUILD    ?= build-asan
PPC_BUILD     ?= build-ppc
RELEASE_BUILD ?= build-release
CLANG_BUILD   ?= build-release-clang
JOBS          ?= $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
SCENE         ?= scenes/default.scn
# test-ppc without a powerpc cross compiler or qemu-ppc: auto skips it with a message, require
# fails (CI, where scripts/install-deps.sh --test installs both)
PPC           ?= auto
# warnings are errors in what make test, make fuzz and CI build (ALEPH_WERROR), not in make run's
WERROR_FLAG   ?=

.PHONY: all deps test-deps build run test test-host test-asan test-ppc test-release package \
        bench memory-report fuzz clean

all: build

# what building and running needs (make run) / what the tests add (make test, CI)
deps:
	@scripts/install-deps.sh --run
test-deps:
	@scripts/install-deps.sh --test

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(WERROR_FLAG)
	cmake --build $(BUILD) -j $(JOBS)

# With a display: the front panel window (Esc quits). Without one (a server, CI): ten seconds of
# the scene on the virtual clock, its screen saved to aleph-sim-screen.png, statistics printed.
run: deps build
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || [ "$$(uname)" = Darwin ]; then \
	  echo "aleph-sim $(SCENE): the front panel window (h: keys, o: pool statistics, Esc: quit)"; \
	  $(BUILD)/sim/aleph-sim --stats $(SCENE); \
	else \
	  echo "aleph-sim $(SCENE): no display, so 10 s headless; screen -> aleph-sim-screen.png"; \
	  $(BUILD)/sim/aleph-sim --headless --run-for 10 --stats --screenshot aleph-sim-screen.png \
	    --panel-screenshot aleph-sim-panel.png --scale 3 $(SCENE); \
	fi

# Every test: the host build (RelWithDebInfo, with the .deb unpacked and run), ASan+UBSan, the
# 32-bit big-endian build under qemu, and Release with gcc and clang; warnings are errors.
test test-host test-asan test-ppc test-release fuzz: WERROR_FLAG = -DALEPH_WERROR=ON
test: test-deps test-host test-asan test-ppc test-release

test-host: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-asan:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DALEPH_SANITIZE=ON $(WERROR_FLAG)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS)

test-ppc:
	@if command -v powerpc-linux-gnu-gcc > /dev/null && command -v qemu-ppc > /dev/null; then \
	  set -e; \
	  cmake -S . -B $(PPC_BUILD) -DCMAKE_TOOLCHAIN_FILE=cmake/toolchain-powerpc.cmake \
	    -DCMAKE_BUILD_TYPE=RelWithDebInfo $(WERROR_FLAG); \
	  cmake --build $(PPC_BUILD) -j $(JOBS); \
	  cd $(PPC_BUILD) && ctest --output-on-failure -j $(JOBS); \
	elif [ "$(PPC)" = require ]; then \
	  echo "test-ppc: FAILED: no powerpc-linux-gnu-gcc or qemu-ppc (scripts/install-deps.sh --test)" >&2; \
	  exit 1; \
	else \
	  echo "test-ppc: SKIPPED: the 32-bit big-endian tests need powerpc-linux-gnu-gcc and qemu-ppc,"; \
	  echo "  which this system lacks (scripts/install-deps.sh --test says whether its package manager has them)"; \
	fi

# Release, as packagers build it: gcc (its tests too; the build make package uses) and clang
test-release:
	cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr $(WERROR_FLAG)
	cmake --build $(RELEASE_BUILD) -j $(JOBS)
	cd $(RELEASE_BUILD) && ctest --output-on-failure -j $(JOBS)
	@if command -v clang > /dev/null; then set -e; \
	  cmake -S . -B $(CLANG_BUILD) -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Release $(WERROR_FLAG); \
	  cmake --build $(CLANG_BUILD) -j $(JOBS); \
	else \
	  echo "test-release: clang SKIPPED: no clang here (scripts/install-deps.sh --test)"; \
	fi

# A Debian package of the Release build: build-release/aleph-sim_VERSION_ARCH.deb
# (scripts/check-deb.sh PACKAGE.deb checks one; CI installs it with --install)
package:
	cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr $(WERROR_FLAG)
	cmake --build $(RELEASE_BUILD) -j $(JOBS)
	cd $(RELEASE_BUILD) && cpack -G DEB

bench: deps
	cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr
	cmake --build $(RELEASE_BUILD) -j $(JOBS) --target bench_pool bench_net bench_dsp
	$(RELEASE_BUILD)/bench/bench_pool
	$(RELEASE_BUILD)/bench/bench_net
	$(RELEASE_BUILD)/bench/bench_dsp

# docs/memory.md's corpus tables, measured again in the host and the 32-bit build
memory-report: build test-ppc
	scripts/memory-report.sh $(BUILD) $(PPC_BUILD)

# libFuzzer targets (clang; fuzz/, docs/reliability.md): seed corpora, then FUZZ_TIME s each.
FUZZ_BUILD ?= build-fuzz
FUZZ_TIME  ?= 20
FUZZ_CC    ?= clang
fuzz:
	cmake -S fuzz -B $(FUZZ_BUILD) -DCMAKE_C_COMPILER=$(FUZZ_CC) $(WERROR_FLAG)
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_TIME)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(PPC_BUILD) $(RELEASE_BUILD) $(CLANG_BUILD) $(FUZZ_BUILD)
