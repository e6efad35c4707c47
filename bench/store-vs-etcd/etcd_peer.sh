#!/usr/bin/env bash
# The etcd half of bench/store-vs-etcd: starts a durable 3-member etcd cluster
# on loopback, loads its leader with wrk through etcd's HTTP/JSON gateway and
# prints one machine-readable line per phase on stdout:
#   etcd put clients=64 ops_per_s=5354.2 p50_ms=10.1 p99_ms=28.3 errors=0
#   etcd range clients=64 ops_per_s=... p50_ms=... p99_ms=... errors=0
# Progress and diagnostics go to stderr. Exits non-zero if any request failed.
#
# Usage: etcd_peer.sh --work-dir DIR [--clients "1 64 256"] [--duration 10]
#                     [--value-bytes 1024]
# DIR must be on a real disk, not tmpfs: etcd fsyncs every commit, and that
# fsync is part of what is measured.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
source "$script_dir/lib.sh"
# shellcheck source=etcd_cluster.sh
source "$script_dir/etcd_cluster.sh"

usage() {
  echo "usage: $0 --work-dir DIR [--clients \"1 64 256\"] [--duration 10] [--value-bytes 1024]" >&2
  exit 2
}

clients="1 64 256"
duration=10
value_bytes=1024
work_dir=""
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || usage  # every option takes a value
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --value-bytes) value_bytes=$2; shift 2 ;;
    --work-dir) work_dir=$2; shift 2 ;;
    *) usage ;;
  esac
done
if [ -z "$work_dir" ] || [ -z "${clients// /}" ]; then usage; fi
for number in $clients "$duration" "$value_bytes"; do
  [[ "$number" =~ ^[1-9][0-9]*$ ]] || { echo "etcd_peer: not a positive integer: $number" >&2; exit 2; }
done
# Each level writes its own key prefix; a repeated level would rewrite keys.
if [ "$(tr ' ' '\n' <<<"$clients" | grep . | sort | uniq -d)" ]; then
  echo "etcd_peer: repeated level in --clients \"$clients\"" >&2
  exit 2
fi

# --- Packages: etcd-server, wrk and curl come with the project's setup. ---
bash "$script_dir/../../scripts/setup.sh" >&2

# --- Work directory: a private run directory inside DIR, removed on exit. ---
require_disk "$work_dir"
run_dir=$(mktemp -d "$work_dir/etcd-peer.XXXXXX")

# Stops a running wrk and the members, then removes the run directory. Runs on
# every exit: success, failure (set -e) and Ctrl-C/TERM (turned into exits
# below). Members get SIGKILL: their data is thrown away anyway, and on SIGTERM
# a leader whose followers are stopping waits ~7 s trying to hand leadership over.
pids=()
pid_names=()
wrk_pid=""
cleanup() {
  local pid
  for pid in $wrk_pid "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in $wrk_pid "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$run_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Cluster: members m1..m3 (etcd_cluster.sh). ---
start_etcd_cluster "$run_dir"
leader_url=$etcd_leader_url

# --- Load. ---
# Converts a wrk duration (e.g. 960.00us, 10.10ms, 1.02s, 1.50m) to ms.
to_ms() {
  awk -v t="$1" 'BEGIN {
    if (t ~ /us$/) f = 0.001; else if (t ~ /ms$/) f = 1; else if (t ~ /s$/) f = 1000;
    else if (t ~ /m$/) f = 60000; else if (t ~ /h$/) f = 3600000; else exit 1;
    sub(/[a-z]+$/, "", t); printf "%.2f", t * f }'
}

# wrk needs at least one connection per thread; two threads are what the
# machine's two cores can drive without starving etcd.
threads_for() { echo $(($1 < 2 ? $1 : 2)); }

# Runs wrk with a script and its arguments against the leader (the script
# sets the request path itself), prints the phase's line, and sets
# ok_min_per_thread (successful requests of the slowest thread). Failed
# requests add up in failed_requests.
failed_requests=0
run_phase() {
  local phase=$1 c=$2 script=$3
  shift 3
  local threads out rps p50 p99 errors
  threads=$(threads_for "$c")
  echo "etcd_peer: $phase clients=$c threads=$threads duration=${duration}s" >&2
  # In the background so that a TERM/INT is acted on at once: bash runs traps
  # only after a foreground child ends, but interrupts `wait`.
  wrk -t "$threads" -c "$c" -d "${duration}s" --latency \
    -s "$script_dir/$script" "$leader_url" -- "$@" >"$run_dir/wrk.out" &
  wrk_pid=$!
  if ! wait "$wrk_pid"; then
    echo "etcd_peer: wrk failed:" >&2
    cat "$run_dir/wrk.out" >&2
    exit 1
  fi
  wrk_pid=""
  out=$(<"$run_dir/wrk.out")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  # The scripts' done() line (common.lua).
  if [ -z "$rps" ] || [ -z "$p50" ] || [ -z "$p99" ] || ! [[ "$out" =~ \
    lua:\ ok_min_per_thread=([0-9]+)\ failed=([0-9]+)\ socket_errors=([0-9]+) ]]; then
    echo "etcd_peer: could not parse wrk's output:" >&2
    echo "$out" >&2
    exit 1
  fi
  ok_min_per_thread=${BASH_REMATCH[1]}
  errors=$((BASH_REMATCH[2] + BASH_REMATCH[3]))
  printf 'etcd %s clients=%d ops_per_s=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n' \
    "$phase" "$c" "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")" "$errors"
  if [ "$errors" -gt 0 ]; then
    echo "etcd_peer: $phase clients=$c had $errors failed requests; wrk said:" >&2
    echo "$out" >&2
    failed_requests=$((failed_requests + errors))
  fi
}

# Puts: a fresh key prefix per level, so every request writes a new key.
# Remembers, per level, how many keys each put thread surely wrote: the first
# half of what its slowest thread completed, acknowledged long before wrk
# stopped (requests still in flight at the end may never have been applied).
declare -A keys_per_thread
for c in $clients; do
  run_phase put "$c" put.lua "bench/c$c/" "$value_bytes"
  keys_per_thread[$c]=$((ok_min_per_thread / 2))
done

# Linearizable reads, each level reading keys written by the put level of the
# same concurrency (same thread count, so the same key layout).
for c in $clients; do
  if [ "${keys_per_thread[$c]}" -lt 1 ]; then
    echo "etcd_peer: put clients=$c wrote too few keys to read back" >&2
    exit 1
  fi
  run_phase range "$c" range.lua "bench/c$c/" "$(threads_for "$c")" "${keys_per_thread[$c]}"
done

if [ "$failed_requests" -gt 0 ]; then
  echo "etcd_peer: FAILED: $failed_requests requests failed" >&2
  exit 1
fi
