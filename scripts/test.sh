#!/usr/bin/env bash
# The test command: sets up the machine, builds Troupe with AddressSanitizer
# and UndefinedBehaviorSanitizer, and runs every test through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTROUPE_SANITIZE=ON
cmake --build build/asan
# The run command's optimised build must compile too (GCC warns differently at -O2).
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTROUPE_TESTS=OFF \
  -DTROUPE_BENCH=OFF
cmake --build build/release --target troupe
cd build/asan
# Tests run one at a time: cluster and end-to-end tests start several actor
# systems or processes each, and the machine class has two cores.
ctest --output-on-failure --timeout 600
