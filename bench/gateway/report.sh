# shellcheck shell=bash
# Sourced by bench/gateway/run.sh: the CPU accounting per phase and the
# final table. Both read gateway_bench's stdout lines (one per phase and
# connection count, "side phase key=value ..."; see the phases' headers).

# "name=ticks" of user+system CPU for each running process in `pids`
# (names in `pid_names`), from /proc/<pid>/stat fields 14 and 15.
# shellcheck disable=SC2154  # pids, pid_names: run.sh's
cpu_ticks() {
  local i
  for i in "${!pids[@]}"; do
    awk -v name="${pid_names[$i]}" '{ printf "%s=%d ", name, $14 + $15 }' \
      "/proc/${pids[$i]}/stat" 2>/dev/null || true
  done
}

# print_cpu PHASE BEFORE AFTER: one stderr line with the CPU seconds each
# process spent between two cpu_ticks snapshots. The load client reports its
# own (gateway_bench's last stderr line).
print_cpu() {
  awk -v phase="$1" -v before="$2" -v after="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    n = split(before, pairs, " ")
    for (i = 1; i <= n; i++) { split(pairs[i], kv, "="); start[kv[1]] = kv[2] }
    n = split(after, pairs, " ")
    line = ""
    for (i = 1; i <= n; i++) {
      split(pairs[i], kv, "=")
      line = line sprintf(" %s %.1f s", kv[1], (kv[2] - start[kv[1]]) / hz)
    }
    printf "gateway bench: server CPU during %s:%s\n", phase, line > "/dev/stderr" }'
}

# The value of KEY in LINE ("" if absent).
field() { sed -n "s/.* $1=\([-0-9.]*\).*/\1/p" <<<"$2"; }

# print_table LINES CONNECTIONS PODS WATCHES
print_table() {
  local lines=$1 connections=$2 pods=$3 watches=$4 c t e mode line
  echo
  echo "gateway bench: Troupe API server vs etcd 3.4 through the same client, on loopback;"
  echo "every process (3 store nodes, the API server, 3 etcd members, the client) shares this"
  echo "machine's $(nproc) cores, with whatever else runs on it."
  echo
  printf '%-14s %6s %13s %13s %7s %11s %11s %9s  %-26s %s\n' phase conns troupe_ops/s \
    etcd_ops/s ratio troupe_p99 etcd_p99 errors target verdict
  for c in $connections; do
    t=$(grep "^troupe create connections=$c " <<<"$lines" || true)
    e=$(grep "^etcd put connections=$c " <<<"$lines" || true)
    awk -v c="$c" -v to="$(field ops_per_s "$t")" -v eo="$(field ops_per_s "$e")" \
      -v tp="$(field p99_ms "$t")" -v ep="$(field p99_ms "$e")" \
      -v te="$(field errors "$t")" -v ee="$(field errors "$e")" 'BEGIN {
        ratio = (eo > 0 ? to / eo : 0)
        ok = (to != "" && eo != "" && ratio >= 2 && tp <= 1000 && te == 0 && ee == 0)
        printf "%-14s %6d %13.1f %13.1f %6.2fx %8.1f ms %8.1f ms %4d/%-4d  %-26s %s\n",
          "create vs put", c, to, eo, ratio, tp, ep, te, ee, ">= 2x etcd, p99 <= 1 s",
          (ok ? "PASS" : "MISS") }'
  done
  line=$(grep "^troupe pods " <<<"$lines" || true)
  printf '%-14s %6d %13.1f %13s %7s %8.1f ms %11s %9s  %-26s %s\n' "create Pod" \
    "$(field connections "$line")" \
    "$(field ops_per_s "$line")" - - "$(field p99_ms "$line")" - "$(field errors "$line")" \
    "(the LIST phase's setup)" -
  echo
  printf '%-22s %9s %9s %9s %9s %8s %7s  %-16s %s\n' "LIST of $pods pods" p50_ms p99_ms max_ms \
    MiB items errors target verdict
  for mode in rv0 consistent; do
    line=$(grep "^troupe list mode=$mode " <<<"$lines" || true)
    awk -v mode="$mode" -v pods="$pods" -v p50="$(field p50_ms "$line")" \
      -v p99="$(field p99_ms "$line")" -v max="$(field max_ms "$line")" \
      -v bytes="$(field bytes "$line")" -v items="$(field items "$line")" \
      -v errors="$(field errors "$line")" 'BEGIN {
        ok = (p99 != "" && p99 <= 1000 && errors == 0 && items == pods)
        printf "%-22s %9.1f %9.1f %9.1f %9.1f %8d %7d  %-16s %s\n",
          (mode == "rv0" ? "resourceVersion=0" : "consistent (no rv)"), p50, p99, max,
          bytes / 1048576, items, errors, "p99 <= 1 s", (ok ? "PASS" : "MISS") }'
  done
  echo
  line=$(grep "^troupe watch " <<<"$lines" || true)
  printf '%-8s %6s %21s %9s %9s %9s %7s  %-22s %s\n' watches open events_received p50_ms p99_ms \
    max_ms errors target verdict
  awk -v watches="$watches" -v open="$(field open "$line")" \
    -v received="$(field events_received "$line")" -v expected="$(field events_expected "$line")" \
    -v duplicates="$(field duplicates "$line")" -v p50="$(field p50_ms "$line")" \
    -v p99="$(field p99_ms "$line")" -v max="$(field max_ms "$line")" \
    -v errors="$(field errors "$line")" 'BEGIN {
      ok = (open == watches && received == expected && expected > 0 && duplicates == 0 &&
            errors == 0)
      printf "%-8d %6d %10d/%-10d %9.1f %9.1f %9.1f %7d  %-22s %s\n", watches, open, received,
        expected, p50, p99, max, errors, "every event delivered", (ok ? "PASS" : "MISS") }'
}
