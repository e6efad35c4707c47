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
# libFuzzer targets for every decoder of untrusted input, built with clang;
# each fuzzes for TROUPE_FUZZ_SECONDS (default 10; set it higher to fuzz longer)
# from TROUPE_FUZZ_SEED (default 1, the same inputs each run; 0 for random).
cmake -S . -B build/fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTROUPE_TESTS=OFF -DTROUPE_BENCH=OFF -DTROUPE_FUZZ=ON \
  -DTROUPE_FUZZ_SECONDS="${TROUPE_FUZZ_SECONDS:-10}" -DTROUPE_FUZZ_SEED="${TROUPE_FUZZ_SEED:-1}"
cmake --build build/fuzz --target troupe_fuzzers
# Tests run one at a time: cluster and end-to-end tests start several actor
# systems or processes each, and the machine class has two cores.
ctest --test-dir build/asan --output-on-failure --timeout 600
ctest --test-dir build/fuzz --output-on-failure --timeout 600
