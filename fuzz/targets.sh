# SPDX-License-Identifier: MIT
# fuzz/targets.sh: sourced by fuzz/run.sh and fuzz/long.sh. Owns the list of libFuzzer targets
# and the flags each needs beyond the common ones.
fuzz_targets=(scene scene_head json net osc profile)
# fuzz_flags TARGET [long]: prints the target's flags, one per line; "long" adds what a long run
# reaches (larger inputs, the 262 KB scene's slower worst case).
fuzz_flags() {
  case "$1" in
    net) printf '%s\n' -max_len=4096 ;;   # programs of up to 256 steps
    osc) printf '%s\n' -max_len=4096 ;;   # sessions of several datagrams
  esac
  [ "${2:-}" = long ] || return 0
  case "$1" in
    net) printf '%s\n' -len_control=0 ;;  # long programs from the start
    scene) printf '%s\n' -max_len=262216 -timeout=20 ;;
    scene_head) printf '%s\n' -max_len=8192 ;;
  esac
}
