#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# install_deps_tests.sh: scripts/install-deps.sh against stub package managers. Each case runs
# the script with PATH holding only a folder of stubs (apt-get, dpkg-query, dnf, rpm, pacman,
# brew, sudo, and commands standing for installed tools), so what it detects and would install
# does not depend on this machine.
#   install_deps_tests.sh SCRIPT WORK_DIR
set -u
script=$1 work=$2
bash=$(command -v bash) chmod=$(command -v chmod)
failures=0 n=0
fail() { echo "FAIL [$case]: $*"; failures=$((failures + 1)); }

# new_case NAME: an empty stub folder and log
new_case() {
  case=$1 n=$((n + 1))
  stubs=$work/$case
  rm -rf "$stubs" && mkdir -p "$stubs"
  log=$stubs/calls.log
  : > "$log"
}
# stub NAME [BODY]: an executable that logs its arguments and runs BODY (bash)
stub() {
  printf '#!%s\necho "%s $*" >> "%s"\n%s\n' "$bash" "$1" "$log" "${2:-exit 0}" > "$stubs/$1"
  "$chmod" +x "$stubs/$1"
}
# the tools that stand for a working system: compiler, make, cmake 3.25, pkg-config with every module
tools() {
  stub cc; stub make; stub cmake 'echo "cmake version ${CMAKE_VERSION_STUB:-3.25.1}"'
  stub pkg-config
}
# run ARGS...: the script with only the stubs on PATH; output in $out, status in $rc
run() {
  out=$(env -i PATH="$stubs" HOME="$stubs" CMAKE_VERSION_STUB="${CMAKE_VERSION_STUB:-}" \
        "$bash" "$script" "$@" 2>&1)
  rc=$?
}
expect_rc() { [ "$rc" = "$1" ] || fail "exit $rc, expected $1; output:"$'\n'"$out"; }
expect_line() { grep -qxE -- "$1" <<< "$out" || fail "no line matching '$1' in:"$'\n'"$out"; }
expect_no() { ! grep -qE -- "$1" <<< "$out" || fail "unexpected '$1' in:"$'\n'"$out"; }
sudo_re='(sudo )?'

APT_RUN='build-essential cmake pkg-config libsdl2-dev liblo-dev libcjson-dev libpng-dev'

new_case apt_run
stub apt-get; stub dpkg-query 'exit 1'
run --dry-run
expect_rc 0
expect_line 'install-deps: missing for make run: cc make cmake pkg-config sdl2 liblo libcjson libpng'
expect_line 'install-deps: package manager: apt-get'
expect_line "install-deps: would run: ${sudo_re}apt-get install -y -qq --no-install-recommends $APT_RUN"
if grep -q '^apt-get' "$log"; then fail "a dry run called apt-get: $(cat "$log")"; fi

new_case apt_some_installed
stub apt-get
stub dpkg-query 'case $* in *libsdl2-dev*|*cmake*) echo -n "install ok installed";; *) exit 1;; esac'
run --dry-run
expect_rc 0
expect_line "install-deps: would run: ${sudo_re}apt-get install -y -qq --no-install-recommends build-essential pkg-config liblo-dev libcjson-dev libpng-dev"

new_case apt_test
stub apt-get; stub dpkg-query 'exit 1'
run --test --dry-run
expect_rc 0
expect_line 'install-deps: missing for make test: cc make cmake pkg-config sdl2 liblo libcjson libpng clang libfuzzer sanitizers xvfb-run oscsend qemu-ppc ppc-gcc rtmidi pd'
expect_line "install-deps: would run: ${sudo_re}apt-get install -y -qq --no-install-recommends $APT_RUN clang libclang-rt-dev xvfb xauth liblo-tools qemu-user gcc-powerpc-linux-gnu libc6-dev-powerpc-cross librtmidi-dev puredata-core"
expect_no 'skips the 32-bit big-endian tests'

new_case apt_install
# a real (non-dry) run: apt-get update, then install; the stub "installs" the tools
stub sudo '"$@"'
stub dpkg-query 'exit 1'
stub apt-get "[ \"\$1\" = install ] || exit 0
for t in cc make cmake pkg-config; do printf '#!$bash\\nexit 0\\n' > $stubs/\$t; $chmod +x $stubs/\$t; done"
run
expect_rc 0
expect_line "install-deps: running: ${sudo_re}apt-get install -y -qq --no-install-recommends $APT_RUN"
expect_line 'install-deps: ready for make run'
grep -qx 'apt-get update -qq' "$log" || fail "apt-get update not run: $(cat "$log")"
grep -qx "apt-get install -y -qq --no-install-recommends $APT_RUN" "$log" \
  || fail "apt-get install not run as expected: $(cat "$log")"

new_case apt_install_fails
stub sudo '"$@"'; stub dpkg-query 'exit 1'; stub apt-get
run
expect_rc 1
expect_line 'install-deps: still missing after installing: cc make cmake pkg-config sdl2 liblo libcjson libpng'

new_case dnf_test
stub dnf; stub rpm 'exit 1'
run --test --dry-run
expect_rc 0
expect_line 'install-deps: package manager: dnf'
expect_line "install-deps: would run: ${sudo_re}dnf install -y gcc make cmake pkgconf-pkg-config SDL2-devel liblo-devel cjson-devel libpng-devel clang compiler-rt libasan libubsan xorg-x11-server-Xvfb xorg-x11-xauth liblo qemu-user rtmidi-devel puredata"
expect_line "install-deps: ppc-gcc: Fedora's powerpc cross compiler has no C library for user programs"
expect_line 'install-deps: without ppc-gcc and qemu-ppc, make test skips the 32-bit big-endian tests \(test-ppc\)'

new_case pacman_run
stub pacman 'case $1 in -Q) case $2 in cmake) exit 0;; esac; exit 1;; esac'
run --dry-run
expect_rc 0
expect_line 'install-deps: package manager: pacman'
expect_line "install-deps: would run: ${sudo_re}pacman -S --needed --noconfirm base-devel pkgconf sdl2 liblo cjson libpng"

new_case pacman_test
stub pacman 'case $1 in -Q) exit 1;; esac'
run --test --dry-run
expect_rc 0
expect_line "install-deps: would run: ${sudo_re}pacman -S --needed --noconfirm base-devel cmake pkgconf sdl2 liblo cjson libpng clang compiler-rt xorg-server-xvfb xorg-xauth qemu-user rtmidi pd"
expect_line 'install-deps: ppc-gcc: Arch packages no powerpc-linux-gnu cross compiler \(the AUR does\)'

new_case brew_run
# macOS: the Xcode tools give cc and make; Homebrew the rest, without sudo
stub brew 'case $1 in list) exit 1;; esac'; stub cc; stub make
run --dry-run
expect_rc 0
expect_line 'install-deps: package manager: brew'
expect_line 'install-deps: would run: brew install cmake pkgconf sdl2 liblo cjson libpng'

new_case brew_test
stub brew 'case $1 in list) case $3 in sdl2|libpng) exit 0;; esac; exit 1;; esac'; tools
run --test --dry-run
expect_rc 0
expect_line 'install-deps: missing for make test: clang libfuzzer sanitizers xvfb-run oscsend qemu-ppc ppc-gcc pd'
expect_line 'install-deps: would run: brew install liblo'
expect_line 'install-deps: qemu-ppc: Homebrew.s qemu has no user-mode emulation \(qemu-ppc\)'
expect_line 'install-deps: without ppc-gcc and qemu-ppc, make test skips the 32-bit big-endian tests \(test-ppc\)'

new_case brew_no_xcode
stub brew 'case $1 in list) exit 1;; esac'
run --dry-run
expect_rc 1
expect_line 'install-deps: cc: the Xcode command line tools: xcode-select --install'

new_case apt_before_brew
# Homebrew on Linux beside apt: the system's manager is used
stub apt-get; stub dpkg-query 'exit 1'; stub brew
run --dry-run
expect_line 'install-deps: package manager: apt-get'

new_case no_manager_ready
# no package manager, everything present: nothing to do (a build with only cmake and pkg-config)
tools
run
expect_rc 0
expect_line 'install-deps: nothing missing for make run'
expect_no 'package manager'

new_case no_manager_missing
stub cc; stub make; stub cmake 'echo "cmake version 3.28.0"'
run
expect_rc 1
expect_line "install-deps: no apt-get, dnf, pacman or brew here: install pkg-config sdl2 liblo libcjson libpng with your system's tools \(README: Install\)"

new_case no_manager_test_extras
tools
run --test
expect_rc 0
expect_line 'install-deps: missing for make test: clang libfuzzer sanitizers xvfb-run oscsend qemu-ppc ppc-gcc pd'

new_case old_cmake
tools
CMAKE_VERSION_STUB=3.22.1 run
expect_line "install-deps: note: cmake 3.22 is older than the 3.25 aleph-sim needs \(pip install cmake, or Kitware's packages\)"

new_case real_tools_no_manager
# this machine's real tools (it built aleph-sim) without any package manager: the checks find
# the compiler, CMake, pkg-config and the four libraries themselves, so nothing is asked of apt
IFS=: read -r -a path_dirs <<< "$PATH"
for d in "${path_dirs[@]}"; do
  for f in "$d"/*; do
    b=${f##*/}
    case $b in apt* | dpkg* | dnf | pacman | brew | rpm | yum | \*) continue ;; esac
    [ -e "$stubs/$b" ] || ln -s "$f" "$stubs/$b"
  done
done
run
expect_rc 0
expect_line 'install-deps: nothing missing for make run'

new_case bad_argument
run --frobnicate
expect_rc 2

if [ $failures -gt 0 ]; then
  echo "install_deps_tests: $failures failures in $n cases"
  exit 1
fi
echo "install_deps_tests: $n cases passed"
