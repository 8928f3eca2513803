#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# install-deps.sh: installs what aleph-sim needs and is missing, with the system's package
# manager: apt-get (Debian, Ubuntu), dnf (Fedora), pacman (Arch) or brew (macOS, Homebrew).
#
#   scripts/install-deps.sh [--run | --test] [--dry-run]
#
#   --run      (the default; `make run`) building and running: a C compiler, make, CMake,
#              pkg-config and the development files of SDL2, liblo, cJSON and libpng
#   --test     (`make test`, CI) also clang with libFuzzer, the sanitizer runtimes, xvfb-run,
#              liblo's oscsend/oscdump, RtMidi (aleph-sim's MIDI ports, optional for a build),
#              Pure Data (the test of examples/aleph-sim.pd),
#              and for the 32-bit big-endian tests a powerpc cross compiler and qemu-user where
#              the system packages them (else make test skips those)
#   --dry-run  print what is missing and the command that would install it; change nothing
#
# What is needed is checked by what it does (a command on PATH, a pkg-config module, clang
# linking libFuzzer), not by package names, so a system where everything is present needs no
# package manager at all (any Unix with cmake, pkg-config and the libraries). Only what is missing
# is mapped to the manager's package names; packages it reports installed are left out.
# Run as root or with sudo (not needed for brew). Safe to run again. Exit status: 0 when what
# `--run` needs is present (or installed), 1 when it is not, 2 on a bad argument.
set -uo pipefail

mode=run
dry=0
for a in "$@"; do
  case $a in
    --run) mode=run ;;
    --test) mode=test ;;
    --dry-run) dry=1 ;;
    -h | --help) sed -n '3,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-deps: unknown argument '$a' (try --help)" >&2; exit 2 ;;
  esac
done

say() { echo "install-deps: $*"; }
have() { command -v "$1" > /dev/null 2>&1; }

# ---- what is missing, by capability ----
# run: what `make run` needs; test: what `make test` adds
run_caps=(cc make cmake pkg-config sdl2 liblo libcjson libpng)
test_caps=(clang libfuzzer sanitizers xvfb-run oscsend qemu-ppc ppc-gcc rtmidi pd)

pc=""
have pkg-config && pc=pkg-config
[ -z "$pc" ] && have pkgconf && pc=pkgconf

# compiles and links a one-line program with the given compiler and flags
links() {
  local cc=$1 dir rc
  shift
  dir=$(mktemp -d 2> /dev/null) || return 1
  printf '%s\n' "$CHECK_SRC" > "$dir/t.c"
  "$cc" "$@" "$dir/t.c" -o "$dir/t" > /dev/null 2>&1
  rc=$?
  rm -rf "$dir"
  return $rc
}

present() {
  case $1 in
    cc) have cc || have gcc || have clang ;;
    make | cmake | clang | xvfb-run | oscsend | qemu-ppc | pd) have "$1" ;;
    pkg-config) [ -n "$pc" ] ;;
    sdl2 | liblo | libcjson | libpng | rtmidi) [ -n "$pc" ] && "$pc" --exists "$1" ;;
    ppc-gcc) have powerpc-linux-gnu-gcc ;;
    libfuzzer)
      have clang && CHECK_SRC='int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return (int)(d && n); }' \
        links clang -fsanitize=fuzzer,address,undefined ;;
    sanitizers)
      local c=cc
      have cc || c=gcc
      have "$c" && CHECK_SRC='int main(void) { return 0; }' links "$c" -fsanitize=address,undefined ;;
  esac
}

missing=()
caps=("${run_caps[@]}")
[ $mode = test ] && caps+=("${test_caps[@]}")
for c in "${caps[@]}"; do present "$c" || missing+=("$c"); done

if have cmake && [[ $(cmake --version 2> /dev/null) =~ cmake\ version\ ([0-9]+)\.([0-9]+) ]]; then
  major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]}
  if [ "$major" -lt 3 ] || { [ "$major" -eq 3 ] && [ "$minor" -lt 25 ]; }; then
    say "note: cmake $major.$minor is older than the 3.25 aleph-sim needs (pip install cmake, or Kitware's packages)"
  fi
fi

if [ ${#missing[@]} -eq 0 ]; then
  say "nothing missing for make $mode"
  exit 0
fi
say "missing for make $mode: ${missing[*]}"

# ---- the package manager and its names ----
mgr=""
for m in apt-get dnf pacman brew; do
  if have $m; then mgr=$m; break; fi
done

# package names for capability $1 under $mgr, or "!why" when the manager has none
names_for() {
  case $mgr:$1 in
    apt-get:cc | apt-get:make) echo build-essential ;;
    apt-get:cmake) echo cmake ;;
    apt-get:pkg-config) echo pkg-config ;;
    apt-get:sdl2) echo libsdl2-dev ;;
    apt-get:liblo) echo liblo-dev ;;
    apt-get:libcjson) echo libcjson-dev ;;
    apt-get:libpng) echo libpng-dev ;;
    apt-get:clang) echo clang ;;
    apt-get:libfuzzer) echo clang libclang-rt-dev ;;
    apt-get:sanitizers) echo build-essential ;;
    apt-get:xvfb-run) echo xvfb xauth ;;
    apt-get:oscsend) echo liblo-tools ;;
    apt-get:qemu-ppc) echo qemu-user ;;
    apt-get:ppc-gcc) echo gcc-powerpc-linux-gnu libc6-dev-powerpc-cross ;;
    apt-get:rtmidi) echo librtmidi-dev ;;
    apt-get:pd) echo puredata-core ;;

    dnf:cc) echo gcc ;;
    dnf:make) echo make ;;
    dnf:cmake) echo cmake ;;
    dnf:pkg-config) echo pkgconf-pkg-config ;;
    dnf:sdl2) echo SDL2-devel ;;
    dnf:liblo) echo liblo-devel ;;
    dnf:libcjson) echo cjson-devel ;;
    dnf:libpng) echo libpng-devel ;;
    dnf:clang) echo clang ;;
    dnf:libfuzzer) echo clang compiler-rt ;;
    dnf:sanitizers) echo libasan libubsan ;;
    dnf:xvfb-run) echo xorg-x11-server-Xvfb xorg-x11-xauth ;;
    dnf:oscsend) echo liblo ;;
    dnf:qemu-ppc) echo qemu-user ;;
    dnf:rtmidi) echo rtmidi-devel ;;
    dnf:pd) echo puredata ;;
    dnf:ppc-gcc) echo "!Fedora's powerpc cross compiler has no C library for user programs" ;;

    # Arch and Homebrew name the build tools and libraries alike
    pacman:cmake | brew:cmake) echo cmake ;;
    pacman:pkg-config | brew:pkg-config) echo pkgconf ;;
    pacman:sdl2 | brew:sdl2) echo sdl2 ;;
    pacman:liblo | pacman:oscsend | brew:liblo | brew:oscsend) echo liblo ;;
    pacman:libcjson | brew:libcjson) echo cjson ;;
    pacman:libpng | brew:libpng) echo libpng ;;
    pacman:rtmidi | brew:rtmidi) echo rtmidi ;;
    pacman:pd) echo pd ;;
    brew:pd) echo "!Pure Data is a Homebrew cask (brew install --cask pd): the Pd example's test is skipped without it" ;;

    pacman:cc | pacman:make | pacman:sanitizers) echo base-devel ;;
    pacman:clang) echo clang ;;
    pacman:libfuzzer) echo clang compiler-rt ;;
    pacman:xvfb-run) echo xorg-server-xvfb xorg-xauth ;;
    pacman:qemu-ppc) echo qemu-user ;;
    pacman:ppc-gcc) echo "!Arch packages no powerpc-linux-gnu cross compiler (the AUR does)" ;;

    brew:cc | brew:make | brew:sanitizers) echo "!the Xcode command line tools: xcode-select --install" ;;
    brew:clang | brew:libfuzzer) echo "!Apple's clang has no libFuzzer: brew install llvm, then make fuzz FUZZ_CC=\$(brew --prefix llvm)/bin/clang" ;;
    brew:xvfb-run) echo "!no Xvfb on macOS: the window test is skipped" ;;
    brew:qemu-ppc) echo "!Homebrew's qemu has no user-mode emulation (qemu-ppc)" ;;
    brew:ppc-gcc) echo "!Homebrew packages no powerpc-linux-gnu cross compiler" ;;
  esac
}

installed() {
  case $mgr in
    apt-get) [ "$(dpkg-query -W -f='${Status}' "$1" 2> /dev/null)" = "install ok installed" ] ;;
    dnf) rpm -q "$1" > /dev/null 2>&1 ;;
    pacman) pacman -Q "$1" > /dev/null 2>&1 ;;
    brew) brew list --versions "$1" > /dev/null 2>&1 ;;
  esac
}

is_run_cap() {
  local r
  for r in "${run_caps[@]}"; do [ "$r" = "$1" ] && return 0; done
  return 1
}

if [ -z "$mgr" ]; then
  run_missing=()
  for c in "${missing[@]}"; do is_run_cap "$c" && run_missing+=("$c"); done
  if [ ${#run_missing[@]} -gt 0 ]; then
    say "no apt-get, dnf, pacman or brew here: install ${run_missing[*]} with your system's tools (README: Install)" >&2
    exit 1
  fi
  say "no apt-get, dnf, pacman or brew here: install ${missing[*]} yourself for the tests that need them; make test skips the 32-bit big-endian tests without ppc-gcc and qemu-ppc"
  exit 0
fi
say "package manager: $mgr"

pkgs=()
unavailable=0
noted=""
for c in "${missing[@]}"; do
  names=$(names_for "$c")
  if [ "${names:0:1}" = "!" ]; then
    case $noted in *"|$names|"*) ;; *) say "$c: ${names:1}" ;; esac
    noted+="|$names|"
    is_run_cap "$c" && unavailable=1
    continue
  fi
  for p in $names; do
    case " ${pkgs[*]} " in *" $p "*) continue ;; esac
    installed "$p" || pkgs+=("$p")
  done
done
for c in ppc-gcc qemu-ppc; do
  case " ${missing[*]} " in *" $c "*) ;; *) continue ;; esac
  names=$(names_for "$c")
  if [ "${names:0:1}" = "!" ]; then
    say "without ppc-gcc and qemu-ppc, make test skips the 32-bit big-endian tests (test-ppc)"
    break
  fi
done

sudo_cmd=()
if [ "$mgr" != brew ] && [ "${EUID:-$(id -u)}" -ne 0 ]; then sudo_cmd=(sudo); fi
case $mgr in
  apt-get) install=(apt-get install -y -qq --no-install-recommends) ;;
  dnf) install=(dnf install -y) ;;
  pacman) install=(pacman -S --needed --noconfirm) ;;
  brew) install=(brew install) ;;
esac

if [ ${#pkgs[@]} -eq 0 ]; then
  say "no package to install (the ones $mgr has are installed)"
  [ $unavailable -eq 0 ] && [ $dry -eq 1 ] && exit 0
else
  say "$([ $dry -eq 1 ] && echo "would run" || echo running): ${sudo_cmd[*]}${sudo_cmd[*]:+ }${install[*]} ${pkgs[*]}"
fi
[ $dry -eq 1 ] && exit $unavailable

if [ ${#pkgs[@]} -gt 0 ]; then
  if [ ${#sudo_cmd[@]} -gt 0 ] && ! have sudo; then
    say "not root and no sudo: run this as root" >&2
    exit 1
  fi
  if [ "$mgr" = apt-get ]; then
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq || exit 1
  fi
  "${sudo_cmd[@]}" "${install[@]}" "${pkgs[@]}" || { say "$mgr failed" >&2; exit 1; }
fi

# what --run needs must be there now
still=()
have pkg-config && pc=pkg-config
[ -z "$pc" ] && have pkgconf && pc=pkgconf
for c in "${run_caps[@]}"; do present "$c" || still+=("$c"); done
if [ ${#still[@]} -gt 0 ]; then
  say "still missing after installing: ${still[*]}" >&2
  exit 1
fi
say "ready for make $mode"
exit 0
