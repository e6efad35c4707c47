#!/usr/bin/env bash
# bench/gateway: Troupe's API server against etcd, in one run, on this
# machine, both driven by the same load client (gateway_bench: kj-http,
# one event loop) over N keep-alive connections.
#
#   Troupe: three durable `troupe node --roles store` processes and one
#           `troupe node --roles control` (the API server over HTTPS,
#           client-certificate authentication) on loopback
#           (troupe_cluster.sh). Phases:
#             create  POST ~1 KiB ConfigMaps with new names, back to back
#                     on each connection for --duration seconds; only 201s
#                     count;
#             list    create --pods Pods (~1.9 KiB each), then GET them all
#                     in one unpaginated list, --lists times with
#                     resourceVersion=0 (client-go's relist) and --lists
#                     times without (the default consistent read);
#             watch   --watches concurrent watches of one namespace, then
#                     --watch-rate creates per second for --watch-seconds;
#                     per event per watch, the time from the create being
#                     sent to the event line arriving.
#   etcd:   the 3-member etcd 3.4 of bench/store-vs-etcd (store-vs-etcd/etcd_cluster.sh),
#           POST /v3/kv/put of 1 KiB values with new keys through its JSON
#           gateway, the same way.
#
# Prints each side's lines, the CPU time each process spent per phase (to
# show where the time goes), and a final table with the targets of issue 4:
# creates >= 2x etcd's puts/s with p99 <= 1 s (Kubernetes' SLO for mutating
# calls); LIST of 10,000 pods p99 <= 1 s; every watch event delivered.
# Exits 1 if any request failed (a missed target is reported, not an error).
#
# Usage: bash bench/gateway/run.sh [--duration S] [--connections "64 256"]
#          [--pods N] [--lists N] [--watches N] [--watch-rate N]
#          [--watch-seconds N] [--build-dir DIR] [--short]
# --short (for a CI smoke run) is --duration 2 --connections 8 --pods 500
# --lists 5 --watches 50 --watch-seconds 2; flags after it override it.
# --build-dir DIR runs the binaries already built in DIR as they are (for
# repeated runs while the tree changes); without it, build/bench is
# configured (RelWithDebInfo, as bench/store-vs-etcd uses) and built.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$script_dir/../.." && pwd)
# shellcheck source=../store-vs-etcd/lib.sh
source "$root/bench/store-vs-etcd/lib.sh"
# shellcheck source=../store-vs-etcd/troupe_store.sh
source "$root/bench/store-vs-etcd/troupe_store.sh"
# shellcheck source=troupe_cluster.sh
source "$script_dir/troupe_cluster.sh"
# shellcheck source=../store-vs-etcd/etcd_cluster.sh
source "$script_dir/../store-vs-etcd/etcd_cluster.sh"
# shellcheck source=report.sh
source "$script_dir/report.sh"

usage() {
  echo "usage: $0 [--duration S] [--connections \"64 256\"] [--pods N] [--lists N]" \
    "[--watches N] [--watch-rate N] [--watch-seconds N] [--build-dir DIR] [--short]" >&2
  exit 2
}

duration=10
connections="64 256"
pods=10000
lists=50
watches=1000
watch_rate=50
watch_seconds=10
build=""
while [ $# -gt 0 ]; do
  if [ "$1" = --short ]; then
    duration=2 connections=8 pods=500 lists=5 watches=50 watch_seconds=2
    shift
    continue
  fi
  [ $# -ge 2 ] || usage
  case "$1" in
    --duration) duration=$2 ;;
    --connections) connections=$2 ;;
    --pods) pods=$2 ;;
    --lists) lists=$2 ;;
    --watches) watches=$2 ;;
    --watch-rate) watch_rate=$2 ;;
    --watch-seconds) watch_seconds=$2 ;;
    --build-dir) build=$2 ;;
    *) usage ;;
  esac
  shift 2
done
for number in "$duration" $connections "$pods" "$lists" "$watches" "$watch_rate" \
  "$watch_seconds"; do
  [[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "$0: not a positive integer: $number" >&2; exit 2; }
done
[ -n "${connections// /}" ] || usage

# --- Build: the server and the load client. ---
bash "$root/scripts/setup.sh" >&2
if [ -z "$build" ]; then
  build="$root/build/bench"
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTROUPE_TESTS=OFF \
    -DTROUPE_BENCH=ON >&2
  cmake --build "$build" --target troupe gateway_bench >&2
fi
client="$build/bench/gateway_bench"
for binary in "$build/runtime/troupe" "$client"; do
  [ -x "$binary" ] || { echo "$0: $binary is not built" >&2; exit 2; }
done

# Every watch is a connection on both ends, and the server keeps a few
# descriptors of its own per connection.
needed_files=$((4 * watches + 1024))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$needed_files" ]; then
  ulimit -n "$(ulimit -Hn)"
fi

# --- A private run directory on a real disk, removed on every exit. ---
work_dir="$root/build/bench-data"
require_disk "$work_dir"
run_dir=$(mktemp -d "$work_dir/gateway.XXXXXX")
pids=()
pid_names=()
# SIGKILL, as bench/store-vs-etcd does: the data is thrown away anyway.
stop_processes() {
  local pid
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  pid_names=()
}
cleanup() {
  stop_processes
  rm -rf "$run_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs gateway_bench with its arguments, shows its lines and keeps them in
# `lines`, and prints the CPU seconds each server process spent meanwhile.
lines=""
failed=0
run_client() {
  local out status=0 before
  before=$(cpu_ticks)
  out=$("$client" "$@") || status=$?
  [ "$status" -ne 2 ] || exit 2
  [ "$status" -eq 0 ] || failed=1
  echo "$out" >&2
  lines+="$out"$'\n'
  print_cpu "$1" "$before" "$(cpu_ticks)"
}

# --- Troupe. ---
start_troupe_cluster "$build/runtime/troupe" "$run_dir"
troupe_server=(--server "$api_url" --pki "$pki_dir")
run_client create "${troupe_server[@]}" --connections "$connections" --duration "$duration"
run_client list "${troupe_server[@]}" --pods "$pods" --repeat "$lists"
run_client watch "${troupe_server[@]}" --watches "$watches" --rate "$watch_rate" \
  --seconds "$watch_seconds"
stop_processes

# --- etcd, loaded the same way. ---
start_etcd_cluster "$run_dir"
run_client put --server "$etcd_leader_url" --connections "$connections" --duration "$duration"
stop_processes

print_table "$lines" "$connections" "$pods" "$watches"
if [ "$failed" -ne 0 ]; then
  echo "gateway bench: FAILED: some requests failed (see above)" >&2
  exit 1
fi
