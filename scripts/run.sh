#!/usr/bin/env bash
# The run command: sets up the machine, builds Troupe and starts a local
# cluster with an embedded store (`troupe up`). Extra arguments go to
# `troupe up`, e.g. `bash scripts/run.sh --workers 3`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTROUPE_TESTS=OFF \
  -DTROUPE_BENCH=OFF
cmake --build build/release --target troupe
exec build/release/runtime/troupe up --config cluster-configs/local.yaml "$@"
