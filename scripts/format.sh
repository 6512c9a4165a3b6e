#!/usr/bin/env bash
# Formats every C++ and CUDA source with the committed .clang-format.
#   scripts/format.sh          rewrite files in place
#   scripts/format.sh --check  list files that differ and exit 1 (used by scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.h' '*.cc' '*.cu' '*.cuh')
if [ "${1:-}" = "--check" ]; then
  if ! command -v clang-format >/dev/null; then
    echo "format: clang-format not installed, skipping the check"
    exit 0
  fi
  clang-format --dry-run --Werror "${files[@]}"
  echo "format: ${#files[@]} files clean"
else
  clang-format -i "${files[@]}"
fi
