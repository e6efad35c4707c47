# Shared by run.sh and etcd_peer.sh (sourced, not run).

# Exits 2 unless DIR (created if missing) is on a real disk: both stores fsync
# every commit, and that fsync is part of what is measured.
require_disk() {
  local dir=$1 kind
  mkdir -p "$dir"
  kind=$(stat -f -c %T "$dir")
  case "$kind" in
    tmpfs | ramfs)
      echo "$(basename "$0"): $dir is on $kind; fsync would not reach a disk" >&2
      exit 2 ;;
  esac
}

# Sets the array `ports` to COUNT free loopback ports below the kernel's
# ephemeral range (32768+), so no outgoing connection can be holding one. A
# port counts as free when nothing accepts a connection on it.
pick_ports() {
  local count=$1 candidate=$((20000 + RANDOM % 10000))
  ports=()
  while [ ${#ports[@]} -lt "$count" ]; do
    candidate=$((candidate + 1))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
      ports+=("$candidate")
    fi
  done
}
