#!/usr/bin/env bash
# bench/store-vs-etcd: Troupe's consensus store against etcd, in one run, on
# this machine. Both are 3 durable replicas on loopback (every commit
# fsynced), loaded with distinct keys and ~1 KiB values at 1, 64 and 256
# concurrent clients, then with linearizable reads of keys written before.
#
#   Troupe: three `troupe node --roles store` processes, loaded by store_bench
#           through the store client (the path the api server uses).
#   etcd:   Debian's etcd-server (3.4), loaded by wrk through its HTTP/JSON
#           gateway (etcd_peer.sh), the fastest client path available here.
#
# Prints each side's figures and the ratios Troupe/etcd (throughput; p99,
# where lower is better). Target (issue 3): writes >= 2x etcd at 64 and 256
# clients with p99 no worse; reads >= etcd.
#
# Usage: bash bench/store-vs-etcd/run.sh [--duration SECONDS] [--clients "1 64 256"]
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$script_dir/../.." && pwd)
# shellcheck source=lib.sh
source "$script_dir/lib.sh"
# shellcheck source=troupe_store.sh
source "$script_dir/troupe_store.sh"

duration=10
clients="1 64 256"
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || { echo "usage: $0 [--duration SECONDS] [--clients \"1 64 256\"]" >&2; exit 2; }
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    *) echo "usage: $0 [--duration SECONDS] [--clients \"1 64 256\"]" >&2; exit 2 ;;
  esac
done

bash "$root/scripts/setup.sh" >&2
build="$root/build/bench"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTROUPE_TESTS=OFF \
  -DTROUPE_BENCH=ON >&2
cmake --build "$build" --target troupe store_bench >&2

work_dir="$root/build/bench-data"
require_disk "$work_dir"
run_dir=$(mktemp -d "$work_dir/troupe-peer.XXXXXX")
pids=()
pid_names=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$run_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Troupe: three store replicas, each with its own LMDB data dir. ---
start_troupe_store "$build/runtime/troupe" "$run_dir"
troupe_lines=$("$build/bench/store_bench" --seeds "$store_seeds" --clients "$clients" \
  --duration "$duration")
echo "$troupe_lines" | tee /dev/stderr
cleanup
pids=()

# --- etcd, the same way. ---
etcd_lines=$(bash "$script_dir/etcd_peer.sh" --work-dir "$work_dir" --clients "$clients" \
  --duration "$duration")
echo "$etcd_lines" | tee /dev/stderr

# --- Ratios. ---
echo
printf '%-6s %8s %14s %14s %10s %12s %12s %10s\n' phase clients troupe_ops/s etcd_ops/s ratio \
  troupe_p99ms etcd_p99ms p99_ratio
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }
for phase in put range; do
  for c in $clients; do
    t=$(grep "^troupe $phase clients=$c " <<<"$troupe_lines")
    e=$(grep "^etcd $phase clients=$c " <<<"$etcd_lines")
    awk -v p="$phase" -v c="$c" -v to="$(field ops_per_s "$t")" -v eo="$(field ops_per_s "$e")" \
      -v tp="$(field p99_ms "$t")" -v ep="$(field p99_ms "$e")" 'BEGIN {
        printf "%-6s %8d %14.1f %14.1f %9.2fx %12.2f %12.2f %9.2fx\n", p, c, to, eo,
          (eo > 0 ? to / eo : 0), tp, ep, (ep > 0 ? tp / ep : 0) }'
  done
done
