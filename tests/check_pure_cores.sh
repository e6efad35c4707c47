#!/usr/bin/env bash
# Proves the pure-core rule at the source level: files under a `core/` folder
# include only standard/third-party non-CAF headers, other core headers and
# generated Cap'n Proto headers. (CMake separately proves no core target links CAF.)
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
while IFS= read -r file; do
  while IFS= read -r line; do
    echo "$file: includes CAF: $line"
    status=1
  done < <(grep -E '^#include <caf/' "$file" || true)
  while IFS= read -r line; do
    header=$(sed -E 's/#include "([^"]+)".*/\1/' <<<"$line")
    case "$header" in
      */core/*|*.capnp.h) ;;
      *) echo "$file: includes non-core header $header"; status=1 ;;
    esac
  done < <(grep -E '^#include "' "$file" || true)
done < <(find messages storage net actors runtime -path '*/core/*' \( -name '*.hpp' -o -name '*.cpp' \))
count=$(find messages storage net actors runtime -path '*/core/*' \( -name '*.hpp' -o -name '*.cpp' \) | wc -l)
[ "$status" -eq 0 ] && echo "pure cores: $count files, no CAF and no non-core includes"
exit "$status"
