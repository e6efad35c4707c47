# shellcheck shell=bash
# Sourced (after lib.sh) by etcd_peer.sh and bench/gateway/run.sh: starts a
# durable 3-member etcd 3.4 (Debian etcd-server) on loopback, every commit
# fsynced by the WAL, for either to load.
# start_etcd_cluster RUN_DIR appends the members to `pids` (their names to
# `pid_names`) and sets etcd_leader_url once every member is healthy and all
# name one leader; it exits 1 with the members' logs if that takes longer
# than 30 s.

start_etcd_cluster() {
  local run_dir=$1 i
  pick_ports 6
  etcd_client_urls=()
  local initial_cluster="" token="troupe-bench-$$-$RANDOM"
  for i in 1 2 3; do
    etcd_client_urls+=("http://127.0.0.1:${ports[$((2 * i - 2))]}")
    initial_cluster+="${initial_cluster:+,}m$i=http://127.0.0.1:${ports[$((2 * i - 1))]}"
  done
  for i in 1 2 3; do
    local peer_url="http://127.0.0.1:${ports[$((2 * i - 1))]}"
    etcd --name "m$i" --data-dir "$run_dir/m$i" \
      --listen-client-urls "${etcd_client_urls[$((i - 1))]}" \
      --advertise-client-urls "${etcd_client_urls[$((i - 1))]}" \
      --listen-peer-urls "$peer_url" --initial-advertise-peer-urls "$peer_url" \
      --initial-cluster "$initial_cluster" --initial-cluster-state new \
      --initial-cluster-token "$token" \
      --logger zap --log-outputs stderr 2>"$run_dir/m$i.log" &
    pids+=("$!")
    pid_names+=("etcd-m$i")
  done
  echo "$(basename "$0"): $(etcd --version | head -1), members on ${etcd_client_urls[*]}" >&2
  local deadline=$((SECONDS + 30))
  until etcd_leader_found; do
    if [ $SECONDS -ge $deadline ]; then
      echo "$(basename "$0"): etcd did not become healthy in 30 s; member logs:" >&2
      tail -n 20 "$run_dir"/m*.log >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "$(basename "$0"): etcd leader at $etcd_leader_url" >&2
}

# Succeeds when every member is healthy and all name the same leader; sets
# etcd_leader_url. The JSON gateway spells uint64 ids as strings.
etcd_leader_found() {
  local url status member leader agreed="" i
  etcd_leader_url=""
  for i in 0 1 2; do
    url=${etcd_client_urls[$i]}
    [[ "$(curl -sf "$url/health")" == *'"health":"true"'* ]] || return 1
    status=$(curl -sf -X POST -d '{}' "$url/v3/maintenance/status") || return 1
    member=$(sed -n 's/.*"member_id":"\([0-9]*\)".*/\1/p' <<<"$status")
    leader=$(sed -n 's/.*"leader":"\([0-9]*\)".*/\1/p' <<<"$status")
    if [ -z "$leader" ] || [ "${agreed:-$leader}" != "$leader" ]; then return 1; fi
    agreed=$leader
    if [ "$member" = "$leader" ]; then etcd_leader_url=$url; fi
  done
  [ -n "$etcd_leader_url" ]
}
