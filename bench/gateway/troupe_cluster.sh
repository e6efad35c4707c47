# shellcheck shell=bash
# Sourced by bench/gateway/run.sh (after bench/store-vs-etcd/lib.sh and
# troupe_store.sh): starts
# a durable Troupe control plane on loopback, as three hosts of the store
# and one of the API server would run it:
#   - three `troupe node --roles store` processes (LMDB, every commit
#     fsynced), one data dir each, forming one store;
#   - one `troupe node --roles control` process joining through them, which
#     serves the Kubernetes API over HTTPS at 127.0.0.1:<api port> and keeps
#     its PKI in <data dir>/pki.
# start_troupe_cluster BINARY RUN_DIR appends the processes to `pids` (their
# names to `pid_names`) and sets api_url and pki_dir once GET /readyz
# answers 200 with the admin client certificate; it exits 1 with the nodes'
# logs if that takes longer than 60 s.

# shellcheck disable=SC2154  # ports: set by pick_ports (lib.sh)
start_troupe_cluster() {
  local troupe=$1 run_dir=$2
  start_troupe_store "$troupe" "$run_dir" 2
  "$troupe" node --name control --roles control --listen "127.0.0.1:${ports[3]}" \
    --seeds "$store_seeds" --data-dir "$run_dir/control" --api-port "${ports[4]}" \
    >"$run_dir/control.log" 2>&1 &
  pids+=("$!")
  pid_names+=(control)
  api_url="https://127.0.0.1:${ports[4]}"
  pki_dir="$run_dir/control/pki"
  echo "gateway bench: API server at $api_url" >&2
  local deadline=$((SECONDS + 60))
  until [ -f "$pki_dir/admin.key" ] && [ "$(curl -s --cacert "$pki_dir/ca.crt" \
    --cert "$pki_dir/admin.crt" --key "$pki_dir/admin.key" -o /dev/null -w '%{http_code}' \
    "$api_url/readyz")" = 200 ]; do
    if [ $SECONDS -ge $deadline ]; then
      echo "gateway bench: the API server did not become ready in 60 s; node logs:" >&2
      tail -n 20 "$run_dir"/*.log >&2
      exit 1
    fi
    sleep 0.2
  done
  echo "gateway bench: API server ready" >&2
}
