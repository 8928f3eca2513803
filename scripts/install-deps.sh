#!/usr/bin/env bash
# Installs the Debian 12 packages aleph-sim needs to build, run and test (only those missing).
# Run as root (or with sudo available). Safe to run again.
set -euo pipefail
pkgs=(build-essential cmake pkg-config libsdl2-dev liblo-dev liblo-tools libcjson-dev libpng-dev
      xvfb xauth clang libclang-rt-14-dev gcc-powerpc-linux-gnu libc6-dev-powerpc-cross qemu-user
      graphviz)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
