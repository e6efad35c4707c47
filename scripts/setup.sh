#!/usr/bin/env bash
# Installs every Debian package Troupe needs to build, test and run.
# Idempotent: asks dpkg first and runs apt-get update/install only when
# something is missing. Must run as root (or with sudo available).
set -euo pipefail

# Build toolchain and libraries (DESIGN.md "Dependencies").
# clang and libclang-rt-14-dev build the libFuzzer targets (tests/fuzz).
build_packages=(
  build-essential cmake ninja-build ccache pkg-config clang-format clang libclang-rt-14-dev
  libcaf-dev libcapnp-dev capnproto liblmdb-dev libyaml-cpp-dev libmnl-dev
  libssl-dev catch2 nlohmann-json3-dev libnftables-dev libarchive-dev libgoogle-perftools-dev
)
# Tools that tests, benchmarks and the runtime start themselves (gdb: a test
# prints the stacks of a process that does not stop; wrk and curl load and
# probe etcd in bench/store-vs-etcd).
runtime_packages=(
  runc docker-registry skopeo umoci busybox-static etcd-server
  iproute2 nftables openssl procps gdb wrk curl
)

missing=()
for package in "${build_packages[@]}" "${runtime_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#build_packages[@]}+${#runtime_packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
