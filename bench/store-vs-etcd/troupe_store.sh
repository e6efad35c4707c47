# shellcheck shell=bash
# Sourced (after lib.sh) by run.sh and bench/gateway/run.sh: starts a durable
# Troupe store on loopback, three `troupe node --roles store` processes
# (LMDB, every commit fsynced), one data dir each.
# start_troupe_store BINARY RUN_DIR [EXTRA_PORTS] picks 3 + EXTRA_PORTS free
# ports (the extra ones stay in ports[3...] for the caller), appends the
# processes to `pids` (their names to `pid_names`) and sets store_seeds.

# shellcheck disable=SC2154  # ports: set by pick_ports (lib.sh)
start_troupe_store() {
  local troupe=$1 run_dir=$2 extra_ports=${3:-0} i
  pick_ports $((3 + extra_ports))
  local names=(store-a store-b store-c)
  store_seeds="127.0.0.1:${ports[0]},127.0.0.1:${ports[1]},127.0.0.1:${ports[2]}"
  cat >"$run_dir/store.yaml" <<YAML
roles: [store]
store:
  cluster: bench
  initial-replicas: [store-a, store-b, store-c]
YAML
  for i in 0 1 2; do
    "$troupe" node --config "$run_dir/store.yaml" --name "${names[$i]}" \
      --listen "127.0.0.1:${ports[$i]}" --seeds "$store_seeds" \
      --data-dir "$run_dir/${names[$i]}" >"$run_dir/${names[$i]}.log" 2>&1 &
    pids+=("$!")
    pid_names+=("${names[$i]}")
  done
  echo "$(basename "$0"): troupe store replicas on $store_seeds" >&2
}
